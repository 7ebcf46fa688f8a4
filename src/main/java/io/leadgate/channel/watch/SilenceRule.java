package io.leadgate.channel.watch;

import java.time.Duration;
import java.time.Instant;

/**
 * The silence and verification-failure rules, as pure functions over a channel's {@link Rhythm}.
 *
 * <p>Silence: the window runs from the channel's last inquiry to now (at most {@link #MAX_WINDOW}). Its expected
 * count λ is the mean number of inquiries over the same hours of the week in the past weeks (the window shifted by
 * 1, 2, … weeks, partial hours weighted). With Poisson arrivals the chance of seeing none is {@code e^-λ}; the channel
 * is silent when that chance is below the threshold. A channel always quiet at night has λ ≈ 0 over the night, so
 * the night never alarms. No verdict before {@code minHistoryWeeks} whole weeks of history.
 *
 * <p>Verification failures: the failures counted in the recent window (the hours it touches) against the mean over
 * the same hours of past weeks; failing when at least {@code minFailures} were counted and the Poisson chance of at
 * least that many is below the threshold (without history the expectation is zero).
 */
public final class SilenceRule {

    /** The longest silent window looked at: a week holds every hour of the week once. */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);
    static final long WEEK_HOURS = 7 * 24;

    /** The rule's settings ({@code leadgate.silence.*}). */
    public record Settings(int historyWeeks, int minHistoryWeeks, double threshold, int minFailures,
                           Duration failureWindow) {
        public Settings {
            if (historyWeeks < 1 || minHistoryWeeks < 1 || minHistoryWeeks > historyWeeks) {
                throw new IllegalArgumentException("need 1 <= min-history-weeks <= history-weeks");
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be between 0 and 1");
            }
        }
    }

    /** What the rules say about a channel now. */
    public enum Verdict {
        /** Too little history to know its rhythm: never alarms. */
        LEARNING,
        /** Within its rhythm. */
        USUAL,
        /** No inquiries for far longer than its rhythm allows. */
        SILENT,
        /** Verification failures far above its rhythm. */
        FAILING;

        public boolean alarming() {
            return this == SILENT || this == FAILING;
        }
    }

    /**
     * A verdict with its numbers: the weeks of history used, where the window starts, the expected and observed
     * counts (inquiries for silence, failures for failing) and the Poisson probability compared with the threshold.
     */
    public record Assessment(Verdict verdict, int weeks, Instant windowStart, double expected, long observed,
                             double probability) {
    }

    /** What a check does with a channel's episode. */
    public enum Transition { NONE, RAISE, RECOVER }

    private SilenceRule() {
    }

    /** Assesses a channel at {@code now}; {@code lastInquiry} is null when it never had one. */
    public static Assessment assess(Rhythm rhythm, Instant lastInquiry, Instant now, Settings s) {
        Assessment failures = failures(rhythm, now, s);
        if (failures.verdict() == Verdict.FAILING) {
            return failures;
        }
        if (rhythm.firstHour() == null || lastInquiry == null) {
            return new Assessment(Verdict.LEARNING, 0, lastInquiry, 0, 0, 1);
        }
        Instant from = lastInquiry.isBefore(now.minus(MAX_WINDOW)) ? now.minus(MAX_WINDOW) : lastInquiry;
        if (!from.isBefore(now)) {
            return new Assessment(Verdict.USUAL, 0, from, 0, 0, 1);
        }
        int weeks = weeksOfHistory(rhythm, from, s);
        if (weeks < s.minHistoryWeeks()) {
            return new Assessment(Verdict.LEARNING, weeks, from, 0, 0, 1);
        }
        double sum = 0;
        for (int k = 1; k <= weeks; k++) {
            Duration back = Duration.ofDays(7L * k);
            sum += rhythm.inquiriesBetween(from.minus(back), now.minus(back));
        }
        double expected = sum / weeks;
        double none = Math.exp(-expected);
        return new Assessment(none < s.threshold() ? Verdict.SILENT : Verdict.USUAL, weeks, from, expected, 0, none);
    }

    static Assessment failures(Rhythm rhythm, Instant now, Settings s) {
        long lastHour = Rhythm.hourOf(now);
        long firstHour = Rhythm.hourOf(now.minus(s.failureWindow()));
        long observed = rhythm.failuresInHours(firstHour, lastHour);
        Instant from = Rhythm.startOf(firstHour);
        if (observed < s.minFailures() || observed == 0) {
            return new Assessment(Verdict.USUAL, 0, from, 0, observed, 1);
        }
        int weeks = rhythm.firstHour() == null ? 0 : weeksOfHistory(rhythm, from, s);
        double expected = 0;
        if (weeks >= s.minHistoryWeeks()) {
            long sum = 0;
            for (int k = 1; k <= weeks; k++) {
                sum += rhythm.failuresInHours(firstHour - k * WEEK_HOURS, lastHour - k * WEEK_HOURS);
            }
            expected = (double) sum / weeks;
        }
        double tail = atLeast(expected, observed);
        return new Assessment(tail < s.threshold() ? Verdict.FAILING : Verdict.USUAL, weeks, from, expected, observed,
                tail);
    }

    /** Whole past weeks, at most {@code historyWeeks}, whose shifted window starts after the first hour seen. */
    private static int weeksOfHistory(Rhythm rhythm, Instant from, Settings s) {
        long hours = Rhythm.hourOf(from) - rhythm.firstHour();
        return (int) Math.max(0, Math.min(s.historyWeeks(), hours / WEEK_HOURS));
    }

    /**
     * The episode step: raise when the verdict alarms and no episode is open; recover an open episode once the verdict
     * no longer alarms and an inquiry arrived after it was raised (an episode never ends by the clock alone).
     */
    public static Transition next(Instant raisedAt, Assessment assessment, Instant lastInquiry) {
        if (raisedAt == null) {
            return assessment.verdict().alarming() ? Transition.RAISE : Transition.NONE;
        }
        boolean inquiryAfter = lastInquiry != null && lastInquiry.isAfter(raisedAt);
        return !assessment.verdict().alarming() && inquiryAfter ? Transition.RECOVER : Transition.NONE;
    }

    /** P(X >= n) for X ~ Poisson(mean), summed over the tail (accurate where it matters: small values). */
    static double atLeast(double mean, long n) {
        if (n <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        double sum = 0;
        double logMean = Math.log(mean);
        for (long i = n; ; i++) {
            double term = Math.exp(-mean + i * logMean - logFactorial(i));
            sum += term;
            if (i > mean && (term < sum * 1e-15 || term == 0)) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    static double logFactorial(long n) {
        if (n < 64) {
            double sum = 0;
            for (long i = 2; i <= n; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        double x = n + 1.0; // Stirling's series for ln Γ(x)
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
