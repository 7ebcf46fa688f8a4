package io.leadgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How warm an open deal is, from its last activity (the latest of: its entry into its stage, the client's latest
 * inquiry) and {@link TemperatureConfig}:
 * <ul>
 *   <li>{@code hot} — last activity within {@code hot-within} (3 days) and either the client wrote at least
 *       {@code hot-inquiries} (2) times about the deal or its stage's probability is at least
 *       {@code hot-probability} (50 %);</li>
 *   <li>{@code warm} — otherwise, last activity within {@code warm-within} (14 days);</li>
 *   <li>{@code cold} — otherwise.</li>
 * </ul>
 * Won and lost deals have no temperature. Pure.
 */
public enum Temperature {
    COLD, WARM, HOT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Temperature> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Temperature t : values()) {
            if (t.code().equals(s.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The temperature of an open deal at {@code now}. */
    public static Temperature of(Instant lastActivity, int inquiries, int probability, Instant now,
                                 TemperatureConfig rules) {
        Duration age = Duration.between(lastActivity, now);
        if (age.compareTo(rules.hotWithin()) <= 0
                && (inquiries >= rules.hotInquiries() || probability >= rules.hotProbability())) {
            return HOT;
        }
        return age.compareTo(rules.warmWithin()) <= 0 ? WARM : COLD;
    }
}
