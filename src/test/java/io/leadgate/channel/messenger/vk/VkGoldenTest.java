package io.leadgate.channel.messenger.vk;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome.Result;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.leadgate.channel.messenger.vk.VkHooks.ADAPTER;
import static io.leadgate.channel.messenger.vk.VkHooks.VKSDK;
import static io.leadgate.channel.messenger.vk.VkHooks.channel;
import static io.leadgate.channel.messenger.vk.VkHooks.request;
import static io.leadgate.channel.messenger.vk.VkHooks.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rows of EXPECTED.md "messengers/vk" for every sample in the folder. The vksdk bodies are replayed against a
 * community with secret {@code secret_123456}, confirmation {@code confirmation_123456} and group 123456; bodies
 * without a {@code secret} also against the same community with no secret configured.
 */
class VkGoldenTest {

    private static final String FOLDER = "messengers/vk";
    private static final ChannelDefinition NO_SECRET = channel(null, "123456");

    static Stream<String> samples() {
        return Conformance.files(FOLDER, ".json").stream().map(p -> p.getFileName().toString());
    }

    @Test
    void folderHasTheFourDocumentedSamples() {
        assertEquals(4, samples().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesTheExpectedVerificationItemAndAnswer(String file) {
        byte[] body = Conformance.bytes(FOLDER + "/" + file);
        switch (file) {
            case "vksdk__confirmation.json" -> {
                assertEquals(Verification.MISSING, verify(body, VKSDK), "a secret is configured: reject");
                assertEquals(Verification.VALID, verify(body, NO_SECRET));
                confirmation(body, NO_SECRET);
            }
            case "vksdk__confirmation_with_secret.json" -> {
                assertEquals(Verification.VALID, verify(body, VKSDK));
                assertEquals(Verification.BAD_SIGNATURE, verify(body, channel("other_secret", "123456")));
                confirmation(body, VKSDK);
            }
            case "vksdk__message_new_legacy_chat_kick_user.json" -> {
                assertEquals(Verification.MISSING, verify(body, VKSDK), "no secret in the body");
                assertEquals(Verification.VALID, verify(body, NO_SECRET));
                Inquiry i = VkHooks.parseOne(body, NO_SECRET);
                assertKind(i, Kind.IGNORED, "service-event");
                assertEquals("chat_kick_user", i.extra().get("action"));
                assertEquals("2000000001:147826", i.externalId(), "no event_id: peer_id:conversation_message_id");
                assertEquals(List.of(new Handle("vk", "194250225", null)), i.contact().handles());
                assertEquals("2000000001", i.extra().get("chatId"));
                assertNull(i.text());
                assertEquals(Instant.ofEpochSecond(1558100846), i.occurredAt());
                ok(body, NO_SECRET);
            }
            case "captured-php-fixture__message_new_private.json" -> {
                ChannelDefinition community = channel(null, "193668024");
                assertEquals(Verification.VALID, verify(body, community));
                assertEquals(Verification.BAD_SIGNATURE, verify(body, NO_SECRET), "a body for another group");
                Inquiry i = VkHooks.parseOne(body, community);
                assertEquals(Kind.LEAD, i.kind());
                assertNull(i.reason());
                assertEquals("vk", i.provider());
                assertEquals("b0c936fa537622981a096bd5e38a252e7cac0d20", i.externalId());
                assertEquals(List.of(new Handle("vk", "228970688", null)), i.contact().handles());
                assertNull(i.contact().name(), "names need users.get");
                assertEquals("ПриВеТ", i.text());
                assertEquals("135", i.extra().get("messageId"));
                assertEquals("127", i.extra().get("conversationMessageId"));
                assertNull(i.extra().get("chatId"), "a private dialogue");
                assertEquals(Instant.ofEpochSecond(1586054794), i.occurredAt());
                ok(body, community);
            }
            default -> fail("no expectation written for " + file);
        }
    }

    private static void confirmation(byte[] body, ChannelDefinition channel) {
        Inquiry i = VkHooks.parseOne(body, channel);
        assertKind(i, Kind.IGNORED, "confirmation");
        HookReply reply = VkHooks.reply(body, channel, Result.IGNORED);
        assertEquals(200, reply.status());
        assertEquals("confirmation_123456", reply.body());
        assertTrue(reply.contentType().startsWith("text/plain"));
    }

    private static void ok(byte[] body, ChannelDefinition channel) {
        for (Result result : List.of(Result.IGNORED, Result.LEAD_CREATED, Result.DUPLICATE)) {
            HookReply reply = VkHooks.reply(body, channel, result);
            assertEquals(200, reply.status());
            assertEquals("ok", reply.body());
            assertTrue(reply.contentType().startsWith("text/plain"));
        }
    }

    private static Verification verify(byte[] body, ChannelDefinition channel) {
        return ADAPTER.verify(request(body), channel);
    }
}
