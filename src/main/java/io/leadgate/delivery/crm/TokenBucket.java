package io.leadgate.delivery.crm;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A client-side token bucket: at most {@code burst} requests at once, refilled at {@code ratePerSecond}. Over any
 * interval of t seconds it lets through at most {@code burst + rate × t} requests, which is how CRMs publish their
 * limits (Bitrix24: burst 50, 2/s; amoCRM: 7/s). Thread-safe; the clock is injectable for tests.
 */
public final class TokenBucket {

    /** Sleeps for a while; tests pass one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final double capacity;
    private final double ratePerNano;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public TokenBucket(int burst, double ratePerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (burst < 1 || !(ratePerSecond > 0)) {
            throw new IllegalArgumentException("a token bucket needs burst >= 1 and a positive rate");
        }
        this.capacity = burst;
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** A bucket on the system clock. */
    public static TokenBucket system(int burst, double ratePerSecond) {
        return new TokenBucket(burst, ratePerSecond, System::nanoTime, d -> Thread.sleep(Math.max(1, d.toMillis())));
    }

    /** Takes a token if one is there: zero; otherwise takes nothing and returns how long until one is. */
    public synchronized Duration tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerNano));
    }

    /** Waits until a token is there and takes it. */
    public void take() throws InterruptedException {
        Duration wait;
        while (!(wait = tryTake()).isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Empties the bucket: the server said we are too fast, so the next requests come at the steady rate only. */
    public synchronized void drain() {
        refill();
        tokens = 0;
    }

    /** Tokens available now (for tests and health). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            last = now;
        }
    }
}
