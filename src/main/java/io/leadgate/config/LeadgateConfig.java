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

    Identity identity();

    /**
     * What a known client's new inquiry does when no thread or call names its lead: {@code attach} to the open lead,
     * always open a {@code new} repeat lead, or join the open {@code deal}. A channel's {@code settings.repeat-lead}
     * overrides it.
     */
    @WithDefault("attach")
    String repeatLead();

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

    interface Identity {
        /** Merge cards without an operator when a rule below says so with at least {@link #autoMergeScore()}. */
        @WithDefault("false")
        boolean autoMerge();

        /** The lowest score an automatic merge (or a fuzzy match joining an existing card) needs. */
        @WithDefault("0.9")
        double autoMergeScore();

        /** The rules allowed to merge automatically: shared-identity, phone-country-code, email-mailbox. */
        @WithDefault("shared-identity,phone-country-code,email-mailbox")
        List<String> autoMergeRules();

        /** The lowest score a merge candidate needs to be listed in /api/contacts/duplicates. */
        @WithDefault("0.4")
        double candidateScore();

        /** Look for fuzzy candidates (blocking keys) at all. */
        @WithDefault("true")
        boolean fuzzy();

        Exclude exclude();

        /** Numbers and addresses that never create contacts or identities (own lines, a site's robot address). */
        interface Exclude {
            /** Phones in international format. */
            Optional<List<String>> phones();

            /** Addresses, or {@code *@domain} for a whole domain. */
            Optional<List<String>> emails();
        }
    }
}
