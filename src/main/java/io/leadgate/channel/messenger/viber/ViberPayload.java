package io.leadgate.channel.messenger.viber;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Viber REST bot API callback. {@code message_token} and {@code timestamp} exceed 2^53, so they are read as
 * their exact JSON text, never through a double. Timestamps are Unix milliseconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViberPayload(String event, String timestamp, String messageToken, User sender, User user,
                           String userId, Message message, String context, String type, Boolean subscribed,
                           String desc, String chatHostname) {

    /** The sender of a message, the user of {@code subscribed} / {@code conversation_started}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String name, String avatar, String country, String language, String apiVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String type, String text, String media, String fileName, Long size, String stickerId,
                          Contact contact, Location location, String trackingData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String phoneNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String lat, String lon) {
    }
}
