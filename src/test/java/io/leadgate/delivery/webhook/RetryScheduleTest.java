package io.leadgate.delivery.webhook;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry schedule: exponential, capped, jittered within bounds, at least 24 hours, Retry-After honoured. */
class RetryScheduleTest {

    /** The schedule the application runs with by default: read from the @WithDefault values of the config. */
    static RetrySchedule defaults() throws Exception {
        return new RetrySchedule(DurationConverter.parseDuration(defaultOf("baseDelay")),
                DurationConverter.parseDuration(defaultOf("maxDelay")), Integer.parseInt(defaultOf("maxAttempts")));
    }

    private static String defaultOf(String method) throws NoSuchMethodException {
        return LeadgateConfig.Webhooks.class.getMethod(method).getAnnotation(WithDefault.class).value();
    }

    @Test
    void defaultScheduleRetriesForAtLeast24Hours() throws Exception {
        RetrySchedule schedule = defaults();
        assertTrue(schedule.minimumSpan().compareTo(Duration.ofHours(24)) >= 0, "span " + schedule.minimumSpan());
        // and the jittered waits of every attempt add up to no less than that
        Random random = new Random(7);
        Duration total = Duration.ZERO;
        for (int attempt = 1; !schedule.exhausted(attempt); attempt++) {
            total = total.plus(schedule.delay(attempt, Optional.empty(), random::nextDouble));
        }
        assertTrue(total.compareTo(Duration.ofHours(24)) >= 0, "total " + total);
    }

    @Test
    void nominalDelaysDoubleAndNeverShrinkUpToTheCap() throws Exception {
        RetrySchedule schedule = defaults();
        assertEquals(schedule.baseDelay(), schedule.nominal(1));
        assertEquals(schedule.baseDelay().multipliedBy(2), schedule.nominal(2));
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 40; attempt++) {
            Duration d = schedule.nominal(attempt);
            assertTrue(d.compareTo(previous) >= 0, "attempt " + attempt + " waits less than the one before");
            assertTrue(d.compareTo(schedule.maxDelay()) <= 0, "attempt " + attempt + " waits past the cap");
            previous = d;
        }
        assertEquals(schedule.maxDelay(), schedule.nominal(40));
    }

    @Test
    void jitterStaysWithinTwentyPercentAboveNominalAndVaries() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6), 15);
        Random random = new Random(42);
        for (int attempt = 1; attempt < 15; attempt++) {
            Duration nominal = schedule.nominal(attempt);
            Duration upper = nominal.plusMillis((long) (nominal.toMillis() * RetrySchedule.JITTER));
            long distinct = random.ints(50).mapToObj(i -> schedule.delay(2, Optional.empty(), random::nextDouble))
                    .distinct().count();
            assertTrue(distinct > 1, "delays are jittered");
            for (int i = 0; i < 50; i++) {
                Duration d = schedule.delay(attempt, Optional.empty(), random::nextDouble);
                assertTrue(d.compareTo(nominal) >= 0 && d.compareTo(upper) <= 0, d + " outside [" + nominal + ", " + upper + "]");
            }
        }
        assertEquals(schedule.nominal(3), schedule.delay(3, Optional.empty(), () -> 0.0));
        assertEquals(Duration.ofSeconds(144), schedule.delay(3, Optional.empty(), () -> 1.0));
    }

    @Test
    void retryAfterLongerThanTheBackOffIsHonoured() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6), 15);
        assertEquals(Duration.ofMinutes(10), schedule.delay(1, Optional.of(Duration.ofMinutes(10)), () -> 0.5));
        Duration shorter = schedule.delay(5, Optional.of(Duration.ofSeconds(1)), () -> 0.0);
        assertEquals(schedule.nominal(5), shorter, "a shorter Retry-After does not retry sooner than the back-off");
        assertEquals(RetrySchedule.RETRY_AFTER_CAP, schedule.delay(1, Optional.of(Duration.ofDays(30)), () -> 0.0));
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetrySchedule.parseRetryAfter("120", now));
        assertEquals(Optional.of(Duration.ofSeconds(0)), RetrySchedule.parseRetryAfter(" 0 ", now));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3600).atOffset(ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ofHours(1)), RetrySchedule.parseRetryAfter(date, now));
        assertEquals(Optional.of(Duration.ofHours(1)), RetrySchedule.parseRetryAfter("Mon, 05 Jan 2026 11:00:00 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetrySchedule.parseRetryAfter("Mon, 05 Jan 2026 09:00:00 GMT", now));
        assertEquals(Optional.of(RetrySchedule.RETRY_AFTER_CAP), RetrySchedule.parseRetryAfter("99999999999999999999999", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("soon", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter(null, now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("-5", now));
    }

    @Test
    void deliveryIsExhaustedAfterTheLastAttempt() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(200), Duration.ofSeconds(1), 3);
        assertFalse(schedule.exhausted(1));
        assertFalse(schedule.exhausted(2));
        assertTrue(schedule.exhausted(3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
    }
}
