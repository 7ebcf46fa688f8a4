package io.leadgate.channel.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailParserTest {

    /** A message from header lines and a body, CRLF line ends, every char one byte (raw 8-bit as written). */
    static byte[] mail(String body, String... headers) {
        return (String.join("\r\n", headers) + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static ParsedMail parse(byte[] raw) {
        return EmailParser.parse(raw, "RU");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "koi8-r|KOI8-R|Здравствуйте, сколько стоит?",
            "windows-1251|windows-1251|Здравствуйте, сколько стоит?",
            "cp1251|windows-1251|Здравствуйте, сколько стоит?",
            "win-1251|windows-1251|Здравствуйте, сколько стоит?",
            "x-mac-cyrillic|x-MacCyrillic|Здравствуйте, сколько стоит?",
            "iso8859-5|ISO-8859-5|Здравствуйте, сколько стоит?",
            "\"UTF-8\"|UTF-8|Здравствуйте, сколько стоит?",
            "windows-1250|windows-1250|Łódź, Zäh",
            "iso-8859-1|ISO-8859-1|Grüße, Zäh",
            "gb2312|GB18030|你好，价格是多少"})
    void bodyInAnyCharsetJavaCanDecode(String label, String javaName, String text) {
        byte[] raw = concat(mail("", "From: a@b.ru", "Content-Type: text/plain; charset=" + label,
                "Content-Transfer-Encoding: 8bit"), text.getBytes(Charset.forName(javaName)));
        assertEquals(text, parse(raw).text());
    }

    @Test
    void unknownBodyCharsetFallsBackToUtf8ThenLatin1() {
        byte[] utf8 = concat(mail("", "Content-Type: text/plain; charset=x-unknown-thing"),
                "Привет".getBytes(StandardCharsets.UTF_8));
        assertEquals("Привет", parse(utf8).text());
        byte[] latin1 = concat(mail("", "Content-Type: text/plain; charset=binary"),
                "Grüße".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Grüße", parse(latin1).text());
    }

    @Test
    void encodedWordsAcrossLinesAreJoinedEvenWhenACharacterIsSplit() {
        byte[] bytes = "Заявка".getBytes(StandardCharsets.UTF_8); // 12 bytes: split inside the 2nd character
        Base64.Encoder b64 = Base64.getEncoder();
        String subject = "=?utf-8?B?" + b64.encodeToString(java.util.Arrays.copyOfRange(bytes, 0, 3)) + "?=\r\n =?UTF-8?B?"
                + b64.encodeToString(java.util.Arrays.copyOfRange(bytes, 3, 12)) + "?=";
        assertEquals("Заявка", parse(mail("x", "Subject: " + subject)).subject());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "=?utf-8?Q?Hello?==?utf-8?Q?_World?=|Hello World",
            "Re:=?utf-8?Q?Price?=|Re:Price",
            "=?windows-1251?B?z/Do4uXy?= mir|Привет mir",
            "=?NONE?Q?TEST?=|TEST",
            "=?utf-8?B?broken??=|=?utf-8?B?broken??=",
            "=?koi8-r?B?4czGwdfJ1Ao=?=|Алфавит",
            "=?utf-8*ru?Q?=D0=94=D0=B0?=|Да"})
    void encodedWordsDecodedLeniently(String written, String expected) {
        assertEquals(expected, parse(mail("x", "Subject: " + written)).subject());
    }

    @Test
    void rawEightBitHeadersAreUtf8FirstThenTheBodyCharset() {
        String utf8 = new String("Цена".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("Цена", parse(mail("x", "Subject: " + utf8)).subject());
        String cp1251 = new String("Цена".getBytes(Charset.forName("windows-1251")), StandardCharsets.ISO_8859_1);
        assertEquals("Цена", parse(mail("x", "Subject: " + cp1251, "Content-Type: text/plain; charset=windows-1251"))
                .subject());
        assertEquals("Café", parse(mail("x", "Subject: Caf\u00e9")).subject());
    }

    @Test
    void partsWithoutAHeaderBlockKeepTheirText() {
        assertEquals("Hello, I need a quote.", parse("Hello, I need a quote.".getBytes(StandardCharsets.US_ASCII)).text());
        String raw = "--b\r\nPlease call me back\r\n--b--\r\n";
        assertEquals("Please call me back", parse(mail(raw, "Content-Type: multipart/mixed; boundary=b")).text());
    }

    @Test
    void severalFromHeadersTakeTheFirst() {
        ParsedMail m = parse(mail("x", "From: First <first@example.com>", "From: Second <second@example.com>"));
        assertEquals(new ParsedMail.Mailbox("First", "first@example.com"), m.from());
    }

    @Test
    void emptyAndUnindentedHeaderContinuationsDoNotBreakTheHeaders() {
        ParsedMail m = parse(mail("body", "From envelope@example.com  Mon Jan  1 00:00:00 2024",
                "To: a@example.com,", "\t", " b@example.com", "Subject: Hello", "unindented continuation",
                "From: Sender <sender@example.com>"));
        assertEquals(List.of("a@example.com", "b@example.com"), m.to().stream().map(ParsedMail.Mailbox::address).toList());
        assertEquals("sender@example.com", m.from().address());
        assertEquals("Hello unindented continuation", m.subject());
        assertEquals("body", m.text());
    }

    @Test
    void addressesWithCommentsGroupsAndEncodedNames() {
        ParsedMail m = parse(mail("x", "From: MAILER-DAEMON@mx.example.com (Mail Delivery System)",
                "To: undisclosed-recipients:;", "Reply-To: \"Doe, John\" <John.Doe@Example.com>, =?utf-8?B?0JjQstCw0L0=?= <ivan@example.ru>"));
        assertEquals(new ParsedMail.Mailbox("Mail Delivery System", "mailer-daemon@mx.example.com"), m.from());
        assertTrue(m.to().isEmpty());
        assertEquals(List.of(new ParsedMail.Mailbox("Doe, John", "john.doe@example.com"),
                new ParsedMail.Mailbox("Иван", "ivan@example.ru")), m.replyTo());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sat, 22 Nov 2008 15:04:59 +1100|2008-11-22T04:04:59Z",
            "22 Nov 08 15:04 EST|2008-11-22T20:04:00Z",
            "Wed, 20 Sep 1995 00:19:00 (EDT) -0400|1995-09-20T04:19:00Z",
            "Sun, 7 Feb 2010 14:02:38 -0800 (PST)|2010-02-07T22:02:38Z",
            "2021-04-20T12:31:24+05:00|2021-04-20T07:31:24Z"})
    void datesInTheFormsMailersWrite(String written, String expected) {
        assertEquals(Instant.parse(expected), parse(mail("x", "Date: " + written)).date());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tue, 12 Oct 2010 16:21:05 H0500", "(invalid)", "Mon, 31 Feb 2020 10:00:00 +0000",
            "Mon, 1 Jan 1900 10:00:00 +0000", "Mon, 1 Jan 2999 10:00:00 +0000", "yesterday", "Mon, 1 Jan 2020 25:00:00 +0000"})
    void invalidOrAbsurdDatesAreNull(String written) {
        assertNull(parse(mail("x", "Date: " + written)).date());
    }

    @Test
    void htmlOnlyBodyBecomesReadableText() {
        String html = "<html><head><title>T</title><style>p{color:red}</style></head><body>"
                + "<script>alert('x')</script><p>Hello&nbsp;there &amp; welcome&#33;</p>"
                + "<div>Line one<br>Line&#x20;two</div><table><tr><td>Имя:</td><td>Иван</td></tr>"
                + "<tr><td>Phone</td><td>+7 916 123-45-67</td></tr></table><ul><li>first</li><li>second</li></ul>"
                + "<!-- hidden --></body></html>";
        ParsedMail m = parse(("Content-Type: text/html; charset=utf-8\r\n\r\n" + html).getBytes(StandardCharsets.UTF_8));
        assertTrue(m.htmlBody());
        assertEquals("Hello there & welcome!\n\nLine one\nLine two\nИмя:\tИван\nPhone\t+7 916 123-45-67\n- first\n- second",
                m.text());
    }

    @Test
    void plainTextIsPreferredOverHtml() {
        String raw = "--b\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--b\r\nContent-Type: text/plain\r\n\r\nplain\r\n--b--\r\n";
        ParsedMail m = parse(mail(raw, "Content-Type: multipart/alternative; boundary=b"));
        assertEquals("plain", m.text());
        assertFalse(m.htmlBody());
    }

    @Test
    void transferEncodingOnAMultipartIsIgnoredOrDecodedWhicheverSplits() {
        String inner = "--x\r\nContent-Type: text/plain\r\n\r\ninner text\r\n--x--\r\n";
        assertEquals("inner text", parse(mail(inner, "Content-Type: multipart/mixed; boundary=x",
                "Content-Transfer-Encoding: base64")).text());
        String encoded = Base64.getMimeEncoder().encodeToString(inner.getBytes(StandardCharsets.US_ASCII));
        assertEquals("inner text", parse(mail(encoded, "Content-Type: multipart/mixed; boundary=x",
                "Content-Transfer-Encoding: base64")).text());
    }

    @Test
    void brokenAndMissingFinalBoundariesKeepTheText() {
        assertEquals("first part", parse(mail("--x\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n",
                "Content-Type: multipart/mixed; boundary=\"x\"")).text());
        ParsedMail unsplittable = parse(mail("no boundary at all here\r\n", "Content-Type: multipart/mixed; boundary=zz"));
        assertTrue(unsplittable.text().contains("no boundary at all here"));
    }

    @Test
    void formatFlowedLinesAreJoined() {
        ParsedMail m = parse(mail("This is a long \r\nflowed line.\r\n-- \r\nSig", "Content-Type: text/plain; format=flowed"));
        assertEquals("This is a long flowed line.\n--\nSig", m.text());
    }

    @Test
    void attachmentNamesAreMadeSafe() {
        String longName = "x".repeat(300) + ".pdf";
        String raw = "--b\r\nContent-Type: text/plain\r\n\r\nsee files\r\n"
                + part("application/pdf; name=\"..\\\\..\\\\Windows\\\\evil.pdf\"", null)
                + part("application/octet-stream", "attachment; filename=\"/etc/pass\u0007wd\"")
                + part("application/octet-stream", "attachment; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82.xlsx")
                + part("application/octet-stream", "attachment; filename=\"=?utf-8?B?0JTQvtCz0L7QstC+0YA=?=.docx\"")
                + part("application/octet-stream", "attachment; filename*0*=utf-8''%D0%90; filename*1=\"bc.txt\"")
                + part("application/pdf", "attachment; filename=\"" + longName + "\"")
                + part("image/png", "inline") + "--b--\r\n";
        ParsedMail m = parse(mail(raw, "Content-Type: multipart/mixed; boundary=b"));
        List<String> names = m.attachments().stream().map(ParsedMail.MailAttachment::name).toList();
        assertEquals("evil.pdf", names.get(0));
        assertEquals("passwd", names.get(1));
        assertEquals("Счёт.xlsx", names.get(2));
        assertEquals("Договор.docx", names.get(3));
        assertEquals("Аbc.txt", names.get(4));
        assertEquals(255, names.get(5).length());
        assertTrue(names.get(5).endsWith(".pdf"));
        assertNull(names.get(6));
        assertEquals(4, m.attachments().get(0).size());
        assertEquals("see files", m.text());
    }

    private static String part(String type, String disposition) {
        return "--b\r\nContent-Type: " + type + "\r\n" + (disposition == null ? "" : "Content-Disposition: " + disposition
                + "\r\n") + "Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n";
    }

    @Test
    void quotedRepliesAreTrimmed() {
        assertEquals("Yes, please call me.", parse(mail("Yes, please call me.\r\n\r\nOn Mon, 1 Jan 2024 at 10:00, Shop "
                + "<sales@shop.example> wrote:\r\n> Would you like a quote?\r\n> Best, Shop", "From: a@b.c")).text());
        assertEquals("Да, интересно.", parse(utf8Mail("Да, интересно.\n\n12.10.2017 9:41, Иван Петров писал(а):\n"
                + "> Предлагаем скидку\n")).text());
        assertEquals("Please send the invoice.", parse(mail("Please send the invoice.\r\n\r\n-----Original Message-----"
                + "\r\nFrom: Shop [mailto:sales@shop.example]\r\nSent: Monday\r\nSubject: offer\r\n\r\nOur offer", "From: a@b.c"))
                .text());
        assertEquals("Thanks.", parse(mail("Thanks.\r\n\r\n________________________________\r\nFrom: Shop "
                + "<sales@shop.example>\r\nSent: Monday\r\n\r\nOffer", "From: a@b.c")).text());
    }

    @Test
    void interleavedAnswersAndForwardsAreKept() {
        String interleaved = "On Mon, 1 Jan 2024, Shop <s@shop.example> wrote:\r\n> Which size?\r\nXL\r\n> Colour?\r\nRed\r\n";
        assertEquals("XL\nRed", parse(mail(interleaved, "From: a@b.c")).text());
        String forward = "FYI\r\n\r\n-----Original Message-----\r\nFrom: Client <c@client.example>\r\nSent: Monday\r\n\r\n"
                + "I want to buy 10 units";
        assertTrue(parse(mail(forward, "From: a@b.c", "Subject: FW: order")).text().contains("I want to buy 10 units"));
        String onlyQuote = "> everything is quoted\r\n> here";
        assertEquals("> everything is quoted\n> here", parse(mail(onlyQuote, "From: a@b.c")).text());
    }

    @Test
    void phonesAreFoundInTheTextAndSignatureButNotInTheQuote() {
        ParsedMail m = parse(utf8Mail("Перезвоните мне, пожалуйста.\n\n--\nИван\nтел. 8 (916) 123-45-67\n\n"
                + "On Mon, 1 Jan 2024, Shop <s@shop.example> wrote:\n> Наш телефон +7 495 111-22-33\n"));
        assertEquals(List.of("8 (916) 123-45-67"), m.phones());
    }

    @Test
    void messageIdAndThreadIdsLoseTheirBrackets() {
        ParsedMail m = parse(mail("x", "Message-ID:\r\n <abc@example.com>", "In-Reply-To: <p1@example.com> (John's message)",
                "References: <p0@example.com>\r\n <p1@example.com>"));
        assertEquals("abc@example.com", m.messageId());
        assertEquals(List.of("p1@example.com"), m.inReplyTo());
        assertEquals(List.of("p0@example.com", "p1@example.com"), m.references());
    }

    @Test
    void neverThrowsOnJunk() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            assertNotNull(parse(junk).sha256());
        }
        assertNotNull(parse(new byte[0]));
        assertNotNull(parse(null));
        StringBuilder nested = new StringBuilder();
        for (int d = 0; d < 200; d++) {
            nested.append("--b").append(d).append("\r\nContent-Type: multipart/mixed; boundary=b").append(d + 1).append("\r\n\r\n");
        }
        ParsedMail deep = parse(mail(nested + "deep", "Content-Type: multipart/mixed; boundary=b0"));
        assertNotNull(deep.text());
        StringBuilder many = new StringBuilder();
        for (int p = 0; p < 3000; p++) {
            many.append("--m\r\nContent-Type: image/png\r\n\r\nx\r\n");
        }
        assertTrue(parse(mail(many + "--m--", "Content-Type: multipart/mixed; boundary=m")).attachments().size() <= 1000);
    }

    @Test
    void pathologicalBodiesStayLinear() {
        String html = "<style>".repeat(20_000) + "<a href=\"x".repeat(20_000) + "<p>end</p>";
        String lines = "Name:" + " ".repeat(200_000) + "x\n" + "On 1 Jan wrote:\n> q\n".repeat(5_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertNotNull(parse(mail(html, "Content-Type: text/html")).text());
            ParsedMail m = parse(mail(lines, "From: noreply@site.example"));
            assertNotNull(EmailMapper.map(m, new EmailMapper.Options("email", "RU", false)));
        });
    }

    private static byte[] utf8Mail(String body) {
        return ("From: a@b.c\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
