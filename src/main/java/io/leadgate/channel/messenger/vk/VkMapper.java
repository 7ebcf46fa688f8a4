package io.leadgate.channel.messenger.vk;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.messenger.vk.VkTypes.Message;
import io.leadgate.channel.messenger.vk.VkTypes.UserEvent;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.ThreadRef;
import io.leadgate.inquiry.Timestamps;

import java.util.List;
import java.util.Set;

/**
 * Turns one VK callback into one inquiry. Pure: no I/O (so no {@code users.get}: VK bodies carry no names and
 * the contact name stays null).
 *
 * <ul>
 *   <li>{@code message_new} → lead; with an {@code action} (chat_invite_user, chat_kick_user, …) → ignored
 *   ({@code service-event}).</li>
 *   <li>{@code message_reply} is the community's own outgoing message → ignored ({@code echo});
 *   {@code message_edit} → update ({@code edited-message}), or {@code echo} when the community edited its own.</li>
 *   <li>{@code message_event} (callback button) → update ({@code button-press}); {@code message_deny} → ignored
 *   {@code bot-blocked} with the user's handle; {@code message_allow} → ignored {@code service-event};
 *   {@code confirmation}, typing, read and any other event → ignored.</li>
 * </ul>
 * Key: {@code event_id}; without it (old API versions) {@code peer_id:conversation_message_id}, because
 * {@code message.id} is 0 in group chats.
 */
public final class VkMapper {

    public static final String PROVIDER = "vk";
    private static final Set<String> FILE_TYPES = Set.of("photo", "video", "audio", "doc", "audio_message", "graffiti");

    private VkMapper() {
    }

    public static Inquiry map(VkCallback callback) throws UnparseableException {
        Inquiry.Builder b = Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER).externalId(callback.eventId())
                .extra("groupId", text(callback.groupId()));
        switch (callback.type()) {
            case VkCallback.CONFIRMATION -> b.kind(Kind.IGNORED, Reason.CONFIRMATION);
            case "message_new" -> {
                Message m = callback.message();
                message(b, callback, m, false);
                if (m.action() != null && m.action().type() != null) {
                    b.kind(Kind.IGNORED, Reason.SERVICE_EVENT).extra("action", m.action().type());
                } else if (m.outgoing()) {
                    b.kind(Kind.IGNORED, Reason.ECHO);
                } else {
                    b.kind(Kind.LEAD, null);
                }
            }
            case "message_reply" -> message(b.kind(Kind.IGNORED, Reason.ECHO), callback, callback.message(), false);
            case "message_edit" -> {
                Message m = callback.message();
                message(b, callback, m, true);
                b.kind(m.outgoing() ? Kind.IGNORED : Kind.UPDATE, m.outgoing() ? Reason.ECHO : Reason.EDITED_MESSAGE);
            }
            case "message_event" -> userEvent(b.kind(Kind.UPDATE, Reason.BUTTON_PRESS), callback);
            case "message_deny" -> userEvent(b.kind(Kind.IGNORED, Reason.BOT_BLOCKED), callback);
            case "message_allow" -> userEvent(b.kind(Kind.IGNORED, Reason.SERVICE_EVENT), callback);
            case "message_typing_state" -> b.kind(Kind.IGNORED, Reason.TYPING);
            case "message_read" -> b.kind(Kind.IGNORED, Reason.READ_RECEIPT);
            default -> b.kind(Kind.IGNORED, Reason.UNSUPPORTED_EVENT).extra("eventType", callback.type());
        }
        return b.build();
    }

    private static void message(Inquiry.Builder b, VkCallback callback, Message m, boolean edit) {
        if (callback.eventId() == null) {
            b.externalId(fallbackKey(m, edit));
        }
        Long time = edit && m.updateTime() != null ? m.updateTime() : m.date();
        b.occurredAt(Timestamps.epochSeconds(time));
        if (!m.outgoing()) {
            b.contact(user(m.fromId()));
        }
        b.text(m.text() == null || m.text().isEmpty() ? null : m.text());
        if (m.inChat()) {
            b.extra("chatId", text(m.peerId()));
        }
        b.extra("messageId", m.id() == null || m.id() == 0 ? null : text(m.id()))
                .extra("conversationMessageId", text(m.conversationMessageId()))
                .extra("payload", m.payload()).extra("ref", m.ref()).extra("refSource", m.refSource());
        if (m.fwdMessages() != null && !m.fwdMessages().isEmpty()) {
            b.extra("forwardedMessages", Integer.toString(m.fwdMessages().size()));
        }
        if (m.geo() != null && m.geo().coordinates() != null) {
            b.extra("location", m.geo().coordinates().latitude() + "," + m.geo().coordinates().longitude());
        }
        if (m.attachments() != null) {
            m.attachments().forEach(a -> attach(b, a));
        }
        Message reply = m.replyMessage();
        if (reply != null && reply.conversationMessageId() != null) {
            Long peer = reply.peerId() != null ? reply.peerId() : m.peerId();
            String ref = peer + ":" + reply.conversationMessageId();
            b.thread(new ThreadRef(List.of(ref), List.of())).extra("replyTo", ref);
        }
    }

    /** The message key when the callback has no event_id; an edit gets its own key per edit time. */
    private static String fallbackKey(Message m, boolean edit) {
        String key = m.conversationKey();
        if (key == null && m.id() != null && m.id() != 0) {
            key = "message:" + m.id();
        }
        if (key != null && edit) {
            key = key + ":edit:" + (m.updateTime() != null ? m.updateTime() : m.date());
        }
        return key;
    }

    private static void userEvent(Inquiry.Builder b, VkCallback callback) throws UnparseableException {
        UserEvent e = callback.userEvent();
        if (callback.eventId() == null) {
            b.externalId(e.eventId());
        }
        b.contact(user(e.userId()));
        if (e.payload() != null && !e.payload().isNull()) {
            b.text(e.payload().isTextual() ? e.payload().asText() : e.payload().toString());
        }
        if (e.peerId() != null && e.peerId() >= VkTypes.CHAT_PEER_OFFSET) {
            b.extra("chatId", text(e.peerId()));
        }
        b.extra("conversationMessageId", text(e.conversationMessageId()));
    }

    /** A VK user (positive id); communities (negative ids) are not contacts. */
    private static ContactInfo user(Long id) {
        ContactInfoBuilder contact = new ContactInfoBuilder(null);
        if (id != null && id > 0) {
            contact.handle(new Handle(PROVIDER, text(id), null));
        }
        return contact.build();
    }

    private static void attach(Inquiry.Builder b, JsonNode item) {
        String type = item.path("type").asText("");
        JsonNode file = item.path(type);
        if (!FILE_TYPES.contains(type) || !file.has("owner_id") || !file.has("id")) {
            return;
        }
        String ref = type + file.get("owner_id").asText() + "_" + file.get("id").asText();
        String name = file.path("title").isTextual() ? file.get("title").asText() : null;
        Long size = file.path("size").canConvertToLong() ? file.get("size").asLong() : null;
        b.attachment(new Attachment(name, null, size, ref));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
