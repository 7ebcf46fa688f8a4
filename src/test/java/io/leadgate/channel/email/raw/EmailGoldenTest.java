package io.leadgate.channel.email.raw;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every sample in conformance/email, posted raw to the {@code email} hook, against the facts of EXPECTED.md. */
class EmailGoldenTest {

    /** One EXPECTED.md row. {@code id} null = no Message-ID (hash key); attachments as {@code name|type}. */
    record Row(String file, Kind kind, String reason, String name, String email, String subject, String id,
               List<String> inReplyTo, List<String> references, List<String> attachments, List<String> fragments,
               String failedRecipients) {
    }

    private static final String BOUNCE1_FAILED = "bbbbvhvbbvkjbhfbvbvjhb@gmail.com,bscdbcjhasbcjhbdscbhbsdhcbj@gmail.com,"
            + "egyfefsdvsfvvhjsd@gmail.com,kfhejkfbsjkjsbhds@gmail.com,qfvhgsvhgsduiohncdhcvhsdfvsfygusd@gmail.com";
    private static final String THREAD_7BIT = "20171011085432.15374.20485@web.hades.company";

    private static final Map<String, Row> ROWS = rows(
            row("mikel-mail__basic_email.eml", Kind.LEAD, null, "Mikel Lindsaar", "test@lindsaar.net", "Testing 123",
                    "6B7EC235-5B17-4CA8-B2B8-39290DEB43A3@test.lindsaar.net", List.of(), List.of(), List.of(),
                    List.of("Plain email.", "Mikel"), null),
            row("mikel-mail__raw_email_reply.eml", Kind.LEAD, null, "Testing", "xxxxxxxx@xxx.org",
                    "Re: Test reply email", "473FFE27.20003@xxx.org", List.of("348F04F142D69C21-291E56D292BC@xxxx.net"),
                    List.of("473FF3B8.9020707@xxx.org", "348F04F142D69C21-291E56D292BC@xxxx.net"), List.of(),
                    List.of("Message body"), null),
            row("mikel-mail__attachment_pdf.eml", Kind.LEAD, null, "Test Tester", "xxxx@xxxx.com",
                    "Another PDF with 🎉 Unicode chars in it 🍿", "xxxx@xxxx.com", List.of(), List.of(),
                    List.of("broken.pdf|application/pdf"), List.of("Just attaching another PDF"), null),
            row("mikel-mail__utf8_headers.eml", Kind.LEAD, null, "Jöhn Doe", "jdöe@mächine.example", "Säying Hello",
                    null, List.of(), List.of(), List.of(), List.of("body"), null),
            row("mikel-mail__multi_address_bounce1.eml", Kind.IGNORED, "bounce", null, null,
                    "Undelivered Mail Returned to Sender", "20100224061641.3E47A1BC025@lvmail01.LL.com", List.of(),
                    List.of(), List.of(), List.of("could not"), BOUNCE1_FAILED),
            row("mikel-mail__new_line_in_to_header.eml", Kind.LEAD, null, null, "l@gcn-example.com",
                    "[Online Lead] Online Lead #1111111", "4cb5c7d0a3cce_120e..fdbed2b861958562@s.t-example.com.tmail",
                    List.of(), List.of(), List.of(), List.of("<prospect>"), null),
            row("mikel-mail__trademark_character_in_subject.eml", Kind.LEAD, null, null, "j@yahoo-example.com",
                    "GA.comô has a lead for you", "MDAEMON-F201010121621.AA2105420md50000198258@ga-example.com",
                    List.of(), List.of(), List.of(), List.of("Body Text"), null),
            row("mikel-mail__bad_encoded_subject.eml", Kind.LEAD, null, null, null, "TEST", null, List.of(), List.of(),
                    List.of(), List.of("TEST"), null),
            row("mikel-mail__raw_email_with_illegal_boundary.eml", Kind.LEAD, null, "Mikel Lindsaar",
                    "email_test@me.nowhere", "Testing outlook", "009601c813c6$19df3510$0437d30a@mikel091a", List.of(),
                    List.of(), List.of(), List.of("Hello\nThis is an outlook test\n\nSo there.\n\nMe."), null),
            // HTML-only service mail from hello@: "no (newsletter) / or yes if not filtered" – no list header, so a lead
            row("imap_tools__base.eml", Kind.LEAD, null, "Яндекс", "hello@yandex.ru", "Соберите всю почту в этот ящик",
                    "20110815165837.A26162B2802A@yaback1.mail.yandex.net", List.of(), List.of(),
                    List.of("collector.jpg|image/jpeg"), List.of("Здравствуйте!", "Яндекс.Почт"), null),
            row("imap_tools__attachment_7bit.eml", Kind.LEAD, null, null, "i.kor@company.ru", "статус",
                    "2405271c-86ac-0a65-e50c-d1ebccfcc644@company.ru", List.of(THREAD_7BIT), List.of(THREAD_7BIT),
                    List.of("Contract 25 04 2020.docx|message/rfc822"),
                    List.of("Новый заказ №28922", "Клиент Ковчег (Гусев Дмитрий)"), null),
            row("imap_tools__forwarded_message.eml", Kind.LEAD, null, null, "i.kor@company.ru", "статус",
                    "2405271c-86ac-0a65-e50c-d1ebccfcc644@company.ru", List.of(THREAD_7BIT), List.of(),
                    List.of("null|message/rfc822"), List.of("Новый заказ №28922"), null),
            row("imap_tools__attachment_inline1.eml", Kind.LEAD, "newsletter", "Команда Почты Mail.Ru",
                    "welcome@corp.mail.ru", "Mail.Ru – больше, чем почта. Познакомьтесь с проектами Mail.Ru Group", null,
                    List.of(), List.of(), List.of("blank.png|image/png", "sm-ok.png|image/png", "logo.png|image/png"),
                    List.of("Здравствуйте"), null),
            row("imap_tools__raw_email_with_partially_quoted_content_id.eml", Kind.LEAD, null, null,
                    "sender@example.com", "Пример email с вложением и Content-ID", null, List.of(), List.of(),
                    List.of("example.png|image/png"), List.of("текстовое сообщение с вложением, у которого есть Content-ID."),
                    null),
            row("imap_tools__InvalidMultipartContentTransferEncodingDefect.eml", Kind.LEAD, null, null, "bit@ufo.ru",
                    "TTT: 1/20.1.UFA Depart", "2104200731.1@ufo.ru", List.of(), List.of(), List.of(),
                    List.of("MVT", "U68925/20.VQBCE.UFA"), null),
            row("php-mime-mail-parser__m0001.eml", Kind.LEAD, null, "Name", "name@company.com",
                    "Mail avec fichier attaché de 1ko", "CAH_ZkVmUSM8t2JxgqcuLCQ8d+R_hkKpNHTubJOQK07y=36+d4Q@mail.gmail.com",
                    List.of(), List.of(), List.of("attach01|application/octet-stream"), List.of(), null),
            row("php-mime-mail-parser__m0016.eml", Kind.LEAD, null, "Doug Sauder", "dwsauder@example.com",
                    "Test message with multiple From headers", "392367BC.3D075C95@example.com", List.of(), List.of(),
                    List.of("HasenundFrösche.txt|text/plain"), List.of("Die Hasen und die Frösche"), null),
            row("php-mime-mail-parser__issue212.eml", Kind.IGNORED, "auto-reply", null, null,
                    "Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka", null, List.of(),
                    List.of(), List.of(), List.of("toto"), null),
            row("php-mime-mail-parser__issue230.eml", Kind.LEAD, "newsletter",
                    "Science and Education Foundation, Bulgaria", "science@news-s.info",
                    "Scientific conferences, Bulgaria 2019", "741248069714414411836@DESKTOP-57VP31H", List.of(),
                    List.of(), List.of(), List.of("ACADEMIC NEWSLETTER #11 | March 2019"), null),
            row("php-mime-mail-parser__failure.eml", Kind.IGNORED, "bounce", null, "foo@bar.de", null, null, List.of(),
                    List.of(), List.of(), List.of("次の受信者"), null),
            row("flanker__bilingual-simple.eml", Kind.LEAD, null, "Hello", "hello@example.com",
                    "Simple text. How are you? Как ты поживаешь?", "341090.85574.qm@web50704.mail.re2.yahoo.com",
                    List.of(), List.of(), List.of(), List.of("This line is in English\nА эта линия по-русски."), null),
            // EXPECTED leaves the MDN's name open; the From display name is kept
            row("flanker__disposition-notification.eml", Kind.IGNORED, "read-receipt", "Joe Recipient",
                    "joe_recipient@example.com", "Disposition notification", "199509200019.12345@example.com", List.of(),
                    List.of(), List.of(), List.of("has been displayed"), null),
            row("flanker__mailformed-headers.eml", Kind.LEAD, null, "Юникод запрещен", "headers@gmail.com", "´!", null,
                    List.of(), List.of(), List.of(), List.of(), null),
            row("flanker__missing-final-boundary.eml", Kind.LEAD, null, null, "me@example.com", "Test", null, List.of(),
                    List.of(), List.of(), List.of("Some body"), null),
            row("thunderbird__sample04_koi8r.eml", Kind.LEAD, null, "Bug Reporter", "new@thunderbird.bug", "Алфавит",
                    "04.eml@mime.sample", List.of(), List.of(), List.of(), List.of("Вопрос"), null),
            row("zammad__mail033-undelivered-mail-returned-to-sender-notification.eml", Kind.IGNORED, "bounce", null,
                    null, "Undelivered Mail Returned to Sender", "20150830145606.9246B20C3E96@mx1.zammad.com", List.of(),
                    List.of(), List.of(), List.of("could not"), "not_existing@znuny.com"));

