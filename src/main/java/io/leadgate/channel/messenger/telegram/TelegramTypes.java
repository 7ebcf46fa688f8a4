package io.leadgate.channel.messenger.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The Bot API objects the Telegram adapter reads (core.telegram.org/bots/api#available-types); unknown keys ignored. */
public final class TelegramTypes {

    private TelegramTypes() {
    }

    /** A Telegram user or bot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(Long id, @JsonProperty("is_bot") Boolean isBot, @JsonProperty("first_name") String firstName,
                       @JsonProperty("last_name") String lastName, String username) {

        /** First and last name joined, or null. */
        public String fullName() {
            String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return joined.isEmpty() ? null : joined;
        }
    }

    /** A private chat, group, supergroup or channel. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chat(Long id, String type, String title, String username) {

        public boolean isGroup() {
            return "group".equals(type) || "supergroup".equals(type);
        }
    }

    /** Any file object: Document, Audio, Voice, Video or one PhotoSize (the keys they share). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TgFile(@JsonProperty("file_id") String fileId, @JsonProperty("file_name") String fileName,
                         @JsonProperty("mime_type") String mimeType, @JsonProperty("file_size") Long fileSize) {
    }

    /** A phone contact shared in a message; {@code user_id} is set when the card is a Telegram user's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SharedContact(@JsonProperty("phone_number") String phoneNumber,
                                @JsonProperty("first_name") String firstName,
                                @JsonProperty("last_name") String lastName,
                                @JsonProperty("user_id") Long userId, String vcard) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(Double latitude, Double longitude) {
    }

    /** A message, edited message or channel post. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(@JsonProperty("message_id") Long messageId, User from,
                          @JsonProperty("sender_chat") Chat senderChat, Chat chat, Long date,
                          @JsonProperty("edit_date") Long editDate, String text, String caption, TgFile document,
                          List<TgFile> photo, TgFile audio, TgFile voice, TgFile video, SharedContact contact,
                          Location location, @JsonProperty("reply_to_message") Message replyToMessage,
                          @JsonProperty("forward_from") User forwardFrom,
                          @JsonProperty("forward_date") Long forwardDate,
                          @JsonProperty("forward_origin") Object forwardOrigin) {

        /** Text or, for media, the caption. */
        public String body() {
            return text != null ? text : caption;
        }

        public boolean forwarded() {
            return forwardFrom != null || forwardDate != null || forwardOrigin != null;
        }
    }

    /** A press on an inline keyboard button; {@code message} is absent for inline-mode messages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackQuery(String id, User from, Message message,
                                @JsonProperty("inline_message_id") String inlineMessageId,
                                @JsonProperty("chat_instance") String chatInstance, String data,
                                @JsonProperty("game_short_name") String gameShortName) {
    }

    /** A chat member's status: creator, administrator, member, restricted, left or kicked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatMember(String status, User user) {
    }

    /** The bot's own membership changed ({@code my_chat_member}): blocked, unblocked, added to or removed from a chat. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatMemberUpdated(Chat chat, User from, Long date,
                                    @JsonProperty("old_chat_member") ChatMember oldChatMember,
                                    @JsonProperty("new_chat_member") ChatMember newChatMember) {
    }
}
