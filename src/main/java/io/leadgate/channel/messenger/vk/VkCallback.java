package io.leadgate.channel.messenger.vk;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.messenger.vk.VkTypes.Message;
import io.leadgate.channel.messenger.vk.VkTypes.UserEvent;

import java.io.IOException;

/**
 * One VK Callback API request: {@code {"type", "group_id", "event_id", "v", "secret", "object"}}.
 *
 * @param object the event object as sent; read it with {@link #message()} or {@link #userEvent()}
 */
public record VkCallback(String type, Long groupId, String eventId, String apiVersion, String secret,
                         JsonNode object) {

    public static final String CONFIRMATION = "confirmation";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads a callback body; throws when it is not a JSON object with a {@code type}. */
    public static VkCallback read(byte[] body) throws UnparseableException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new UnparseableException("VK callback is not valid JSON", e);
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw new UnparseableException("not a VK callback: a JSON object with a text 'type' is required");
        }
        JsonNode group = root.get("group_id");
        return new VkCallback(root.get("type").asText(), group != null && group.canConvertToLong() ? group.asLong() : null,
                text(root.get("event_id")), text(root.get("v")), text(root.get("secret")), root.get("object"));
    }

    public boolean confirmation() {
        return CONFIRMATION.equals(type);
    }

    /**
     * The message of {@code message_new}, {@code message_reply} and {@code message_edit}. Since API 5.103
     * {@code message_new} wraps it as {@code object.message} (next to {@code object.client_info}); before, and
     * for the other two events, the object is the message itself.
     */
    public Message message() throws UnparseableException {
        JsonNode node = object != null && object.path("message").isObject() ? object.get("message") : object;
        return convert(node, Message.class);
    }

    /** The object of {@code message_event}, {@code message_allow} and {@code message_deny}. */
    public UserEvent userEvent() throws UnparseableException {
        return convert(object, UserEvent.class);
    }

    private <T> T convert(JsonNode node, Class<T> type) throws UnparseableException {
        if (node == null || !node.isObject()) {
            throw new UnparseableException("VK " + this.type + " event has no object");
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new UnparseableException("VK " + this.type + " object has an unexpected shape: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank() ? null : node.asText();
    }
}
