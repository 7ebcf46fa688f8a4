package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Working hours, pure: ranges per weekday in a time zone, past midnight, refused input. */
class WorkingHoursTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WorkingHours hours(String zone, String days) throws Exception {
        JsonNode node = JSON.readTree(days);
        return WorkingHours.parse(zone, node);
    }

    @Test
    void rangesCountInTheManagersTimeZone() throws Exception {
        WorkingHours h = hours("Europe/Moscow", "{\"mon\": [\"09:00-13:00\", \"14:00-18:00\"], \"tue\": \"10:00-12:00\"}");
        // Monday 2031-03-03: 09:00 in Moscow is 06:00 UTC
        assertFalse(h.working(Instant.parse("2031-03-03T05:59:00Z")));
        assertTrue(h.working(Instant.parse("2031-03-03T06:00:00Z")));
        assertFalse(h.working(Instant.parse("2031-03-03T10:30:00Z")), "lunch");
        assertTrue(h.working(Instant.parse("2031-03-03T11:00:00Z")));
        assertFalse(h.working(Instant.parse("2031-03-03T15:00:00Z")), "18:00 ends the day");
        assertTrue(h.working(Instant.parse("2031-03-04T07:30:00Z")));
        assertFalse(h.working(Instant.parse("2031-03-05T07:30:00Z")), "Wednesday is off");
        assertEquals("{\"mon\":[\"09:00-13:00\",\"14:00-18:00\"],\"tue\":[\"10:00-12:00\"]}", h.daysJson().toString());
    }

    @Test
    void aNightShiftRunsPastMidnightIntoTheNextDay() throws Exception {
        WorkingHours h = hours("UTC", "{\"fri\": [\"22:00-06:00\"]}");
        assertTrue(h.working(Instant.parse("2031-03-07T23:00:00Z")), "Friday night");
        assertTrue(h.working(Instant.parse("2031-03-08T05:59:00Z")), "early Saturday, same shift");
        assertFalse(h.working(Instant.parse("2031-03-08T06:00:00Z")));
        assertFalse(h.working(Instant.parse("2031-03-07T05:00:00Z")), "Friday morning belongs to Thursday's shift");
    }

    @Test
    void unclearHoursAreRefused() {
        assertThrows(PipelineException.class, () -> hours("Mars/Olympus", "{}"));
        assertThrows(PipelineException.class, () -> hours("UTC", "{\"someday\": [\"09:00-18:00\"]}"));
        assertThrows(PipelineException.class, () -> hours("UTC", "{\"mon\": [\"9-6\"]}"));
        assertThrows(PipelineException.class, () -> hours("UTC", "[]"));
    }
}
