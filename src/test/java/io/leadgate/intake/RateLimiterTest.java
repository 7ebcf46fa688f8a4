package io.leadgate.intake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-address windows, and memory that stays bounded however many addresses post. */
class RateLimiterTest {

    private static final long T0 = 1_000L * 60_000;

    @Test
    void limitsOneAddressPerMinute() {
        RateLimiter limiter = new RateLimiter(1_000);
        assertEquals(0, limiter.acquire("form", "10.0.0.1", 2, T0));
        assertEquals(0, limiter.acquire("form", "10.0.0.1", 2, T0 + 1_000));
        assertEquals(59, limiter.acquire("form", "10.0.0.1", 2, T0 + 1_000), "the third post in the minute");
        assertEquals(0, limiter.acquire("form", "10.0.0.2", 2, T0 + 1_000), "another address");
        assertEquals(0, limiter.acquire("form", "10.0.0.1", 2, T0 + 60_000), "the next minute");
    }

    @Test
    void manyAddressesInOneMinuteStayWithinCapacity() {
        RateLimiter limiter = new RateLimiter(1_000);
        for (int i = 0; i < 200_000; i++) {
            limiter.acquire("form", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 5, T0 + i % 60_000);
            assertTrue(limiter.tracked() <= 1_000, "tracked " + limiter.tracked());
        }
    }

    @Test
    void earlierMinutesAreForgottenFirst() {
        RateLimiter limiter = new RateLimiter(100);
        for (int i = 0; i < 99; i++) {
            limiter.acquire("form", "old-" + i, 5, T0);
        }
        limiter.acquire("form", "recent", 1, T0 + 60_000);
        limiter.acquire("form", "new-0", 1, T0 + 60_000); // at capacity: the old minute goes
        assertEquals(2, limiter.tracked());
        assertTrue(limiter.acquire("form", "recent", 1, T0 + 61_000) > 0, "the current window was kept");
    }
}
