package io.leadgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Leadgate's own configuration, {@code leadgate.*}. */
@ConfigMapping(prefix = "leadgate")
public interface LeadgateConfig {

    Channels channels();

    Api api();

    Hooks hooks();

    Idempotency idempotency();

    Outbox outbox();

    Webhooks webhooks();

    interface Channels {
        /** The directory of channel files ({@code LEADGATE_CHANNELS_DIR}). */
        @WithDefault("channels")
        String dir();
    }

    interface Api {
        /** Keys accepted in {@code X-Api-Key} ({@code LEADGATE_API_KEYS}, comma-separated). None: the API is closed. */
        Optional<List<String>> keys();
    }

    interface Hooks {
        /** Largest hook body for web forms, messengers and telephony. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Largest hook body for raw email. */
        @WithDefault("26214400")
        int maxEmailBodyBytes();
    }

    interface Idempotency {
        /** How long provider keys are remembered; at least 7 days (WhatsApp redelivers for up to a week). */
        @WithDefault("P8D")
        Duration retention();

        /** How often expired keys are deleted. */
        @WithDefault("1h")
        String purgeEvery();
    }

    interface Outbox {
        /** How often committed lead events get their feed position (the events API also does it on read). */
        @WithDefault("1s")
        String sequenceEvery();
    }

    interface Webhooks {
        /** Allow targets on loopback, private, link-local and metadata addresses (turns the SSRF guard off). */
        @WithDefault("false")
        boolean allowPrivate();

        /** How often committed lead events are fanned out to the subscriptions and due deliveries are sent. */
        @WithDefault("1s")
        String sendEvery();

        /** Attempts before a delivery is dead-lettered (the defaults retry for at least 32 hours). */
        @WithDefault("15")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles per attempt up to max-delay. */
        @WithDefault("30s")
        Duration baseDelay();

        /** The longest wait between two attempts. */
        @WithDefault("6h")
        Duration maxDelay();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The longest wait for an answer, connection included. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** How long delivered deliveries stay listed before they are deleted (dead ones stay until replayed). */
        @WithDefault("P7D")
        Duration retention();
    }
}
