package io.leadgate.channel.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code leadgate.silence.*}: watching each channel for silence and verification failures (docs/operations.md). */
@ConfigMapping(prefix = "leadgate.silence")
public interface SilenceConfig {

    /** Checks by itself every {@link #checkInterval()}; off, nothing is rolled up, raised or recovered. */
    @WithDefault("true")
    boolean enabled();

    /** How often a check runs (one replica evaluates; every replica refreshes what it shows). */
    @WithDefault("5m")
    String checkInterval();

    /** Past weeks whose same hours make a channel's expectation. */
    @WithDefault("4")
    int historyWeeks();

    /** Whole weeks of history a channel needs before it can alarm at all. */
    @WithDefault("2")
    int minHistoryWeeks();

    /** Alarm when the Poisson probability of what is seen (no inquiry; that many failures) is below this. */
    @WithDefault("0.001")
    double threshold();

    /** Verification failures within {@link #failureWindow()} below this never alarm. */
    @WithDefault("10")
    int minFailures();

    /** The recent window of verification failures compared with the same hours of past weeks. */
    @WithDefault("1h")
    Duration failureWindow();

    default SilenceRule.Settings settings() {
        return new SilenceRule.Settings(historyWeeks(), minHistoryWeeks(), threshold(), minFailures(), failureWindow());
    }
}
