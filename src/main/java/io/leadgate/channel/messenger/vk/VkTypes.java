package io.leadgate.channel.messenger.vk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The VK Callback API objects the VK adapter reads (dev.vk.com/api/community-events/json-schema); unknown keys ignored. */
public final class VkTypes {

    /** Peer ids from here on are group chats (peer_id = 2000000000 + chat id). */
    public static final long CHAT_PEER_OFFSET = 2_000_000_000L;

    private VkTypes() {
    }

    /** A community message ({@code messages.Message}). {@code id} is 0 for messages in group chats. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(Long id, Long date, @JsonProperty("update_time") Long updateTime,
                          @JsonProperty("peer_id") Long peerId, @JsonProperty("from_id") Long fromId, Integer out,
                          String text, @JsonProperty("conversation_message_id") Long conversationMessageId,
                          Action action, List<JsonNode> attachments,
                          @JsonProperty("reply_message") Message replyMessage,
                          @JsonProperty("fwd_messages") List<JsonNode> fwdMessages, String payload, String ref,
                          @JsonProperty("ref_source") String refSource, Geo geo) {

        public boolean outgoing() {
            return out != null && out == 1;
        }

        public boolean inChat() {
            return peerId != null && peerId >= CHAT_PEER_OFFSET;
        }

        /** {@code peer_id:conversation_message_id}, the message key that also works in chats, or null. */
        public String conversationKey() {
            return peerId == null || conversationMessageId == null ? null : peerId + ":" + conversationMessageId;
        }
    }

    /** A service action in a chat: {@code chat_invite_user}, {@code chat_kick_user}, {@code chat_title_update}, … */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(String type, @JsonProperty("member_id") Long memberId) {
    }

    /** A location sent with a message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Geo(Coordinates coordinates) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coordinates(Double latitude, Double longitude) {
    }

    /** The object of {@code message_event} (callback button), {@code message_allow} and {@code message_deny}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserEvent(@JsonProperty("user_id") Long userId, @JsonProperty("peer_id") Long peerId,
                            @JsonProperty("event_id") String eventId, JsonNode payload,
                            @JsonProperty("conversation_message_id") Long conversationMessageId) {
    }
}
