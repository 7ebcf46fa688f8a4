package io.leadgate.inquiry;

/**
 * Why an inquiry is an update or ignored ({@link Inquiry#reason()}): the one vocabulary every adapter writes and the
 * write path, the API and events read. {@link #code()} is the spelling stored in {@code inquiry.reason}, in envelopes
 * and written in inquiry JSON; it never changes. Other layers act on a few of them: a bounce marks the failed addresses
 * undeliverable, a honeypot hit counts as a rejected post, mail classified away is kept as an envelope.
 */
public enum Reason {
    /** A mail system's report that a message could not be delivered. */
    BOUNCE("bounce"),
    /** A web-form post whose honeypot field was filled in (a bot). */
    HONEYPOT("honeypot"),
    /** An out-of-office or other automatic answer. */
    AUTO_REPLY("auto-reply"),
    /** A newsletter or mailing-list message. */
    NEWSLETTER("newsletter"),
    /** A mail system's report that delivery is delayed (not failed yet). */
    DELIVERY_DELAYED("delivery-delayed"),
    /** A delivery report or status (delivered, failed, sent) of a message the company sent. */
    DELIVERY_STATUS("delivery-status"),
    /** The client read a message. */
    READ_RECEIPT("read-receipt"),
    /** A message the company (or its bot) sent, echoed back by the provider. */
    ECHO("echo"),
    /** A message from another bot. */
    BOT_MESSAGE("bot-message"),
    /** The client blocked the bot. */
    BOT_BLOCKED("bot-blocked"),
    /** A post in a broadcast channel, not a conversation. */
    CHANNEL_POST("channel-post"),
    /** The provider's handshake to confirm the hook address. */
    CONFIRMATION("confirmation"),
    /** The client is typing. */
    TYPING("typing"),
    /** Any other provider event that carries nothing for sales (subscriptions, chat membership, field changes). */
    SERVICE_EVENT("service-event"),
    /** An event type this adapter does not know. */
    UNSUPPORTED_EVENT("unsupported-event"),
    /** A Telegram update type this adapter does not know. */
    UNSUPPORTED_UPDATE("unsupported-update"),
    /** A provider's test delivery (Tilda's check of the hook address). */
    TEST_PROBE("test-probe"),
    /** A form the client has not finished. */
    PARTIAL_RESPONSE("partial-response"),
    /** The client edited an earlier message. */
    EDITED_MESSAGE("edited-message"),
    /** The client deleted an earlier message. */
    DELETED_MESSAGE("deleted-message"),
    /** The client took back a reaction. */
    REACTION_REMOVED("reaction-removed"),
    /** The client pressed a bot's button. */
    BUTTON_PRESS("button-press"),
    /** The client answered with a quick-reply button. */
    BUTTON_REPLY("button-reply"),
    /** The client picked an entry of a list message. */
    LIST_REPLY("list-reply"),
    /** Another interactive answer. */
    INTERACTIVE("interactive"),
    /** A call the company places; it never opens a lead. */
    OUTBOUND_CALL("outbound-call"),
    /** A call between the company's own extensions. */
    INTERNAL_CALL("internal-call");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The code as it appears in {@code inquiry.reason}, envelopes and inquiry JSON. */
    public String code() {
        return code;
    }

    /** True when the inquiry carries this reason. */
    public boolean of(Inquiry inquiry) {
        return inquiry.reason() == this;
    }

    /** The code of a reason, null for none. */
    public static String codeOf(Reason reason) {
        return reason == null ? null : reason.code;
    }
}
