package io.leadgate.channel.messenger.telegram;

import io.leadgate.channel.messenger.telegram.TelegramTypes.CallbackQuery;
import io.leadgate.channel.messenger.telegram.TelegramTypes.Chat;
import io.leadgate.channel.messenger.telegram.TelegramTypes.ChatMemberUpdated;
import io.leadgate.channel.messenger.telegram.TelegramTypes.Message;
import io.leadgate.channel.messenger.telegram.TelegramTypes.SharedContact;
import io.leadgate.channel.messenger.telegram.TelegramTypes.TgFile;
import io.leadgate.channel.messenger.telegram.TelegramTypes.User;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.NameNormalizer;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.ThreadRef;
import io.leadgate.inquiry.Timestamps;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns one Telegram update into one inquiry. Pure: no I/O.
 *
 * <ul>
 *   <li>{@code message} → lead; service messages (members joined, title changed, …) and messages of other bots
 *   are ignored.</li>
 *   <li>{@code edited_message} → update ({@code edited-message}); {@code callback_query} → update
 *   ({@code button-press}, key = the callback id, text = the button's data).</li>
 *   <li>{@code channel_post}, {@code edited_channel_post} → ignored ({@code channel-post}); {@code my_chat_member}
 *   → ignored ({@code service-event}), or {@code bot-blocked} with the user's handle when a private chat's new
 *   status is {@code kicked}; any other update type → ignored ({@code unsupported-update}).</li>
 * </ul>
 * The contact is always {@code from} (never {@code forward_from} / {@code forward_origin}).
 */
public final class TelegramMapper {

    public static final String PROVIDER = "telegram";

    private TelegramMapper() {
    }

    public static Inquiry map(TelegramUpdate update, String defaultRegion) {
        Inquiry.Builder b = Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER).externalId(update.updateId());
        if (!update.otherPayloads().isEmpty()) { // an invalid multi-payload update: the rest is not read
            b.extra("ignoredPayloads", String.join(", ", update.otherPayloads()));
        }
        String type = update.type() == null ? "" : update.type();
        switch (type) {
            case TelegramUpdate.MESSAGE -> message(b, update, defaultRegion);
            case TelegramUpdate.EDITED_MESSAGE -> {
                b.kind(Kind.UPDATE, Reason.EDITED_MESSAGE);
                content(b, update.message(), defaultRegion);
                Long edited = update.message().editDate();
                b.occurredAt(seconds(edited != null ? edited : update.message().date()));
            }
            case TelegramUpdate.CALLBACK_QUERY -> callback(b, update.callbackQuery());
            case TelegramUpdate.CHANNEL_POST, TelegramUpdate.EDITED_CHANNEL_POST -> {
                Message post = update.message();
                b.kind(Kind.IGNORED, Reason.CHANNEL_POST).occurredAt(seconds(post.date())).text(post.body());
                chat(b, post.chat(), true);
                b.extra("messageId", text(post.messageId()));
            }
            case TelegramUpdate.MY_CHAT_MEMBER -> membership(b, update.chatMember());
            default -> b.kind(Kind.IGNORED, Reason.UNSUPPORTED_UPDATE).extra("updateType", update.type());
        }
        return b.build();
    }

    private static void message(Inquiry.Builder b, TelegramUpdate update, String region) {
        Message m = update.message();
        User from = m.from();
        if (update.serviceMessage()) {
            b.kind(Kind.IGNORED, Reason.SERVICE_EVENT);
        } else if (from != null && Boolean.TRUE.equals(from.isBot())) {
            b.kind(Kind.IGNORED, Reason.BOT_MESSAGE);
        } else {
            b.kind(Kind.LEAD, null);
            StartPayload.of(m.text()).ifPresent(payload ->
                    b.attribution(StartPayload.decode(payload)).extra("startPayload", payload));
        }
        b.occurredAt(seconds(m.date()));
        content(b, m, region);
    }

    /** Sender, chat, text, files, shared contact and reply of a message. */
    private static void content(Inquiry.Builder b, Message m, String region) {
        ContactInfoBuilder contact = sender(m.from(), region);
        SharedContact shared = m.contact();
        if (shared != null) {
            if (m.from() != null && shared.userId() != null && shared.userId().equals(m.from().id())) {
                contact.internationalPhone(shared.phoneNumber()); // the user's own number, sent with the button
            } else {
                b.extra("sharedContact", describe(shared));
            }
        }
        b.contact(contact.build()).text(m.body());
        chat(b, m.chat(), false);
        b.extra("messageId", text(m.messageId()));
        if (m.forwarded()) {
            b.extra("forwarded", "true");
        }
        if (m.location() != null) {
            b.extra("location", m.location().latitude() + "," + m.location().longitude());
        }
        attach(b, m.document());
        if (m.photo() != null && !m.photo().isEmpty()) {
            attach(b, m.photo().get(m.photo().size() - 1)); // sizes come smallest first: keep the original
        }
        attach(b, m.audio());
        attach(b, m.voice());
        attach(b, m.video());
        Message reply = m.replyToMessage();
        if (reply != null && reply.messageId() != null) {
            Long chatId = reply.chat() != null ? reply.chat().id() : m.chat() != null ? m.chat().id() : null;
            String ref = chatId == null ? text(reply.messageId()) : chatId + ":" + reply.messageId();
            b.thread(new ThreadRef(List.of(ref), List.of())).extra("replyTo", ref);
        }
    }

    private static void callback(Inquiry.Builder b, CallbackQuery q) {
        b.kind(Kind.UPDATE, Reason.BUTTON_PRESS).externalId(q.id()).text(q.data() != null ? q.data() : q.gameShortName());
        b.contact(sender(q.from(), null).build());
        b.extra("inlineMessageId", q.inlineMessageId());
        Message m = q.message();
        if (m != null && m.messageId() != null && m.chat() != null) {
            String ref = m.chat().id() + ":" + m.messageId();
            b.thread(new ThreadRef(List.of(ref), List.of())).extra("messageId", text(m.messageId()));
            chat(b, m.chat(), true);
        }
    }

    private static void membership(Inquiry.Builder b, ChatMemberUpdated update) {
        String status = update.newChatMember() == null ? null : update.newChatMember().status();
        boolean privateChat = update.chat() != null && "private".equals(update.chat().type());
        b.kind(Kind.IGNORED, privateChat && "kicked".equals(status) ? Reason.BOT_BLOCKED : Reason.SERVICE_EVENT)
                .occurredAt(seconds(update.date())).contact(sender(update.from(), null).build())
                .extra("memberStatus", status);
        chat(b, update.chat(), false);
    }

    private static ContactInfoBuilder sender(User from, String region) {
        ContactInfoBuilder contact = new ContactInfoBuilder(region);
        if (from != null && from.id() != null) {
            contact.name(from.fullName()).handle(new Handle(PROVIDER, text(from.id()), from.username()));
        }
        return contact;
    }

    /** Keeps the chat of group and supergroup messages (and, with {@code always}, of channels). */
    private static void chat(Inquiry.Builder b, Chat chat, boolean always) {
        if (chat != null && (always || chat.isGroup())) {
            b.extra("chatId", text(chat.id())).extra("chatType", chat.type()).extra("chatTitle", chat.title());
        }
    }

    private static void attach(Inquiry.Builder b, TgFile file) {
        if (file != null && file.fileId() != null) {
            b.attachment(new Attachment(file.fileName(), file.mimeType(), file.fileSize(), file.fileId()));
        }
    }

    private static String describe(SharedContact c) {
        String name = NameNormalizer.clean(Objects.toString(c.firstName(), "") + " " + Objects.toString(c.lastName(), ""));
        StringBuilder s = new StringBuilder(name == null ? "" : name);
        if (c.phoneNumber() != null) {
            s.append(s.isEmpty() ? "" : " ").append(c.phoneNumber());
        }
        if (c.userId() != null) {
            s.append(" (telegram ").append(c.userId()).append(')');
        }
        return s.toString();
    }

    private static Instant seconds(Long epochSeconds) {
        return Timestamps.epochSeconds(epochSeconds); // 0 is Telegram's "inaccessible message" date
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
