package io.leadgate.pipeline;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The period [from, to) of an analytics question and the time zone its calendar is read in. Dates are whole days in
 * that zone ({@code to} inclusive); instants are taken as written. Pure.
 */
public record AnalyticsPeriod(Instant from, Instant to, ZoneId zone) {

    static final Instant UNBOUNDED_END = Instant.parse("9999-12-31T00:00:00Z");
    /** Region ids and UTC only: a bare offset means the opposite sign to PostgreSQL's AT TIME ZONE. */
    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+){0,2}");

    /** Parses {@code from}, {@code to} and {@code tz}; a missing {@code tz} is {@code defaultZone}. */
    public static AnalyticsPeriod parse(String from, String to, String tz, String defaultZone) {
        ZoneId zone = zone(tz == null || tz.isBlank() ? defaultZone : tz.strip());
        Instant start = instant("from", from, false, zone);
        Instant end = instant("to", to, true, zone);
        if (!start.isBefore(end)) {
            throw PipelineException.invalid("from must be before to");
        }
        return new AnalyticsPeriod(start, end, zone);
    }

    /** A time zone by IANA region id (or UTC); anything else is refused. */
    public static ZoneId zone(String id) {
        if (id == null || id.length() > 64 || !REGION.matcher(id).matches()) {
            throw PipelineException.invalid("tz must be a time zone such as Europe/Moscow or UTC");
        }
        if (id.equalsIgnoreCase("UTC") || id.equals("Z")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw PipelineException.invalid("tz must be a time zone such as Europe/Moscow or UTC");
        }
    }

    /** The zone's id as SQL's AT TIME ZONE takes it. */
    public String sqlZone() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public boolean bounded() {
        return from.isAfter(Instant.EPOCH) && to.isBefore(UNBOUNDED_END);
    }

    /**
     * The period of the same length just before this one; for whole calendar months in the zone, the same number
     * of months before. Empty for an unbounded period.
     */
    public java.util.Optional<AnalyticsPeriod> previous() {
        if (!bounded()) {
            return java.util.Optional.empty();
        }
        LocalDateTime f = LocalDateTime.ofInstant(from, zone);
        LocalDateTime t = LocalDateTime.ofInstant(to, zone);
        if (f.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                && f.getDayOfMonth() == 1 && t.getDayOfMonth() == 1) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(f, t);
            return java.util.Optional.of(new AnalyticsPeriod(f.minusMonths(months).atZone(zone).toInstant(), from,
                    zone));
        }
        Duration length = Duration.between(from, to);
        return java.util.Optional.of(new AnalyticsPeriod(from.minus(length), from, zone));
    }

    /** The last day of the period in the zone (for the date picker: {@code to} is exclusive). */
    public LocalDate lastDay() {
        return LocalDateTime.ofInstant(to.minusNanos(1), zone).toLocalDate();
    }

    public LocalDate firstDay() {
        return LocalDateTime.ofInstant(from, zone).toLocalDate();
    }

    /** An instant, or a date (from: its start; to: the end of that day, in the zone); absent = unbounded. */
    static Instant instant(String name, String value, boolean end, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return end ? UNBOUNDED_END : Instant.EPOCH;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (v.toUpperCase(Locale.ROOT).matches(".*(Z|[+-]\\d{2}:?\\d{2})$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant(); // no offset: in the zone
        } catch (DateTimeParseException e) {
            throw PipelineException.invalid(name + " must be a date (2025-01-31) or an instant (2025-01-31T12:00:00Z)");
        }
    }
}
