package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Working hours, pure: per weekday ({@code mon} … {@code sun}) a list of {@code HH:mm-HH:mm} ranges in a time zone;
 * a day not listed is off. A range ending at or before its start runs past midnight.
 */
public record WorkingHours(ZoneId zone, Map<DayOfWeek, List<Range>> days) {

    public record Range(LocalTime from, LocalTime to) {
        boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    private static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Parses and checks {@code {timeZone, days: {mon: ["09:00-18:00"]}}}; refuses anything unclear. */
    public static WorkingHours parse(String timeZone, JsonNode days) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
        } catch (DateTimeException e) {
            throw PipelineException.invalid("timeZone must be an IANA zone such as Europe/Moscow");
        }
        if (days == null || !days.isObject()) {
            throw PipelineException.invalid("days must be an object such as {\"mon\": [\"09:00-18:00\"]}");
        }
        Map<DayOfWeek, List<Range>> map = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = days.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int day = NAMES.indexOf(e.getKey().toLowerCase(Locale.ROOT));
            if (day < 0) {
                throw PipelineException.invalid("days are mon, tue, wed, thu, fri, sat, sun; got " + e.getKey());
            }
            List<Range> ranges = new ArrayList<>();
            JsonNode list = e.getValue().isTextual() ? JsonNodeFactory.instance.arrayNode().add(e.getValue()) : e.getValue();
            if (!list.isArray()) {
                throw PipelineException.invalid("days." + e.getKey() + " must be a list of ranges such as 09:00-18:00");
            }
            for (JsonNode r : list) {
                ranges.add(range(e.getKey(), r.asText()));
            }
            map.put(DayOfWeek.of(day + 1), List.copyOf(ranges));
        }
        return new WorkingHours(zone, map);
    }

    private static Range range(String day, String text) {
        String[] parts = text.strip().split("-");
        try {
            if (parts.length == 2) {
                return new Range(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw PipelineException.invalid("days." + day + ": a range is HH:mm-HH:mm, got " + text);
    }

    /** True when the instant falls in a working range (a past-midnight range counts on the day it starts). */
    public boolean working(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        for (Range r : days.getOrDefault(t.getDayOfWeek(), List.of())) {
            if (r.from().isBefore(r.to()) ? r.contains(t.toLocalTime()) : !t.toLocalTime().isBefore(r.from())) {
                return true;
            }
        }
        for (Range r : days.getOrDefault(t.getDayOfWeek().minus(1), List.of())) {
            if (!r.from().isBefore(r.to()) && t.toLocalTime().isBefore(r.to())) {
                return true;
            }
        }
        return false;
    }

    /** The days as stored and shown. */
    public ObjectNode daysJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < 7; i++) {
            List<Range> ranges = days.get(DayOfWeek.of(i + 1));
            if (ranges != null) {
                var arr = o.putArray(NAMES.get(i));
                ranges.forEach(r -> arr.add(r.from() + "-" + r.to()));
            }
        }
        return o;
    }
}
