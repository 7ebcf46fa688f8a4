package io.leadgate.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests (it replaces the default bean of {@code config.Clocks}): the system clock plus an
 * offset a test moves forward, or stopped at an instant. The state is static, so a test may call it through the
 * injected bean or the class; a test that changes it resets it when done ({@link #reset()}), so other tests see real
 * time.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private static volatile Instant fixed;

    /** Moves the clock forward (a set clock stays set, at the later time). */
    public static synchronized void advance(Duration by) {
        if (fixed != null) {
            fixed = fixed.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Stops the clock at an instant, so times computed from it are exact. */
    public static void set(Instant at) {
        fixed = at;
    }

    /** Back to the system clock. */
    public static synchronized void reset() {
        offset = Duration.ZERO;
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = fixed;
        return at != null ? Clock.fixed(at, zone) : Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now().plus(offset);
    }
}
