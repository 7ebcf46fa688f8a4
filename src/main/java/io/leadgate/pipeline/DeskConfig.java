package io.leadgate.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The manager's desk: the event-feed reader (triggers, call-back tasks, speed to lead) and its limits. */
@ConfigMapping(prefix = "leadgate.desk")
public interface DeskConfig {

    /** How often the desk reads the event feed and checks speed-to-lead limits; {@code off} disables the schedule. */
    @WithDefault("2s")
    String every();

    /** A missed call's call-back task is due this long after the call. */
    @WithDefault("PT15M")
    Duration callbackWithin();

    /** Speed to lead: a lead whose manager has not acted within this limit counts as a breach (and emits an event). */
    @WithDefault("PT15M")
    Duration speedToLeadLimit();
}
