package io.leadgate.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code leadgate.temperature.*}: the rules that make an open deal cold, warm or hot (docs/pipeline.md). */
@ConfigMapping(prefix = "leadgate.temperature")
public interface TemperatureConfig {

    /** Hot needs its last activity at most this old. */
    @WithDefault("3d")
    Duration hotWithin();

    /** Warm: last activity at most this old; older is cold. */
    @WithDefault("14d")
    Duration warmWithin();

    /** Hot: the client has written at least this many times about the deal … */
    @WithDefault("2")
    int hotInquiries();

    /** … or the deal's stage has at least this probability (%). */
    @WithDefault("50")
    int hotProbability();
}
