package io.leadgate.inquiry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every provider's attachment names are cleaned the same way, in the record itself. */
class AttachmentNameTest {

    @Test
    void pathsControlAndBidiCharactersAreRemoved() {
        assertEquals("passwd", new Attachment("../../etc/passwd", null, null, null).name());
        assertEquals("invoice.pdf", new Attachment("C:\\Users\\x\\invoice.pdf", null, null, null).name());
        assertEquals("reportfdp.exe", new Attachment("report\u202Efdp.exe", null, null, null).name());
        assertEquals("a b.txt", new Attachment("a\u0000 b.txt\r\n", null, null, null).name());
        assertNull(new Attachment("..", null, null, null).name());
        assertNull(new Attachment(null, "image/jpeg", 1L, "ref").name());
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = new Attachment("x".repeat(1000) + ".pdf", null, null, null).name();
        assertEquals(SafeFileName.MAX_LENGTH, name.length());
        assertEquals(".pdf", name.substring(name.length() - 4));
    }
}
