package io.leadgate.testing;

import io.quarkus.test.Mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: the system clock until a test sets it; {@link #reset()} in a finally block gives
 * the real time back to the other tests.
 */
@Mock
public class TestClock extends Clock {

    private static volatile Instant fixed;

    /** Stops the clock at an instant. */
    public static void set(Instant at) {
        fixed = at;
    }

    public static void advance(Duration by) {
        fixed = fixed.plus(by);
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }
}
