package io.leadgate.channel.messenger.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The Messenger Platform webhook shapes, used by Facebook Messenger ({@code object: page}) and Instagram messaging
 * ({@code object: instagram}): {@code entry[].messaging[]} events. Timestamps are Unix milliseconds.
 */
public final class MessagingPayload {

    private MessagingPayload() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String time, List<Event> messaging) {
    }

    /** One {@code messaging[]} item; exactly one of the event fields is set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(Party sender, Party recipient, String timestamp, Message message, Postback postback,
                        Optin optin, Referral referral, Receipt delivery, Receipt read, Edit messageEdit,
                        Reaction reaction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, String userRef) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String mid, String text, Boolean isEcho, Boolean isDeleted, Boolean isUnsupported,
                          QuickReply quickReply, ReplyTo replyTo, List<Attachment> attachments, Referral referral) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuickReply(String payload) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplyTo(String mid, Story story) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Story(String url, String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String type, AttachmentPayload payload) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttachmentPayload(String url, String title, String stickerId, Coordinates coordinates) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coordinates(String lat, @JsonProperty("long") String lng) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Postback(String mid, String title, String payload, Referral referral) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Optin(String type, String ref, String payload, String userRef) {
    }

    /** A referral: {@code m.me} / {@code ig.me} link with {@code ref}, a click-to-Messenger ad, a plugin. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String ref, String source, String type, String adId, String refererUri,
                           AdsContext adsContextData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdsContext(String adTitle, String photoUrl, String videoUrl, String postId) {
    }

    /** A delivery ({@code mids}, {@code watermark}) or read ({@code watermark}, Instagram {@code mid}) receipt. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receipt(List<String> mids, String mid, String watermark) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edit(String mid, String text, String numEdit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reaction(String mid, String action, String reaction, String emoji) {
    }
}