    private final EmailAdapter adapter = new EmailAdapter();
    private final ChannelDefinition channel = new ChannelDefinition("mail", Provider.EMAIL, true, "RU", "mail",
            Map.of(), Path.of("test.yaml"));

    static Stream<Path> samples() {
        return Conformance.files("email", ".eml").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesTheExpectedFacts(Path file) throws Exception {
        Row row = ROWS.get(file.getFileName().toString());
        if (row == null) {
            fail("no EXPECTED row for " + file.getFileName() + ": add one to this test");
        }
        byte[] raw = Files.readAllBytes(file);
        List<Inquiry> items = adapter.parse(post(raw), channel);
        assertEquals(1, items.size());
        Inquiry i = items.get(0);
        assertEquals(ChannelFamily.EMAIL, i.channel());
        assertEquals("email", i.provider());
        assertEquals(row.kind(), i.kind(), "kind");
        assertEquals(row.reason(), Reason.codeOf(i.reason()), "reason");
        assertEquals(row.name(), i.contact().name(), "contact name");
        assertEquals(row.email() == null ? List.of() : List.of(row.email()), i.contact().emails(), "contact email");
        assertEquals(row.subject(), i.subject(), "subject");
        assertEquals(row.id() != null ? row.id() : "sha256:" + io.leadgate.channel.Secrets.hex(
                io.leadgate.channel.Secrets.sha256(raw)), i.externalId(), "externalId");
        assertEquals(row.inReplyTo(), i.thread().inReplyTo(), "In-Reply-To");
        assertEquals(row.references(), i.thread().references(), "References");
        assertEquals(row.attachments(), i.attachments().stream().map(a -> a.name() + "|" + a.contentType()).toList());
        for (String fragment : row.fragments()) {
            assertNotNull(i.text(), "text");
            assertTrue(i.text().contains(fragment), "text contains «" + fragment + "»: " + i.text());
        }
        assertEquals(row.failedRecipients(), i.extra().get("failedRecipients"), "failed recipients");
    }

    @Test
    void forwardedVariantHasTheSameKeySoTheCoreDedupesIt() throws Exception {
        Inquiry original = adapter.parse(post(Conformance.bytes("email/imap_tools__attachment_7bit.eml")), channel).get(0);
        Inquiry variant = adapter.parse(post(Conformance.bytes("email/imap_tools__forwarded_message.eml")), channel).get(0);
        assertEquals(original.externalId(), variant.externalId());
    }

    @Test
    void bouncesNameTheOutboundMessageTheyAreAbout() throws Exception {
        Inquiry bounce = adapter.parse(post(Conformance.bytes(
                "email/zammad__mail033-undelivered-mail-returned-to-sender-notification.eml")), channel).get(0);
        assertEquals("notification.20150830145600.1.4.5f4fd063-f69b-4e64-a92d-5e7128bd6682@127.0.0.1:3000",
                bounce.extra().get("originalMessageId"));
        Inquiry receipt = adapter.parse(post(Conformance.bytes("email/flanker__disposition-notification.eml")), channel)
                .get(0);
        assertEquals("199509192301.23456@example.org", receipt.extra().get("originalMessageId"));
    }

    @Test
    void inlineImagesCarryTheirContentId() throws Exception {
        Inquiry mail = adapter.parse(post(Conformance.bytes("email/imap_tools__attachment_inline1.eml")), channel).get(0);
        assertEquals(List.of("cid:part1.02000503.06000807@mail.ru", "cid:part41.01020108.09060604@mail.ru",
                "cid:part51.09060808.01070700@mail.ru"), mail.attachments().stream().map(Attachment::ref).toList());
        assertTrue(mail.attachments().stream().allMatch(a -> a.size() != null && a.size() > 0));
    }

    @Test
    void validDatesBecomeOccurredAtAndInvalidOnesNull() throws Exception {
        assertEquals(Instant.parse("2008-11-22T04:04:59Z"), adapter.parse(post(Conformance.bytes(
                "email/mikel-mail__basic_email.eml")), channel).get(0).occurredAt());
        assertEquals(null, adapter.parse(post(Conformance.bytes(
                "email/mikel-mail__trademark_character_in_subject.eml")), channel).get(0).occurredAt());
    }

    @Test
    void toHeaderWithAnEmptyFoldedLineStillListsSixAddresses() throws Exception {
        Inquiry mail = adapter.parse(post(Conformance.bytes("email/mikel-mail__new_line_in_to_header.eml")), channel)
                .get(0);
        assertEquals(6, mail.extra().get("to").split(",").length);
        assertFalse(mail.extra().get("to").contains(" "));
    }

    static HookRequest post(byte[] body) {
        return new HookRequest("POST", "", Headers.of(Map.of("Content-Type", List.of("message/rfc822"))), null, body,
                "http://localhost/hooks/mail", "127.0.0.1", Instant.now());
    }

    private static Row row(String file, Kind kind, String reason, String name, String email, String subject, String id,
                           List<String> inReplyTo, List<String> references, List<String> attachments,
                           List<String> fragments, String failed) {
        return new Row(file, kind, reason, name, email, subject, id, inReplyTo, references, attachments, fragments,
                failed);
    }

    private static Map<String, Row> rows(Row... rows) {
        Map<String, Row> map = new HashMap<>();
        for (Row r : rows) {
            map.put(r.file(), r);
        }
        return map;
    }
}
