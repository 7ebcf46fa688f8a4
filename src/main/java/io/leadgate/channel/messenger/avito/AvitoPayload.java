package io.leadgate.channel.messenger.avito;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * An Avito Messenger API v3 webhook: {@code {"id", "version", "timestamp", "payload": {"type": "message",
 * "value": {…}}}}. Ids are read as their exact JSON text; {@code created} is Unix seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvitoPayload(String id, String version, String timestamp, Payload payload) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payload(String type, Value value) {
    }

    /** One chat message; {@code user_id} is the account the webhook belongs to, {@code author_id} who wrote. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(String id, String chatId, String userId, String authorId, String created, String type,
                        String chatType, Content content, String itemId, String publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(String text, Image image, Link link, Location location, Voice voice, Item item) {
    }

    /** Image URLs by size ({@code "1280x960": url}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(Map<String, String> sizes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String text, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String lat, String lon, String text, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Voice(String voiceId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String title, String itemUrl, String priceString) {
    }
}
