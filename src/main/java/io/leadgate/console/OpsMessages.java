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

    @Message("How to connect")
    String ch_setup();

    @Message("1. Point the form at the hook URL (POST; form-encoded, multipart or JSON).\n2. If the channel has a token setting, append /‹token› to the URL or send the token in the X-Leadgate-Token header.\n3. For attribution without a page reload, add the website snippet (docs/providers/website-snippet.md).")
    String setup_webform(String id);

    @Message("1. Tilda: Site settings → Forms → Webhook: paste the hook URL, with /‹token› appended if the channel has a token setting.\n2. Optionally tick “send cookies”.\n3. Choose this receiver in each form block and republish the page.")
    String setup_tilda(String id);

    @Message("1. Typeform: Form → Connect → Webhooks → add the hook URL.\n2. Enter the same secret as the channel's secret setting: Typeform signs each post with it (Typeform-Signature).")
    String setup_typeform(String id);

    @Message("1. From a Webflow OAuth app, register the hook URL: POST /v2/sites/‹site id›/webhooks with triggerType form_submission.\n2. The channel's secret setting is the OAuth app's client secret (Webflow signs with it).\n3. Legacy dashboard webhooks are unsigned: they need allow-unsigned-v1: true.")
    String setup_webflow(String id);

    @Message("1. In the site's form, replace the Bitrix24 REST address https://‹portal›/rest/‹user›/‹code›/ with the hook URL followed by /‹token›/.\n2. ‹token› is the channel's token setting; nothing else on the site changes.")
    String setup_bitrix24_form(String id);

    @Message("1. Either connect in one step: POST /api/channels/{id}/connect with settings.bot-token;\n2. or call setWebhook yourself with url = the hook URL and secret_token = the channel's secret-token setting.\n3. Telegram sends that secret in X-Telegram-Bot-Api-Secret-Token on every update.")
    String setup_telegram(String id);

    @Message("1. Meta app dashboard → WhatsApp → Configuration: callback URL = the hook URL, verify token = the channel's verify-token setting.\n2. Subscribe to messages.\n3. The channel's app-secret setting is the app's secret: it checks X-Hub-Signature-256.")
    String setup_whatsapp(String id);

    @Message("1. Meta app dashboard → Messenger → Webhooks: callback URL = the hook URL, verify token = the channel's verify-token setting.\n2. Subscribe to messages, messaging_postbacks and messaging_optins.\n3. The channel's app-secret setting is the app's secret: it checks X-Hub-Signature-256.")
    String setup_facebook(String id);

    @Message("1. Meta app dashboard → Instagram → Webhooks: callback URL = the hook URL, verify token = the channel's verify-token setting.\n2. Subscribe to messages.\n3. The channel's app-secret setting is the app's secret: it checks X-Hub-Signature-256.")
    String setup_instagram(String id);

    @Message("1. Community → Manage → API usage → Callback API: server URL = the hook URL, API version 5.103 or later, event message_new.\n2. Copy the confirmation string VK shows into the channel's confirmation setting; a secret key set there goes into the channel's secret.\n3. Or connect in one step: POST /api/channels/{id}/connect with settings.access-token and group-id.")
    String setup_vk(String id);

    @Message("1. Call set_webhook with url = the hook URL, using the bot's auth token, or connect in one step: POST /api/channels/{id}/connect.\n2. The channel's auth-token setting is that token: Viber signs each post with it (X-Viber-Content-Signature).")
    String setup_viber(String id);

    @Message("1. Register the hook URL, with /‹secret› appended if the channel has a secret setting, through POST /messenger/v3/webhook.\n2. Or connect in one step: POST /api/channels/{id}/connect with settings.client-id and client-secret.\n3. Avito signs nothing, so the secret travels in the path.")
    String setup_avito(String id);

    @Message("1. Twilio: Phone number → Voice configuration: set the voice webhook and the status callback to the hook URL, HTTP POST.\n2. The channel's auth-token setting is the account's auth token: it checks X-Twilio-Signature.\n3. Behind a proxy, set public-url to the exact URL entered at Twilio.")
    String setup_twilio(String id);

    @Message("1. sipgate.io → Webhooks: set the incoming and the outgoing URL to the hook URL followed by /‹token›.\n2. ‹token› is the channel's token setting.")
    String setup_sipgate(String id);

    @Message("1. Placetel: Integrations → Notify API URL: the hook URL followed by /‹token› (the channel's token setting).\n2. Optionally set a secret there and in the channel's secret setting: it checks X-PLACETEL-SIGNATURE.")
    String setup_placetel(String id);

    @Message("1. Mango Office: VPBX → Integrations → API: external system address = the hook URL (Mango appends /events/call, /events/summary, …).\n2. Copy the API key and the salt shown there into the channel's api-key and api-salt settings: every request is signed with them.")
    String setup_mango(String id);

    @Message("1. Zadarma: Settings → Integrations and API → notifications: the hook URL for the NOTIFY_* events.\n2. The channel's api-secret setting is the API secret key: the Signature header of each event is checked with it.")
    String setup_zadarma(String id);

    @Message("1. Make the mail server or inbound-mail service POST each raw message to the hook URL with Content-Type: message/rfc822 (an MTA pipe: curl -H 'Content-Type: message/rfc822' --data-binary @- ‹URL›).\n2. If the channel has a token setting, append /‹token› or send it in X-Leadgate-Token.")
    String setup_email(String id);

    @Message("1. Nothing to paste: the gateway polls the mailbox.\n2. The channel file needs host, username and password (an app password where the mail provider asks for one); port, folder (INBOX) and ssl (true) are optional.\n3. A new mailbox starts from new mail; backfill-days takes older mail.")
    String setup_imap(String id);

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

    /** A match reason of {@code MatchScorer} / {@code NameMatch} in words; an unknown code is shown as it is. */
    @Message("{#when code}"
            + "{#is 'shared-identity'}One inquiry named details of both cards"
            + "{#is 'phone-country-code'}The same number with another country code"
            + "{#is 'email-mailbox'}The same mailbox (dots or a +tag aside)"
            + "{#is 'same-name'}The same name"
            + "{#is 'phone-contradicts'}Their phones differ"
            + "{#is 'phone-transposition'}A phone with two digits swapped"
            + "{#is 'phone-digit-missing'}A phone with a digit missing"
            + "{#is 'phone-digit-doubled'}A phone with a digit doubled"
            + "{#is 'phone-digit-substituted'}A phone with one digit different"
            + "{#is 'name-swapped'}First name and surname swapped"
            + "{#is 'name-transliteration'}The same name in another alphabet"
            + "{#is 'name-diminutive'}A short form of the name"
            + "{#is 'name-typo'}The name with a typo"
            + "{#is 'name-partial'}Part of the name matches"
            + "{#is 'name-differs'}The names differ"
            + "{#else}{code}{/when}")
    String dup_reason(String code);

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
