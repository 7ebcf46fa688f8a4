package io.leadgate.delivery.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How an endpoint's answer is read: 2xx delivered, 410 gone, other 4xx rejected, anything else (redirects too) retried. */
class AttemptTest {

    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "201,DELIVERED", "202,DELIVERED", "204,DELIVERED", "299,DELIVERED",
            "410,GONE",
            "100,FAILED", "301,FAILED", "302,FAILED", "307,FAILED", "308,FAILED", "400,REJECTED", "401,REJECTED",
            "404,REJECTED", "422,REJECTED", "408,FAILED", "429,FAILED", "500,FAILED", "502,FAILED", "503,FAILED"})
    void answerStatusGivesTheOutcome(int status, Attempt.Outcome outcome) {
        Attempt attempt = Attempt.answered(status, Optional.of(Duration.ofSeconds(5)));
        assertEquals(outcome, attempt.outcome());
        assertEquals(status, attempt.status());
        assertEquals(outcome == Attempt.Outcome.FAILED || outcome == Attempt.Outcome.REJECTED ? Optional.of(Duration.ofSeconds(5)) : Optional.empty(),
                attempt.retryAfter(), "Retry-After matters only for an attempt that will be retried");
    }
}
