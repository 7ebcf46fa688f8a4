package io.leadgate.channel.messenger.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * WhatsApp Cloud API webhook shapes: {@code entry[].changes[].value} with {@code metadata}, {@code contacts},
 * {@code messages} and {@code statuses}. Timestamps are Unix seconds written as strings.
 */
public final class WhatsAppPayload {

    private WhatsAppPayload() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, Value value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(String messagingProduct, Metadata metadata, List<Profile> contacts, List<Message> messages,
                        List<Status> statuses, List<ErrorInfo> errors) {
    }

    /** The business line the message reached. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String displayPhoneNumber, String phoneNumberId) {
    }

    /** A sender's profile: {@code wa_id} (phone digits) and the new business-scoped {@code user_id}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(ProfileName profile, String waId, String userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProfileName(String name, String username) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String from, String fromUserId, String id, String timestamp, String type, Context context,
                          Text text, Media image, Media video, Media audio, Media document, Media sticker,
                          Location location, List<SharedContact> contacts, Reaction reaction,
                          Interactive interactive, Button button, Order order, Referral referral, SystemNotice system,
                          List<ErrorInfo> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(String from, String id, Boolean forwarded, Boolean frequentlyForwarded) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(String id, String mimeType, String caption, String filename, String url, Boolean voice,
                        Boolean animated) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String latitude, String longitude, String name, String address, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SharedContact(ContactName name, List<ContactPhone> phones, List<ContactEmail> emails) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactName(String formattedName, String firstName, String lastName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPhone(String phone, String waId, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactEmail(String email, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reaction(String messageId, String emoji) {
    }

    /** A press on an interactive message: {@code button_reply}, {@code list_reply} or a Flow's {@code nfm_reply}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interactive(String type, Reply buttonReply, Reply listReply, FlowReply nfmReply) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String id, String title, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlowReply(String name, String body, String responseJson) {
    }

    /** A template quick-reply button ({@code type: button}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Button(String payload, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(String catalogId, String text, List<OrderItem> productItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderItem(String productRetailerId, String quantity, String itemPrice, String currency) {
    }

    /** A click-to-WhatsApp ad or post the conversation started from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String sourceUrl, String sourceId, String sourceType, String headline, String body,
                           String mediaType, String ctwaClid) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SystemNotice(String body, String type, String waId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String id, String status, String timestamp, String recipientId, String recipientType,
                         Conversation conversation, Pricing pricing, List<ErrorInfo> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conversation(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pricing(String category, String pricingModel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorInfo(String code, String title) {
    }
}
