package io.leadgate.channel.messenger.telegram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.messenger.telegram.TelegramTypes.CallbackQuery;
import io.leadgate.channel.messenger.telegram.TelegramTypes.ChatMemberUpdated;
import io.leadgate.channel.messenger.telegram.TelegramTypes.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One Bot API {@code Update} reduced to the single payload it carries.
 *
 * <p>The Bot API promises at most one optional payload per update. A body that carries several (an invalid update,
 * as some SDK fixtures do) is read by this precedence, and the other payloads are named in {@code otherPayloads}
 * and not read: {@code message}, {@code edited_message}, {@code callback_query}, {@code channel_post},
 * {@code edited_channel_post}, {@code my_chat_member}, then every other update type in Bot API order.
 *
 * @param updateId       the update's {@code update_id} as text (the idempotency key)
 * @param type           the payload's key, or null when the update carries none this reader knows
 * @param message        the message of {@code message}, {@code edited_message}, {@code channel_post} and
 *                       {@code edited_channel_post}
 * @param serviceMessage true when the message is a service message (members joined, title changed, …)
 */
public record TelegramUpdate(String updateId, String type, Message message, CallbackQuery callbackQuery,
                             ChatMemberUpdated chatMember, boolean serviceMessage, List<String> otherPayloads) {

    public static final String MESSAGE = "message";
    public static final String EDITED_MESSAGE = "edited_message";
    public static final String CALLBACK_QUERY = "callback_query";
    public static final String CHANNEL_POST = "channel_post";
    public static final String EDITED_CHANNEL_POST = "edited_channel_post";
    public static final String MY_CHAT_MEMBER = "my_chat_member";

    /** Every update type of the Bot API, in the order of precedence used here. */
    static final List<String> PRECEDENCE = List.of(MESSAGE, EDITED_MESSAGE, CALLBACK_QUERY, CHANNEL_POST,
            EDITED_CHANNEL_POST, MY_CHAT_MEMBER, "business_connection", "business_message", "edited_business_message",
            "deleted_business_messages", "message_reaction", "message_reaction_count", "inline_query",
            "chosen_inline_result", "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll",
            "poll_answer", "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost");

    /** Message keys that make a message a service message rather than something a person wrote. */
    private static final Set<String> SERVICE_KEYS = Set.of("new_chat_members", "left_chat_member", "new_chat_title",
            "new_chat_photo", "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
            "channel_chat_created", "message_auto_delete_timer_changed", "migrate_to_chat_id", "migrate_from_chat_id",
            "pinned_message", "forum_topic_created", "forum_topic_edited", "forum_topic_closed",
            "forum_topic_reopened", "video_chat_started", "video_chat_ended", "video_chat_scheduled",
            "video_chat_participants_invited", "write_access_allowed", "users_shared", "chat_shared",
            "boost_added", "chat_background_set", "proximity_alert_triggered");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TelegramUpdate {
        otherPayloads = List.copyOf(otherPayloads);
    }

    /** Reads a webhook body; throws when it is not JSON or not an update (no numeric {@code update_id}). */
    public static TelegramUpdate read(byte[] body) throws UnparseableException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new UnparseableException("Telegram update is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableException("Telegram update must be a JSON object");
        }
        JsonNode id = root.get("update_id");
        if (id == null || !id.canConvertToLong()) {
            throw new UnparseableException("not a Telegram update: no numeric update_id");
        }
        String type = null;
        List<String> others = new ArrayList<>();
        for (String key : PRECEDENCE) {
            JsonNode payload = root.get(key);
            if (payload != null && !payload.isNull()) {
                if (type == null) {
                    type = key;
                } else {
                    others.add(key);
                }
            }
        }
        String updateId = Long.toString(id.asLong());
        if (type == null) {
            return new TelegramUpdate(updateId, null, null, null, null, false, others);
        }
        JsonNode payload = root.get(type);
        if (!payload.isObject()) {
            throw new UnparseableException("Telegram update field '" + type + "' must be an object");
        }
        try {
            return switch (type) {
                case MESSAGE, EDITED_MESSAGE, CHANNEL_POST, EDITED_CHANNEL_POST ->
                        new TelegramUpdate(updateId, type, JSON.treeToValue(payload, Message.class), null, null,
                                SERVICE_KEYS.stream().anyMatch(payload::has), others);
                case CALLBACK_QUERY -> new TelegramUpdate(updateId, type, null,
                        JSON.treeToValue(payload, CallbackQuery.class), null, false, others);
                case MY_CHAT_MEMBER -> new TelegramUpdate(updateId, type, null, null,
                        JSON.treeToValue(payload, ChatMemberUpdated.class), false, others);
                default -> new TelegramUpdate(updateId, type, null, null, null, false, others);
            };
        } catch (JacksonException e) {
            throw new UnparseableException("Telegram " + type + " has an unexpected shape: " + e.getOriginalMessage(), e);
        }
    }
}
