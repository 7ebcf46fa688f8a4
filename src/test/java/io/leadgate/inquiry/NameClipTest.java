package io.leadgate.inquiry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An over-long name is clipped with a marker, so it is stored instead of failing the write. */
class NameClipTest {

    @Test
    void overLongNameIsClippedWithAMarker() {
        String name = NameNormalizer.combine(List.of("Ф".repeat(600)));
        assertEquals(Limits.NAME, name.codePointCount(0, name.length()));
        assertTrue(name.endsWith(Limits.CLIP_MARKER));
    }

    @Test
    void clippingNeverSplitsASurrogatePair() {
        String name = NameNormalizer.combine(List.of("😀".repeat(300)));
        assertEquals(Limits.NAME, name.codePointCount(0, name.length()));
        assertTrue(name.startsWith("😀") && name.endsWith("😀" + Limits.CLIP_MARKER));
    }

    @Test
    void ordinaryNamesAreUntouched() {
        assertEquals("Иван Петров", NameNormalizer.combine(List.of("Иван", "Иван Петров")));
    }
}
