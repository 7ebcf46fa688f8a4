package io.leadgate.channel.email;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Date} header (RFC 5322 with the obsolete forms: two-digit years, named zones, comments, a missing
 * weekday or seconds; also ISO 8601). Invalid dates, unknown zones ({@code H0500}) and absurd years (before 1970,
 * after 2100) give null, so the core uses the time the mail was received.
 */
final class MailDates {

    private static final Pattern RFC5322 = Pattern.compile("^(?:[A-Za-z]+\\s*,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,})\\.?"
            + "[\\s-]+(\\d{2,4})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?\\s*(\\S*)\\s*$");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("", 0), Map.entry("ut", 0),
            Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("est", -5), Map.entry("edt", -4),
            Map.entry("cst", -6), Map.entry("cdt", -5), Map.entry("mst", -7), Map.entry("mdt", -6),
            Map.entry("pst", -8), Map.entry("pdt", -7));
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2100;

    private MailDates() {
    }

    static Instant parse(String header) {
        if (header == null) {
            return null;
        }
        String s = COMMENT.matcher(HeaderText.unfold(header)).replaceAll(" ").strip();
        try {
            Instant instant = rfc5322(s);
            if (instant == null && s.length() >= 19 && Character.isDigit(s.charAt(0))) {
                instant = OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            }
            return sane(instant);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant rfc5322(String s) {
        Matcher m = RFC5322.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
        ZoneOffset offset = zone(m.group(7));
        if (month == 0 || offset == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        year = m.group(3).length() == 2 ? (year < 50 ? 2000 + year : 1900 + year)
                : m.group(3).length() == 3 ? 1900 + year : year;
        int second = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
        return LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), second).toInstant(offset);
    }

    private static ZoneOffset zone(String written) {
        String z = written.toLowerCase(Locale.ROOT);
        Matcher numeric = NUMERIC_ZONE.matcher(z);
        if (numeric.matches()) {
            int hours = Integer.parseInt(numeric.group(2));
            int minutes = Integer.parseInt(numeric.group(3));
            if (hours > 14 || minutes > 59) {
                return null;
            }
            int sign = numeric.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        if (z.length() == 1 && Character.isLetter(z.charAt(0)) && z.charAt(0) != 'j') {
            return ZoneOffset.UTC; // RFC 5322 4.3: military zones are unreliable, read as -0000
        }
        Integer hours = ZONES.get(z);
        return hours == null ? null : ZoneOffset.ofHours(hours);
    }

    private static Instant sane(Instant instant) {
        if (instant == null) {
            return null;
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year < MIN_YEAR || year >= MAX_YEAR ? null : instant;
    }
}
