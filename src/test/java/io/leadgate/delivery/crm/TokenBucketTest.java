package io.leadgate.delivery.crm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token bucket on a fake clock: burst, steady rate, the wait it announces and draining. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBucket bucket = new TokenBucket(50, 2, now::get, d -> now.addAndGet(d.toNanos()));

    @Test
    void letsABurstThroughAtOnceThenAsksToWait() {
        for (int i = 0; i < 50; i++) {
            assertEquals(Duration.ZERO, bucket.tryTake(), "token " + i);
        }
        assertEquals(Duration.ofMillis(500), bucket.tryTake(), "the 51st waits half a second at 2/s");
    }

    @Test
    void refillsAtTheRateAndNeverAboveTheBurst() {
        for (int i = 0; i < 50; i++) {
            bucket.tryTake();
        }
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertEquals(6, bucket.available(), 1e-9);
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertEquals(50, bucket.available(), 1e-9);
    }

    @Test
    void takeWaitsOnTheClockSoAHundredRequestsSpanTwentyFiveSeconds() throws InterruptedException {
        long start = now.get();
        for (int i = 0; i < 100; i++) {
            bucket.take();
        }
        assertEquals(Duration.ofSeconds(25), Duration.ofNanos(now.get() - start), "50 at once, then 50 more at 2/s");
    }

    @Test
    void neverLetsMoreThanBurstPlusRateTimesElapsedThrough() throws InterruptedException {
        long start = now.get();
        for (int n = 1; n <= 300; n++) {
            bucket.take();
            double elapsed = (now.get() - start) / 1e9;
            assertTrue(n <= 50 + 2 * elapsed + 1e-6, "request " + n + " after " + elapsed + " s");
        }
    }

    @Test
    void drainLeavesOnlyTheSteadyRate() {
        bucket.drain();
        assertEquals(Duration.ofMillis(500), bucket.tryTake());
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(Duration.ZERO, bucket.tryTake());
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 2, now::get, d -> { }));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(5, 0, now::get, d -> { }));
    }
}
