package io.leadgate.delivery.webhook;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential back-off from {@code baseDelay}, doubling per attempt up to
 * {@code maxDelay}, stretched by up to {@link #JITTER} at random so endpoints that failed together are not retried
 * together; a {@code Retry-After} answer (seconds or HTTP date, at most {@link #RETRY_AFTER_CAP}) is honoured when it
 * asks for longer. After {@code maxAttempts} attempts the delivery is dead-lettered.
 */
public record RetrySchedule(Duration baseDelay, Duration maxDelay, int maxAttempts) {

    /** A delay is stretched by a random share of itself in {@code [0, JITTER)}: never shorter than nominal. */
    public static final double JITTER = 0.2;
    /** The longest wait a {@code Retry-After} header can ask for. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofHours(24);

    public RetrySchedule {
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("webhook retry schedule needs 0 < base-delay <= max-delay and max-attempts >= 1");
        }
    }

    /** True when a delivery that failed {@code attempts} times gets no further attempt. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The delay before the next attempt after the {@code attempt}-th failure (1-based), without jitter. */
    public Duration nominal(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        Duration d = baseDelay;
        for (int i = 0; i < doublings && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** The delay before the next attempt: nominal, jittered with {@code random} in [0, 1), or Retry-After if longer. */
    public Duration delay(int attempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        Duration nominal = nominal(attempt);
        double share = Math.min(Math.max(random.getAsDouble(), 0), 1) * JITTER;
        Duration jittered = nominal.plusNanos((long) (nominal.toNanos() * share));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter.get();
            if (asked.compareTo(jittered) > 0) {
                return asked;
            }
        }
        return jittered;
    }

    /** The shortest time from the first attempt to the last one (every delay at its nominal, unjittered length). */
    public Duration minimumSpan() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(nominal(attempt));
        }
        return total;
    }

    /** A {@code Retry-After} header value (delta-seconds or HTTP date) as a wait from {@code now}; empty if unusable. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.of(RETRY_AFTER_CAP); // more digits than a long: "a very long time"
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
