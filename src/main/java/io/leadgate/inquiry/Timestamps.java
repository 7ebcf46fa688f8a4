package io.leadgate.inquiry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Provider timestamps read one way: Unix seconds, Unix milliseconds, ISO-8601 and RFC 1123 text. A value that is
 * absent, unreadable, zero or negative, or outside what an {@link Instant} holds is {@code null} ("not known"):
 * a clock we cannot read is never a reason to refuse an inquiry.
 */
public final class Timestamps {

    /** 18 digits still fit a long; longer runs are nonsense for any clock. */
    private static final int MAX_DIGITS = 18;

    private Timestamps() {
    }

    /** Unix seconds, or null. */
    public static Instant epochSeconds(Long seconds) {
        if (seconds == null || seconds <= 0) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Unix seconds written as digits (surrounding blanks allowed), or null. */
    public static Instant epochSeconds(String seconds) {
        return epochSeconds(number(seconds));
    }

    /** Unix milliseconds, or null. */
    public static Instant epochMillis(Long millis) {
        return millis == null || millis <= 0 ? null : Instant.ofEpochMilli(millis); // every long is in range
    }

    /** Unix milliseconds written as digits (surrounding blanks allowed), or null. */
    public static Instant epochMillis(String millis) {
        return epochMillis(number(millis));
    }

    /** ISO-8601 with {@code Z} or an offset ({@code 2024-05-01T10:00:00Z}, {@code …+03:00}), or null. */
    public static Instant iso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Unix milliseconds when all digits, else ISO-8601; null when neither. */
    public static Instant epochMillisOrIso(String text) {
        Long n = number(text);
        return n != null ? epochMillis(n) : iso(text);
    }

    /** RFC 1123 ({@code Mon, 16 Aug 2010 03:45:01 +0000}), or null. */
    public static Instant rfc1123(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Long number(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty() || t.length() > MAX_DIGITS || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(t);
    }
}
