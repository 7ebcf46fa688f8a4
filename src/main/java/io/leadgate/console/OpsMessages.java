package io.leadgate.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the duplicates, channels and deliveries pages ({@code ops:} in templates), in English; Russian in
 * {@code messages/ops_ru.properties}. Texts shared with the other pages stay in {@link ConsoleMessages}.
 */
@MessageBundle("ops")
public interface OpsMessages {

    @Message("active")
    String ch_active();

    @Message("Attempts")
    String ch_attempts();

    @Message("Waiting")
    String ch_backlog();

    @Message("Copied")
    String ch_copied();

    @Message("Copy")
    String ch_copy();

    @Message("disabled")
    String ch_disabled();

    @Message("Error")
    String ch_error();

    @Message("failed")
    String ch_failed();

    @Message("Failed verifications (missing, wrong or stale signatures) are counted by this replica since it started.")
    String ch_failures_hint();

    @Message("Hook URL")
    String ch_hook_url();

    @Message("invalid")
    String ch_invalid();

    @Message("Last inquiry")
    String ch_last_inquiry();

    @Message("Last poll")
    String ch_last_poll();

    @Message("Polled by")
    String ch_lease();

    @Message("never")
    String ch_never();

    @Message("Failed and unparseable requests")
    String ch_parked();

    @Message("Nothing is waiting for a replay.")
    String ch_parked_none();

    @Message("Inquiries per day, last 7 days")
    String ch_per_day();

    @Message("Failed polls")
    String ch_poll_failures();

    @Message("polled (IMAP)")
    String ch_polled();

    @Message("Request {id} replayed: it is processed now.")
    String ch_replayed(String id);

    @Message("unparseable")
    String ch_unparseable();

    @Message("Failed verifications")
    String ch_verification_failures();

    @Message("Channels")
    String channels();

    @Message("Connector")
    String dl_connector();

    @Message("CRM connectors")
    String dl_connectors();

    @Message("No CRM connector is enabled.")
    String dl_connectors_none();

    @Message("Subscription created.")
    String dl_created();

    @Message("dead")
    String dl_dead();

    @Message("Dead letters")
    String dl_dead_letters();

    @Message("degraded")
    String dl_degraded();

    @Message("delivered")
    String dl_delivered();

    @Message("disabled")
    String dl_disabled();

    @Message("Enable")
    String dl_enable();

    @Message("Subscription enabled.")
    String dl_enabled();

    @Message("Event")
    String dl_event();

    @Message("Events")
    String dl_events();

    @Message("Kafka relay")
    String dl_kafka();

    @Message("another replica sends")
    String dl_kafka_follower();

    @Message("this replica sends")
    String dl_kafka_leader();

    @Message("off (no broker configured)")
    String dl_kafka_off();

    @Message("Not yet sent")
    String dl_lag();

    @Message("Last acknowledged")
    String dl_last_ack();

    @Message("Last answer")
    String dl_last_answer();

    @Message("New subscription")
    String dl_new_webhook();

    @Message("ok")
    String dl_ok();

    @Message("oldest from")
    String dl_oldest();

    @Message("pending")
    String dl_pending();

    @Message("Recent attempts")
    String dl_recent();

    @Message("Replay all dead letters")
    String dl_replay_all();

    @Message("Queued for sending again.")
    String dl_replayed();

    @Message("Resume")
    String dl_resume();

    @Message("Connector {id} resumed.")
    String dl_resumed(String id);

    @Message("retrying")
    String dl_retrying();

    @Message("running")
    String dl_running();

    @Message("A signing secret is generated and shown once after you create the subscription.")
    String dl_secret_hint();

    @Message("The signing secret, shown only now: copy it into the receiving system.")
    String dl_secret_once();

    @Message("stopped")
    String dl_stopped();

    @Message("URL")
    String dl_url();

    @Message("Waiting since")
    String dl_waiting_since();

    @Message("Webhook subscriptions")
    String dl_webhooks();

    @Message("No webhook subscriptions.")
    String dl_webhooks_none();

    @Message("Why")
    String dl_why();

    @Message("Possibly the same person")
    String dup_candidates();

    @Message("Card since")
    String dup_card_since();

    @Message("Not the same person")
    String dup_distinct();

    @Message("Remembered: this pair will not be proposed again.")
    String dup_distinct_done();

    @Message("Merge history")
    String dup_history();

    @Message("No merges yet.")
    String dup_history_none();

    @Message("Keep this card")
    String dup_keep_this();

    @Message("Kept card")
    String dup_kept();

    @Message("Merged card")
    String dup_merged_card();

    @Message("Merged. The merge can be undone below.")
    String dup_merged_done();

    @Message("No duplicate candidates.")
    String dup_none();

    @Message("By")
    String dup_origin();

    @Message("rule")
    String dup_origin_auto();

    @Message("operator")
    String dup_origin_operator();

    @Message("score")
    String dup_score();

    @Message("Undo")
    String dup_undo();

    @Message("undone")
    String dup_undone();

    @Message("Merge undone: both cards are back.")
    String dup_undone_done();

    @Message("Messenger")
    String messenger();

    @Message("Channels")
    String nav_channels();

    @Message("Deliveries")
    String nav_deliveries();

    @Message("Duplicates")
    String nav_duplicates();

    @Message("Replay")
    String replay();

    @Message("When")
    String when();
}
