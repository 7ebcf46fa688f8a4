package io.leadgate.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code leadgate.replay.*}: the automatic replay of parked envelopes. */
@ConfigMapping(prefix = "leadgate.replay")
public interface ReplayConfig {

    /** Replays parked envelopes by itself; off, they wait for {@code POST /api/envelopes/{id}/replay}. */
    @WithDefault("true")
    boolean enabled();

    /** How often a round looks for due envelopes. */
    @WithDefault("30s")
    String every();

    /** The wait after the first failure; doubled after each further attempt. */
    @WithDefault("1m")
    Duration baseDelay();

    /** The longest wait between two attempts. */
    @WithDefault("6h")
    Duration maxDelay();

    /** Envelopes replayed at most per round. */
    @WithDefault("50")
    int batchSize();
}
