package io.leadgate.inquiry;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimestampsTest {

    @Test
    void readsUnixSecondsFromNumbersAndDigits() {
        assertEquals(Instant.parse("2015-09-07T17:23:20Z"), Timestamps.epochSeconds(1441646600L));
        assertEquals(Instant.parse("2015-09-07T17:23:20Z"), Timestamps.epochSeconds(" 1441646600 "));
    }

    @Test
    void readsUnixMillis() {
        assertEquals(Instant.parse("2015-09-07T17:23:20.123Z"), Timestamps.epochMillis("1441646600123"));
        assertEquals(Instant.parse("2015-09-07T17:23:20.123Z"), Timestamps.epochMillis(1441646600123L));
    }

    @Test
    void absentZeroNegativeAndUnreadableAreUnknown() {
        assertNull(Timestamps.epochSeconds((Long) null));
        assertNull(Timestamps.epochSeconds((String) null));
        assertNull(Timestamps.epochSeconds(0L));
        assertNull(Timestamps.epochSeconds(-5L));
        assertNull(Timestamps.epochSeconds(""));
        assertNull(Timestamps.epochSeconds("12a"));
        assertNull(Timestamps.epochSeconds("-100"));
        assertNull(Timestamps.epochMillis("0"));
        assertNull(Timestamps.iso("yesterday"));
        assertNull(Timestamps.iso("  "));
        assertNull(Timestamps.rfc1123("Monday"));
    }

    @Test
    void valuesBeyondWhatAnInstantHoldsAreUnknownNotAnError() {
        assertNull(Timestamps.epochSeconds(Long.MAX_VALUE));
        assertNull(Timestamps.epochSeconds("999999999999999999"));
        assertNull(Timestamps.epochSeconds("9".repeat(40)));
        assertEquals(Instant.ofEpochMilli(999999999999999999L), Timestamps.epochMillis("999999999999999999"));
    }

    @Test
    void readsIsoWithZoneOrOffset() {
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), Timestamps.iso(" 2024-05-01T10:00:00Z "));
        assertEquals(Instant.parse("2024-05-01T07:00:00Z"), Timestamps.iso("2024-05-01T10:00:00+03:00"));
    }

    @Test
    void readsMillisOrIsoForBrowserClocks() {
        assertEquals(Instant.ofEpochMilli(1714557600000L), Timestamps.epochMillisOrIso("1714557600000"));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), Timestamps.epochMillisOrIso("2024-05-01T10:00:00Z"));
        assertNull(Timestamps.epochMillisOrIso(null));
    }

    @Test
    void readsRfc1123() {
        assertEquals(Instant.parse("2010-08-16T03:45:01Z"), Timestamps.rfc1123("Mon, 16 Aug 2010 03:45:01 +0000"));
    }
}
