package io.leadgate.config;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The operator console and its users, {@code leadgate.console.*}. */
public interface ConsoleConfig {

    /**
     * The first administrator's password ({@code LEADGATE_ADMIN_PASSWORD}): user {@code admin} is created with it at
     * start-up when no administrator exists yet. Unset in production: nobody can sign in until it is set.
     */
    Optional<String> adminPassword();

    /** Wrong passwords in a row before the account is locked for {@link #lockout()}. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long an account stays locked after too many wrong passwords. */
    @WithDefault("15m")
    Duration lockout();

    /** Fill a demo data set at start-up (dev and test runs only; ignored in production). */
    @WithDefault("false")
    boolean demoData();

    /** How often an open inbox asks for leads that arrived since it was drawn (seconds). */
    @WithDefault("3")
    int liveEverySeconds();
}
