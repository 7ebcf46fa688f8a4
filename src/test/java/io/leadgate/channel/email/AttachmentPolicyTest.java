package io.leadgate.channel.email;

import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachment contents kept or dropped per channel setting, with a size limit; the facts are always kept. */
public class AttachmentPolicyTest {

    public static final byte[] SMALL = "%PDF-1.4 small quote".getBytes(StandardCharsets.US_ASCII);

    /** A mail with a small PDF and a larger CSV attachment. */
    public static byte[] mail(String messageId) {
        String big = "x".repeat(3000);
        return ("From: Client <client@example.com>\r\nTo: sales@example.com\r\nSubject: Quote\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease see the files.\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"quote.pdf\"\r\nContent-Disposition: attachment; filename=\"../../quote.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(SMALL) + "\r\n"
                + "--b1\r\nContent-Type: text/csv; name=\"big.csv\"\r\nContent-Disposition: attachment; filename=\"big.csv\"\r\n\r\n"
                + big + "\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Inquiry map(EmailMapper.Options options) {
        return EmailMapper.map(EmailParser.parse(mail("att-1@example.com"), "RU"), options);
    }

    @Test
    void contentsAreDroppedByDefaultAndTheFactsKept() {
        Inquiry i = map(new EmailMapper.Options("email", "RU", false));
        List<Attachment> files = i.attachments();
        assertEquals(2, files.size());
        assertEquals("quote.pdf", files.get(0).name(), "no path parts");
        assertEquals((long) SMALL.length, files.get(0).size());
        assertTrue(files.stream().allMatch(a -> a.content() == null));
        assertFalse(InquiryJson.toJson(i).toString().contains("\"stored\""));
    }

    @Test
    void storedContentsStopAtTheSizeLimit() {
        Inquiry i = map(new EmailMapper.Options("email", "RU", false, true, 1000));
        assertArrayEquals(SMALL, i.attachments().get(0).content());
        assertNull(i.attachments().get(1).content(), "3 000 bytes is over the 1 000-byte limit");
        assertEquals(3000L, i.attachments().get(1).size());
        assertTrue(InquiryJson.toJson(i).get("attachments").get(0).get("stored").asBoolean());
        assertNull(InquiryJson.toJson(i).get("attachments").get(1).get("stored"));
        assertFalse(i.attachments().get(0).toString().contains("PDF"), "bytes never reach a log line");
    }
}
