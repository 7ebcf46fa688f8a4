package io.leadgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    Kafka kafka();

    Connectors connectors();

    Imap imap();

    Pipelines pipeline();

    Identity identity();

    ConsoleConfig console();

    Retention retention();

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

        /**
         * How often the directory is read again: files added, changed or removed take effect within this time
         * ({@code off} disables reloading).
         */
        @WithDefault("5s")
        String reloadInterval();
    }

    interface Api {
        /** Keys accepted in {@code X-Api-Key} ({@code LEADGATE_API_KEYS}, comma-separated). None: the API is closed. */
        Optional<List<String>> keys();

        /**
         * Keys stored as digests with a scope, {@code sha256:<hex of SHA-256(key)>:<read|admin>}, comma-separated
         * ({@code LEADGATE_API_HASHED_KEYS}). read: GET only; admin: everything.
         */
        Optional<List<String>> hashedKeys();
    }

    interface Hooks {
        /** Largest hook body for web forms, messengers and telephony. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Largest hook body for raw email. */
        @WithDefault("26214400")
        int maxEmailBodyBytes();

        /**
         * The longest a hook's body may take to arrive, from the request's headers to its last byte; a client that is
         * slower gets {@code 408} and its connection is closed. Bodies are read without holding a worker thread.
         */
        @WithDefault("30s")
        Duration bodyTimeout();
    }

    /**
     * How long stored data is kept ({@code leadgate.retention.*}); absent: kept for ever (the default). One purge job
     * ({@code io.leadgate.intake.RetentionPurge}) deletes what is older.
     */
    interface Retention {
        /** Raw envelopes that were processed (parked or failed ones stay until they are replayed or discarded). */
        Optional<Duration> envelopes();

        /** Lead events (the outbox behind {@code /api/events}) that every consumer has been given. */
        Optional<Duration> events();

        /** Inquiries (with their kept attachment contents); leads and contact cards stay. */
        Optional<Duration> inquiries();

        /** How often the purge runs ({@code off}: never). */
        @WithDefault("1h")
        String purgeEvery();
    }

    interface Idempotency {
        /**
         * How long provider keys stay in the key table; at least 7 days (WhatsApp redelivers for up to a week). A
         * provider key found again later is still a duplicate: it is checked against the stored inquiries.
         */
        @WithDefault("P8D")
        Duration retention();

        /**
         * How long a content hash (an item without a provider key, such as a web form) stops a double submit: the
         * same content after this window is a new inquiry (the same person asking again tomorrow).
         */
        @WithDefault("PT1H")
        Duration contentWindow();

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

        /**
         * The longest wait for the whole answer (status, headers and body), connection included; when it is over the
         * request is aborted (the connection is closed) and the attempt counts as failed.
         */
        @WithDefault("15s")
        Duration requestTimeout();

        /**
         * 4xx answers (other than 408, 410 and 429) one delivery may get before it is dead-lettered: an endpoint that
         * refuses one payload stops holding its queue for the whole retry schedule.
         */
        @WithDefault("3")
        int maxRejections();

        /** How long delivered deliveries stay listed before they are deleted (dead ones stay until replayed). */
        @WithDefault("P7D")
        Duration retention();
    }

    /** The outbox relay to Kafka; on only when {@code kafka.bootstrap.servers} ({@code KAFKA_BOOTSTRAP_SERVERS}) is set. */
    interface Kafka {
        /** The topic lead events go to ({@code LEADGATE_KAFKA_TOPIC}). */
        @WithDefault("leadgate.lead-events")
        String topic();

        /** How many outbox rows one relay pass reads at most. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for unsent rows when idle. */
        @WithDefault("1s")
        String pollEvery();

        /** How long the relay lease lasts without renewal: a replica that died is replaced after this. */
        @WithDefault("15s")
        Duration leaseTtl();

        /** Sends waiting this long for the broker's acknowledgement mark Kafka delivery degraded. */
        @WithDefault("5s")
        Duration degradedAfter();

        /** The pause before a pass retries after a failed send. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** While idle, how often the relay asks the broker for its cluster description, so readiness shows an outage. */
        @WithDefault("10s")
        Duration probeEvery();

        /** How long that check waits for the broker's answer. */
        @WithDefault("5s")
        Duration probeTimeout();
    }

    /** CRM connectors that push new leads (all off by default). Secrets come from the environment. */
    interface Connectors {
        /** How often each enabled connector looks for new leads; {@code off} disables the schedule. */
        @WithDefault("2s")
        String pollEvery();

        Bitrix24 bitrix24();

        AmoCrm amocrm();

        /**
         * Where operators reach Leadgate ({@code https://leads.example.com}): a repeat inquiry's timeline entry in the
         * CRM links the attachments Leadgate keeps there; absent, only attachments the provider gave a URL for are linked.
         */
        Optional<String> publicUrl();

        /** How Leadgate's managers and pipelines map to a CRM's (docs/crm/mapping.md). */
        interface Mapping {
            /** Leadgate user name → the CRM's user id; a manager without one leaves the CRM's default responsible. */
            Map<String, String> users();

            /** Leadgate pipeline id → the CRM's pipeline and its stages. */
            Map<String, Pipeline> pipelines();
        }

        /** One pipeline's mapping. */
        interface Pipeline {
            /** The CRM's pipeline: Bitrix24 {@code CATEGORY_ID}, amoCRM {@code pipeline_id}; absent: the default one. */
            Optional<String> id();

            /**
             * Leadgate stage id → the CRM's stage (Bitrix24 {@code STAGE_ID}, amoCRM {@code status_id}); won and lost
             * stages without an entry go to the CRM's own won and lost stages, other unmapped stages are not moved.
             */
            Map<String, String> stages();
        }

        interface Bitrix24 extends Mapping {
            @WithDefault("false")
            boolean enabled();

            /** The incoming-webhook URL, {@code https://portal.bitrix24.ru/rest/1/<token>/} ({@code LEADGATE_CONNECTORS_BITRIX24_URL}); secret. */
            Optional<String> url();

            /** What a new lead becomes in Bitrix24: {@code lead} or {@code deal}. */
            @WithDefault("lead")
            String entity();

            /** Leadgate channel id → the lead's {@code SOURCE_ID} in Bitrix24 ({@code CALL}, {@code WEB}, {@code EMAIL}, …). */
            Map<String, String> sources();

            /** The lead status a junk lead gets (Bitrix24's own junk status). */
            @WithDefault("JUNK")
            String junkStatus();

            /** The lead status a converted lead gets. */
            @WithDefault("CONVERTED")
            String convertedStatus();

            /** The lead status a lead in progress gets. */
            @WithDefault("IN_PROCESS")
            String inProgressStatus();

            /**
             * New leads pushed together: read-only {@code batch} requests look up all their contacts (20 values per
             * command, 50 commands per request), then batches of up to 50 commands create them. The more leads, the
             * fewer lookup requests per lead: 1 000 leads with one phone each fill one lookup request. 1: one lead at a
             * time.
             */
            @WithDefault("1000")
            int leadsPerBatch();

            /**
             * How long new leads that fill less than a whole step may wait for more, so that each step's lookup request
             * serves many leads and its {@code batch} requests go out full (50 commands): a run of new leads is pushed
             * once its oldest lead has waited this long (or at once when {@code leads-per-batch} of them are pending),
             * cut to a multiple of 50 leads; the rest waits for the next step. {@code 0}: pushed as soon as the runner
             * sees them.
             */
            @WithDefault("2s")
            java.time.Duration linger();

            /**
             * When a new client (no Bitrix24 contact holds their phone or email) gets a Bitrix24 contact: {@code
             * when-needed} — in lead mode the lead itself carries the name, phones and emails ({@code crm.lead.add}
             * alone, one command), and the contact is created when it is needed: the client's next lead, a deal
             * (conversion, or {@code entity=deal}); {@code always} — every new client gets {@code crm.contact.add}
             * with the lead (two commands).
             */
            @WithDefault("when-needed")
            String contacts();

            /** Merge the two CRM contacts of merged Leadgate cards with {@code crm.entity.mergeBatch}; off: comment only. */
            @WithDefault("true")
            boolean mergeContacts();

            /** Requests per second (Bitrix24: 2). */
            @WithDefault("2")
            double rate();

            /**
             * Requests at once: 2 under Bitrix24's 50, a margin for requests that reach the portal closer together than
             * they were sent (the benchmark saw one {@code QUERY_LIMIT_EXCEEDED} in 10 000 leads at exactly 50).
             */
            @WithDefault("48")
            int burst();

            @WithDefault("10s")
            Duration timeout();
        }

        interface AmoCrm extends Mapping {
            @WithDefault("false")
            boolean enabled();

            /** {@code https://<subdomain>.amocrm.ru}. */
            Optional<String> baseUrl();

            /** The long-lived token ({@code LEADGATE_CONNECTORS_AMOCRM_TOKEN}); secret. */
            Optional<String> token();

            /** The pipeline new leads go to; the account's main pipeline when absent. */
            Optional<Long> pipelineId();

            /**
             * New leads go to amoCRM's "Incoming leads" (Unsorted: forms, sip or mail as the channel fits) for managers to
             * accept or decline, instead of straight into the pipeline.
             */
            @WithDefault("false")
            boolean unsorted();

            /** The status a junk lead gets: amoCRM's "closed — not realised" (143), the reason goes in a note. */
            @WithDefault("143")
            long junkStatus();

            /** The status a converted lead gets; absent: the deal's stage mapping decides. */
            Optional<Long> convertedStatus();

            /** Requests per second (amoCRM: 7). */
            @WithDefault("7")
            double rate();

            /** Requests at once. */
            @WithDefault("7")
            int burst();

            @WithDefault("10s")
            Duration timeout();
        }
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
    /** Deal pipelines ({@code leadgate.pipeline.*}). */
    interface Pipelines {
        /** Directory of pipeline files (pipelines, lead statuses, junk and loss reasons); absent = none. */
        @WithDefault("pipelines")
        String dir();

        /** Reasons a lead can be marked junk for; files and the API can add more. */
        @WithDefault("spam,wrong-number,not-our-product,duplicate,other")
        List<String> junkReasons();

        /** Reasons a deal can be lost for (a move into a lost stage names one); files and the API can add more. */
        @WithDefault("price,competitor,no-budget,no-answer,not-relevant,other")
        List<String> lossReasons();

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
