package io.leadgate.channel.email;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classification and contact rules over the project's own fixtures (fixtures/email) and small inline mails. */
class EmailMapperTest {

    private static final EmailMapper.Options LEADS = new EmailMapper.Options("imap", "RU", false);

    static Inquiry fixture(String name, EmailMapper.Options options) {
        try (InputStream in = EmailMapperTest.class.getResourceAsStream("/fixtures/email/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + name);
            }
            return EmailMapper.map(EmailParser.parse(in.readAllBytes(), options.defaultRegion()), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Inquiry inline(String... lines) {
        byte[] raw = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
        return EmailMapper.map(EmailParser.parse(raw, "RU"), LEADS);
    }

    @Test
    void providerIsTakenAsGiven() {
        Inquiry i = inline("From: a@b.example", "", "hi");
        assertEquals(ChannelFamily.EMAIL, i.channel());
        assertEquals("imap", i.provider());
    }

    @Test
    void delayedDeliveryReportIsNotABounce() {
        Inquiry i = fixture("delayed-dsn.eml", LEADS);
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.DELIVERY_DELAYED, i.reason());
        assertNull(i.extra().get("failedRecipients"));
        assertEquals("offer-2024-0042@shop.example", i.extra().get("originalMessageId"));
        assertTrue(i.contact().emails().isEmpty());
    }

    @Test
    void eximBounceWithoutAReportIsABounceButProvesNoAddress() {
        Inquiry i = fixture("exim-bounce.eml", LEADS);
        assertEquals(Reason.BOUNCE, i.reason());
        assertNull(i.extra().get("failedRecipients"), "X-Failed-Recipients is a claim, not a delivery report");
        assertTrue(i.contact().phones().isEmpty(), "no phones from the returned copy");
        assertTrue(i.contact().emails().isEmpty(), "the mail system is no contact");
    }

    @Test
    void qmailBounceWithoutReportIsABounceButProvesNoAddress() {
        Inquiry i = fixture("qmail-bounce.eml", LEADS);
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.BOUNCE, i.reason());
        assertNull(i.extra().get("failedRecipients"));
    }

    @Test
    void mailThatOnlySaysUndeliveredMarksNoAddress() {
        Inquiry i = inline("From: Mail Delivery System <MAILER-DAEMON@mx.attacker.example>", "To: sales@shop.example",
                "Subject: Undelivered Mail Returned to Sender", "X-Failed-Recipients: client@client.example", "",
                "<client@client.example>: host mx.client.example said: 550 user unknown");
        assertEquals(Reason.BOUNCE, i.reason());
        assertNull(i.extra().get("failedRecipients"));
    }

    @Test
    void deliveryReportReturningThisMailboxsMessageNamesTheFailedRecipient() {
        Inquiry i = inlineRaw(dsn("sales@shop.example", "sales@shop.example", "offer-1@shop.example"));
        assertEquals(Reason.BOUNCE, i.reason());
        assertEquals("gone@client.example", i.extra().get("failedRecipients"));
        assertEquals("offer-1@shop.example", i.extra().get("originalMessageId"));
    }

    @Test
    void deliveryReportAboutSomeoneElsesMessageMarksNothing() {
        Inquiry other = inlineRaw(dsn("sales@shop.example", "someone@elsewhere.example", "x-1@elsewhere.example"));
        assertEquals(Reason.BOUNCE, other.reason());
        assertNull(other.extra().get("failedRecipients"), "the returned message was not sent from this mailbox");
        Inquiry noOriginal = inlineRaw(dsn("sales@shop.example", null, null));
        assertNull(noOriginal.extra().get("failedRecipients"), "a report that returns no message proves nothing");
    }

    /** A multipart/report DSN (RFC 3464) to {@code to}, returning the headers of a message from {@code originalFrom}. */
    private static String dsn(String to, String originalFrom, String originalId) {
        String returned = originalFrom == null ? "" : "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: Shop <" + originalFrom + ">\r\nTo: gone@client.example\r\nMessage-ID: <" + originalId + ">\r\n"
                + "Subject: Offer\r\n\r\n";
        return "From: Mail Delivery System <MAILER-DAEMON@mx.shop.example>\r\nTo: " + to + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-" + System.nanoTime() + "@mx.shop.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.shop.example\r\n\r\n"
                + "Final-Recipient: rfc822; gone@client.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + returned + "--B--\r\n";
    }

    private static Inquiry inlineRaw(String raw) {
        return EmailMapper.map(EmailParser.parse(raw.getBytes(StandardCharsets.UTF_8), "RU"), LEADS);
    }

    @Test
    void autoReplyKeepsItsThreadSoTheCoreCanLinkIt() {
        Inquiry i = fixture("vacation-auto-reply.eml", LEADS);
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.AUTO_REPLY, i.reason());
        assertEquals(List.of("offer-2024-0044@shop.example"), i.thread().inReplyTo());
        assertEquals("Иван Петров", i.contact().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: auto-replied", "X-Autoreply: yes", "X-Autorespond: Vacation",
            "Precedence: auto_reply", "Subject: Automatic reply: Your quote", "Subject: Out of Office: back Monday",
            "Subject: Auto: I am away", "Subject: Автоматический ответ: Заявка", "Subject: Automatyczna odpowiedź: test",
            "Auto-Submitted: auto-generated"})
    void autoRepliesAreIgnored(String header) {
        Inquiry i = inline("From: Client <client@client.example>", header, "", "I am away.");
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.AUTO_REPLY, i.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: no", "Subject: Re: automatic replies are annoying", "Precedence: first-class"})
    void ordinaryMailsStayLeads(String header) {
        Inquiry i = inline("From: Client <client@client.example>", header, "", "Please call me.");
        assertEquals(Kind.LEAD, i.kind());
        assertNull(i.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Failed-Recipients: gone@client.example", "Return-Path: <>",
            "From: postmaster@mx.example"})
    void bounceSignsWithoutAReport(String header) {
        Inquiry i = inline(header, "Subject: Undeliverable", "", "Delivery failed.");
        assertEquals(Reason.BOUNCE, i.reason());
    }

    @Test
    void newslettersAreLeadsUnlessTheChannelIgnoresThem() {
        Inquiry lead = fixture("list-newsletter.eml", LEADS);
        assertEquals(Kind.LEAD, lead.kind());
        assertEquals(Reason.NEWSLETTER, lead.reason());
        Inquiry ignored = fixture("list-newsletter.eml", EmailMapper.Options.of(new ChannelDefinition("mail",
                Provider.EMAIL, true, "RU", "mail", Map.of("newsletters", "ignore"), Path.of("mail.yaml"))));
        assertEquals(Kind.IGNORED, ignored.kind());
        assertEquals(Reason.NEWSLETTER, ignored.reason());
        assertEquals("email", ignored.provider());
    }

    @ParameterizedTest
    @ValueSource(strings = {"List-Id: <sales.lists.example>", "Precedence: bulk", "Precedence: list",
            "Feedback-ID: 1234:campaign:esp"})
    void mailingListHeadersMarkNewsletters(String header) {
        assertEquals(Reason.NEWSLETTER, inline("From: Club <club@lists.example>", header, "", "Monthly digest").reason());
    }

    @Test
    void wordpressNotificationMakesTheVisitorTheContact() {
        Inquiry i = fixture("wordpress-cf7.eml", LEADS);
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Мария Сидорова", i.contact().name());
        assertEquals(List.of("maria.sidorova@client.example"), i.contact().emails());
        assertEquals(List.of("+79215551234"), i.contact().phones());
        assertEquals("true", i.extra().get("webForm"));
    }

    @Test
    void htmlTableFormNotificationIsALeadDespiteAutoSubmitted() {
        Inquiry i = fixture("html-form-notification.eml", LEADS);
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Ольга", i.contact().name());
        assertEquals(List.of("+79037654321"), i.contact().phones());
        assertEquals(List.of("olga@client.example"), i.contact().emails());
        assertTrue(i.text().contains("Нужен диван"));
    }

    @Test
    void fieldLinesFromTheSitesOwnMailboxNameTheVisitor() {
        Inquiry i = fixture("site-mailbox-form-lines.eml", LEADS);
        assertEquals("Пётр Иванов", i.contact().name());
        assertEquals(List.of("+79167654321"), i.contact().phones());
        assertEquals(List.of("petr@client.example"), i.contact().emails());
        assertEquals("ООО Ромашка", i.contact().company());
    }

    @Test
    void germanFormIsRecognisedByStructureNotByWords() {
        Inquiry i = inline("From: Praxis Website <noreply@praxis.example>", "To: info@praxis.example",
                "Subject: Neue Anfrage", "Content-Type: text/plain; charset=utf-8", "",
                "Vorname: Max", "Nachname: Mustermann", "Telefonnummer: +49 30 1234567",
                "E-Mail-Adresse: max@kunde.example", "Nachricht: Bitte um Rückruf");
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Max Mustermann", i.contact().name());
        assertEquals(List.of("+49301234567"), i.contact().phones());
        assertEquals(List.of("max@kunde.example"), i.contact().emails());
        assertEquals("true", i.extra().get("webForm"));
    }

    @Test
    void japaneseFormFromTheSitesOwnDomainNamesTheVisitor() {
        Inquiry i = inline("From: site@shop.example.jp", "To: sales@shop.example.jp", "Subject: お問い合わせ",
                "Content-Type: text/plain; charset=utf-8", "", "お名前：山田太郎", "電話番号：+81 3-1234-5678",
                "メールアドレス：taro@kyaku.example", "お問い合わせ内容：見積もりをお願いします");
        assertEquals("山田太郎", i.contact().name());
        assertEquals(List.of("taro@kyaku.example"), i.contact().emails());
        assertEquals(List.of("+81312345678"), i.contact().phones());
        assertEquals("true", i.extra().get("webForm"));
    }

    @Test
    void robotWithSomeoneElseInReplyToIsAFormInAnyLanguage() {
        Inquiry i = inline("From: Tienda <wordpress@tienda.example>", "To: ventas@tienda.example",
                "Reply-To: =?UTF-8?Q?Mar=C3=ADa_L=C3=B3pez?= <maria@cliente.example>", "Subject: Nuevo mensaje",
                "Content-Type: text/plain; charset=utf-8", "", "Mensaje: ¿Tienen envío a Valencia?");
        assertEquals("María López", i.contact().name());
        assertEquals(List.of("maria@cliente.example"), i.contact().emails());
        assertEquals("true", i.extra().get("webForm"));
    }

    @Test
    void fieldLinesFromAnOutsideSenderAreNoForm() {
        Inquiry i = inline("From: Anna Berg <anna@client.example>", "To: sales@shop.example",
                "Content-Type: text/plain; charset=utf-8", "", "Name: Someone Else", "Phone: +49 30 7654321",
                "Email: someone@else.example");
        assertEquals(List.of("anna@client.example"), i.contact().emails(), "a person, not a site robot, wrote it");
        assertNull(i.extra().get("webForm"));
    }

    @Test
    void robotMailWithoutContactFieldsIsNoForm() {
        Inquiry i = inline("From: noreply@shop.example", "To: sales@shop.example", "Subject: Bestellung", "",
                "Bestellnummer: 12345", "Datum: 05.03.2024 15:00");
        assertEquals(List.of("noreply@shop.example"), i.contact().emails());
        assertNull(i.extra().get("webForm"));
    }

    @Test
    void robotAnsweringToItsOwnDomainIsNoForm() {
        Inquiry i = inline("From: noreply@shop.example", "To: client@client.example", "Reply-To: support@shop.example",
                "Subject: Your order", "", "Thank you for your order.");
        assertEquals(List.of("noreply@shop.example"), i.contact().emails());
        assertNull(i.extra().get("webForm"));
    }

    @Test
    void robotWithoutVisitorStaysTheSender() {
        Inquiry i = inline("From: noreply@shop.example", "Subject: Order shipped", "", "Your order has shipped.");
        assertEquals(List.of("noreply@shop.example"), i.contact().emails());
        assertNull(i.extra().get("webForm"));
    }

    @Test
    void personWithSignatureIsNotMistakenForAForm() {
        Inquiry i = inline("From: Anna Berg <anna@client.example>", "Content-Type: text/plain; charset=utf-8", "",
                "Hello, we need 5 licences.", "", "-- ", "Phone: +49 30 1234567", "Email: anna.berg@client.example");
        assertEquals("Anna Berg", i.contact().name());
        assertEquals(List.of("anna@client.example"), i.contact().emails());
        assertEquals(List.of("+49301234567"), i.contact().phones());
    }

    @Test
    void missingMessageIdGivesAHashKeyAndUnicodeAddressesStay() {
        byte[] raw = "From: \"Jöhn\" <JÖHN@Mächine.example>\r\n\r\nbody".getBytes(StandardCharsets.UTF_8);
        Inquiry i = EmailMapper.map(EmailParser.parse(raw, "RU"), LEADS);
        assertTrue(i.externalId().matches("sha256:[0-9a-f]{64}"));
        assertEquals(List.of("jöhn@mächine.example"), i.contact().emails());
    }
}
