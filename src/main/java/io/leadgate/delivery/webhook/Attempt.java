package io.leadgate.delivery.webhook;

import java.time.Duration;
import java.util.Optional;

/** What one delivery attempt came to: the outcome, the HTTP status if any, a short error, and Retry-After. */
public record Attempt(Outcome outcome, Integer status, String error, Optional<Duration> retryAfter) {

    /** The outcome of an attempt. */
    public enum Outcome {
        /** A 2xx answer. */
        DELIVERED,
        /** 5xx, 408, 429, 3xx (redirects are not followed), a timeout or a network error: retried. */
        FAILED,
        /**
         * Any other 4xx: the endpoint refused this payload. Retried, but only up to {@code max-rejections} such answers
         * before the delivery is dead-lettered, so one refused payload does not hold the queue behind it for long.
         */
        REJECTED,
        /** {@code 410 Gone}: the endpoint is gone for good, the subscription is disabled. */
        GONE,
        /** The SSRF guard refused the target at send time (no request was made): retried, as DNS may change. */
        REFUSED
    }

    static Attempt answered(int status, Optional<Duration> retryAfter) {
        if (status >= 200 && status < 300) {
            return new Attempt(Outcome.DELIVERED, status, null, Optional.empty());
        }
        if (status == 410) {
            return new Attempt(Outcome.GONE, status, "410 Gone", Optional.empty());
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Attempt(Outcome.REJECTED, status, "HTTP " + status, retryAfter);
        }
        String error = status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
        return new Attempt(Outcome.FAILED, status, error, retryAfter);
    }

    static Attempt failed(String error) {
        return new Attempt(Outcome.FAILED, null, error, Optional.empty());
    }

    static Attempt refused(String error) {
        return new Attempt(Outcome.REFUSED, null, error, Optional.empty());
    }
}
