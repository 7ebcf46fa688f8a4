package io.leadgate.channel.webform;

import io.leadgate.channel.RejectedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormGuardTest {

    private static final FormGuard GUARD = new FormGuard(3000, false, 20, 5);

    private static FormFields form(String... nameValues) {
        List<FormFields.Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(new FormFields.Field(nameValues[i], nameValues[i + 1]));
        }
        return new FormFields(fields, List.of());
    }

    @Test
    void fillTimeIsMeasuredByTheBrowsersOwnClock() {
        // the browser's clock is a day behind the server's: only the difference between its two stamps counts
        long serverNow = 1_700_086_400_000L;
        assertDoesNotThrow(() -> GUARD.check(form("lg_rendered_at", "1700000000000", "lg_submitted_at", "1700000003000"), serverNow));
        RejectedException e = assertThrows(RejectedException.class, () ->
                GUARD.check(form("lg_rendered_at", "1700000000000", "lg_submitted_at", "1700000002999"), serverNow));
        assertEquals(422, e.status());
        assertEquals("too-fast", e.reason());
    }

    @Test
    void missingSubmitTimeFallsBackToTheServerClock() {
        assertThrows(RejectedException.class, () -> GUARD.check(form("lg_rendered_at", "1000"), 2000));
        assertDoesNotThrow(() -> GUARD.check(form("lg_rendered_at", "1000"), 4000));
    }

    @Test
    void unreadableRenderTimeCountsAsTooFast() {
        assertThrows(RejectedException.class, () -> GUARD.check(form("lg_rendered_at", "soon"), 10_000));
    }

    @Test
    void postWithoutTimingPassesUnlessTimingIsRequired() {
        assertDoesNotThrow(() -> GUARD.check(form("phone", "1"), 0));
        RejectedException e = assertThrows(RejectedException.class, () ->
                new FormGuard(3000, true, 20, 5).check(form("phone", "1"), 0));
        assertEquals("no-fill-time", e.reason());
    }

    @Test
    void noMinimumMeansNoTimingCheck() {
        assertDoesNotThrow(() -> new FormGuard(0, true, 20, 5).check(form("lg_rendered_at", "1000"), 1000));
    }

    @Test
    void longFieldAndTooManyFieldsAre413() {
        RejectedException tooLong = assertThrows(RejectedException.class, () -> GUARD.check(form("msg", "x".repeat(21)), 0));
        assertEquals(413, tooLong.status());
        assertEquals("field 'msg' is longer than 20 characters", tooLong.getMessage());
        RejectedException tooMany = assertThrows(RejectedException.class, () ->
                GUARD.check(form("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"), 0));
        assertEquals("too-many-fields", tooMany.reason());
    }
}
