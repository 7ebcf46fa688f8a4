package io.leadgate.channel;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharsetsTest {

    private static final Charset CP1251 = Charset.forName("windows-1251");

    @Test
    void mapsLabelsAsSendersWriteThem() {
        assertEquals(Optional.of(CP1251), Charsets.lookup("cp-1251"));
        assertEquals(Optional.of(CP1251), Charsets.lookup("\"Windows-1251\""));
        assertEquals(Optional.of(Charset.forName("x-MacCyrillic")), Charsets.lookup("x-mac-cyrillic"));
        assertEquals(Optional.of(Charset.forName("ISO-8859-5")), Charsets.lookup("iso_8859-5:1988"));
        assertEquals(Optional.of(StandardCharsets.UTF_8), Charsets.lookup("utf8"));
    }

    @Test
    void unknownEmptyOrMalformedLabelsAreEmpty() {
        assertEquals(Optional.empty(), Charsets.lookup(null));
        assertEquals(Optional.empty(), Charsets.lookup(""));
        assertEquals(Optional.empty(), Charsets.lookup("no-such-charset"));
        assertEquals(Optional.empty(), Charsets.lookup("ä/*"));
    }

    @Test
    void readsTheCharsetParameterOfAContentType() {
        assertEquals(CP1251, Charsets.ofContentType("application/x-www-form-urlencoded; Charset=\"cp1251\"",
                StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, Charsets.ofContentType("text/plain; charset=bogus", StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, Charsets.ofContentType("text/plain", StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.ISO_8859_1, Charsets.ofContentType(null, StandardCharsets.ISO_8859_1));
    }
}
