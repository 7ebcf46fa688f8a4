package io.leadgate.channel.messenger.vk;

import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome.Result;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.leadgate.channel.messenger.vk.VkHooks.ADAPTER;
import static io.leadgate.channel.messenger.vk.VkHooks.VKSDK;
import static io.leadgate.channel.messenger.vk.VkHooks.channel;
import static io.leadgate.channel.messenger.vk.VkHooks.fixture;
import static io.leadgate.channel.messenger.vk.VkHooks.parseOne;
import static io.leadgate.channel.messenger.vk.VkHooks.request;
import static io.leadgate.channel.messenger.vk.VkHooks.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VkAdapterTest {

    private static final Handle USER = new Handle("vk", "11223344", null);

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheConfiguredSecret() {
        assertEquals(Verification.VALID, ADAPTER.verify(request(fixture("message_edit.json")), VKSDK));
    }

    @Test
    void rejectsAWrongSecret() {
        byte[] body = bytes("{\"type\":\"message_new\",\"group_id\":123456,\"secret\":\"secret_123457\",\"object\":{}}");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request(body), VKSDK));
    }

    @Test
    void rejectsABodyWithoutSecretWhenOneIsConfigured() {
        byte[] body = bytes("{\"type\":\"message_new\",\"group_id\":123456,\"object\":{}}");
        assertEquals(Verification.MISSING, ADAPTER.verify(request(body), VKSDK));
        assertEquals(Verification.MISSING, ADAPTER.verify(request(bytes("not json")), VKSDK));
    }

    @Test
    void rejectsABodyForAnotherCommunity() {
        byte[] body = bytes("{\"type\":\"message_new\",\"group_id\":654321,\"secret\":\"secret_123456\",\"object\":{}}");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request(body), VKSDK));
        assertEquals(Verification.VALID, ADAPTER.verify(request(body), channel("secret_123456", null)));
        assertEquals(Verification.VALID, ADAPTER.verify(request(body), channel("secret_123456", "-654321")));
    }

    @Test
    void withoutASecretEveryBodyPassesAndBadOnesAreUnparseable() {
        assertEquals(Verification.VALID, ADAPTER.verify(request(bytes("not json")), channel(null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"object\":{}}", "{\"type\":5}", "{\"type\":\"message_new\"}",
            "{\"type\":\"message_new\",\"object\":{\"message\":{\"text\":[1]}}}", "{\"type\":\"message_deny\"}"})
    void bodiesThatAreNotCallbacksAreUnparseable(String body) {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(request(bytes(body)), channel(null, null)));
    }

    @Test
    void validatesTheSettings() {
        ADAPTER.validate(VKSDK);
        ChannelFileException e = assertThrows(ChannelFileException.class,
                () -> ADAPTER.validate(channel(null, "club123456")));
        assertTrue(e.getMessage().contains("settings.group-id"));
    }

    @Test
    void chatMessageKeepsChatAttachmentsAndReply() {
        Inquiry i = parseOne(fixture("message_new_chat_reply.json"), VKSDK);
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("4a8a4c4cf7e0b7d1ab4d3b2b1e6c7d8e9f0a1b2c", i.externalId());
        assertEquals(List.of(USER), i.contact().handles());
        assertEquals("Сколько стоит доставка?", i.text());
        assertEquals("2000000005", i.extra().get("chatId"));
        assertNull(i.extra().get("messageId"), "message.id is 0 in chats");
        assertEquals("512", i.extra().get("conversationMessageId"));
        assertEquals(List.of(new Attachment("price-list.pdf", null, 48213L, "doc11223344_654321"),
                new Attachment(null, null, null, "photo11223344_457239017")), i.attachments());
        assertEquals(List.of("2000000005:510"), i.thread().inReplyTo());
    }

    @Test
    void chatMessageWithoutEventIdIsKeyedByPeerAndConversationMessageId() {
        String body = new String(fixture("message_new_chat_reply.json"), StandardCharsets.UTF_8)
                .replace("\"event_id\":\"4a8a4c4cf7e0b7d1ab4d3b2b1e6c7d8e9f0a1b2c\",", "");
        assertEquals("2000000005:512", parseOne(bytes(body), VKSDK).externalId());
    }

    @Test
    void privateMessageKeepsRefPayloadForwardsAndLocation() {
        Inquiry i = parseOne(fixture("message_new_ref.json"), VKSDK);
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Хочу заказать", i.text());
        assertEquals("spring_sale", i.extra().get("ref"));
        assertEquals("ads", i.extra().get("refSource"));
        assertEquals("{\"command\":\"start\"}", i.extra().get("payload"));
        assertEquals("1", i.extra().get("forwardedMessages"));
        assertEquals("55.7558,37.6173", i.extra().get("location"));
        assertEquals(List.of(USER), i.contact().handles(), "the forwarded author is not the contact");
    }

    @Test
    void serviceActionInChatIsIgnored() {
        Inquiry i = parseOne(fixture("message_new_chat_invite_user.json"), VKSDK);
        assertKind(i, Kind.IGNORED, "service-event");
        assertEquals("chat_invite_user", i.extra().get("action"));
    }

    @Test
    void editedMessageIsAnUpdate() {
        Inquiry i = parseOne(fixture("message_edit.json"), VKSDK);
        assertKind(i, Kind.UPDATE, "edited-message");
        assertEquals("7dbd7f7f2ab3e0a4de7a6e5e4b9fa0b1c2d3e4f5", i.externalId());
        assertEquals("Хочу заказать два", i.text());
        assertEquals(Instant.ofEpochSecond(1717000400), i.occurredAt());
        assertEquals(List.of(USER), i.contact().handles());
    }

    @Test
    void editWithoutEventIdHasAKeyOfItsOwnPerEdit() {
        Inquiry i = parseOne(fixture("message_edit_no_event_id.json"), channel(null, null));
        assertEquals("11223344:132:edit:1717000500", i.externalId());
    }

    @Test
    void communityReplyIsAnIgnoredEcho() {
        Inquiry i = parseOne(fixture("message_reply.json"), VKSDK);
        assertKind(i, Kind.IGNORED, "echo");
        assertTrue(i.contact().handles().isEmpty(), "the community is not a contact");
    }

    @Test
    void callbackButtonIsAnUpdate() {
        Inquiry i = parseOne(fixture("message_event.json"), VKSDK);
        assertKind(i, Kind.UPDATE, "button-press");
        assertEquals("9fdf919b4cd5a2c6fa9c8a7a6db1c2d3e4f5a6b7", i.externalId());
        assertEquals("{\"button\":\"call_me\"}", i.text());
        assertEquals(List.of(USER), i.contact().handles());
    }

    @Test
    void deniedMessagesAreIgnoredAsBotBlockedWithTheHandle() {
        Inquiry i = parseOne(fixture("message_deny.json"), VKSDK);
        assertKind(i, Kind.IGNORED, "bot-blocked");
        assertEquals(List.of(USER), i.contact().handles());
    }

    @Test
    void typingAndUnknownEventsAreIgnoredAndAnsweredOk() {
        Inquiry typing = parseOne(fixture("message_typing_state.json"), VKSDK);
        assertEquals(Kind.IGNORED, typing.kind());
        byte[] wall = bytes("{\"type\":\"wall_post_new\",\"group_id\":123456,\"object\":{\"id\":1}}");
        Inquiry unknown = parseOne(wall, channel(null, null));
        assertEquals(Reason.UNSUPPORTED_EVENT, unknown.reason());
        assertEquals("ok", VkHooks.reply(wall, channel(null, null), Result.IGNORED).body());
    }
}
