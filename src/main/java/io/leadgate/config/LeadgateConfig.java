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

    Imap imap();

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

    interface Imap {
        /** How long a replica holds a mailbox without renewing; another replica takes it over after that. */
        @WithDefault("PT2M")
        Duration leaseTtl();

        /** The longest single IDLE before the poller checks in and renews its lease (kept below a third of the lease). */
        @WithDefault("PT40S")
        Duration idleSlice();

        /** Messages fetched per UID window: a large backlog is streamed in windows of this size. */
        @WithDefault("500")
        int batchSize();
    }
}
