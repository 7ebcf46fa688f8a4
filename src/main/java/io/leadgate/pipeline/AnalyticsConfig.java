package io.leadgate.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Analytics, {@code leadgate.analytics.*} (docs/console.md#analytics). */
@ConfigMapping(prefix = "leadgate.analytics")
public interface AnalyticsConfig {

    /**
     * The time zone whose calendar days, weeks and months the analytics count in (an IANA region id such as
     * {@code Europe/Moscow}, or {@code UTC}); a request's {@code tz} overrides it.
     */
    @WithDefault("UTC")
    String timeZone();
}
