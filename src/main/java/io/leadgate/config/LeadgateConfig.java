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

    Pipelines pipeline();

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

    /** Deal pipelines ({@code leadgate.pipeline.*}). */
    interface Pipelines {
        /** Directory of pipeline files (pipelines, lead statuses, junk reasons); absent = none. */
        @WithDefault("pipelines")
        String dir();

        /** Reasons a lead can be marked junk for; files and the API can add more. */
        @WithDefault("spam,wrong-number,not-our-product,duplicate,other")
        List<String> junkReasons();

        /** Currency of an amount given without one (ISO 4217). */
        @WithDefault("RUB")
        String defaultCurrency();

        Automation automation();

        interface Automation {
            /** How often due automation jobs are run; {@code off} disables the schedule. */
            @WithDefault("2s")
            String every();

            /** Attempts of a failing job (webhook down) before it is marked failed. */
            @WithDefault("5")
            int attempts();

            /** Timeout of an automation webhook call. */
            @WithDefault("10s")
            Duration webhookTimeout();

            /** Allow automation webhooks to loopback, private, link-local and metadata addresses. */
            @WithDefault("false")
            boolean allowPrivateWebhooks();
        }
    }
}
