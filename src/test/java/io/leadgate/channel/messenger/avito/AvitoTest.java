package io.leadgate.channel.messenger.avito;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.messenger.meta.MessengerHooks.fixture;
import static io.leadgate.channel.messenger.meta.MessengerHooks.post;
import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static io.leadgate.channel.messenger.meta.MessengerHooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Avito Messenger v3 webhooks, from project-made fixtures in the envelope third-party clients agree on. */
class AvitoTest {

    private static final AvitoAdapter ADAPTER = new AvitoAdapter();
    private static final ChannelDefinition OPEN = MessengerHooks.channel(Provider.AVITO, Map.of());
    private static final ChannelDefinition SECURED = MessengerHooks.channel(Provider.AVITO,
            Map.of("secret", "avito-s3cret", "user-id", "94235399"));

    private static Inquiry parse(String fixture, ChannelDefinition channel) throws UnparseableException {
        return single(MessengerHooks.parse(ADAPTER, channel, fixture("avito/" + fixture)));
    }

    @Test
    void clientMessageIsALeadFromTheListing() throws UnparseableException {
        Inquiry item = parse("message_text.json", OPEN);
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("avito", item.provider());
        assertEquals("2c1f8e0a9b7d6c5e4f3a2b1c0d9e8f7a", item.externalId());
        assertEquals("avito:137245519", item.contact().handles().get(0).key());
        assertEquals("Здравствуйте! Диван ещё продаётся? Могу забрать сегодня.", item.text());
        assertEquals(Instant.ofEpochSecond(1711999998), item.occurredAt());
        assertEquals(Map.of("sourceId", "3987654321"), item.attribution().ad());
        assertEquals("3987654321", item.extra().get("itemId"));
        assertEquals("u2i-Gf3kLmN0pQrStUvWxYz1", item.extra().get("chatId"));
        assertEquals("u2i", item.extra().get("chatType"));
    }

    @Test
    void accountsOwnMessageIsAnEcho() throws UnparseableException {
        Inquiry item = parse("echo_own_message.json", OPEN);
        assertEquals(Kind.IGNORED, item.kind());
        assertEquals(Reason.ECHO, item.reason());
        assertTrue(item.contact().handles().isEmpty());
    }

    @Test
    void messageFromConfiguredUserIdIsAnEcho() throws UnparseableException {
        String body = new String(fixture("avito/message_text.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"author_id\": 137245519", "\"author_id\": 94235399");
        Inquiry item = single(MessengerHooks.parse(ADAPTER, SECURED, utf8(body)));
        assertEquals(Reason.ECHO, item.reason());
    }

    @Test
    void imageInUserToUserChatIsAnAttachmentWithoutAd() throws UnparseableException {
        Inquiry item = parse("image_u2u.json", OPEN);
        assertEquals(Kind.LEAD, item.kind());
        assertEquals(List.of(new Attachment(null, "image/*", null, "https://00.img.avito.st/image/1/1280x960/abc.jpg")),
                item.attachments());
        assertTrue(item.attribution().isEmpty());
        assertNull(item.text());
    }

    @Test
    void systemNoticeIsIgnored() throws UnparseableException {
        Inquiry item = parse("system_message.json", OPEN);
        assertEquals(Kind.IGNORED, item.kind());
        assertEquals(Reason.SERVICE_EVENT, item.reason());
        assertTrue(item.contact().handles().isEmpty());
    }

    @Test
    void otherPayloadTypesAreIgnored() throws UnparseableException {
        Inquiry item = single(MessengerHooks.parse(ADAPTER, OPEN, utf8(
                "{\"id\":\"x1\",\"version\":\"v3.0.0\",\"timestamp\":1712000000,\"payload\":{\"type\":\"chat_read\"}}")));
        assertEquals(Kind.IGNORED, item.kind());
        assertEquals("x1", item.externalId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"id\":\"x\"}", "{\"payload\":{}}"})
    void refusesBodiesThatAreNotAvitoWebhooks(String body) {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(post(utf8(body), Map.of()), OPEN));
    }

    @Test
    void withoutSecretEveryRequestIsValid() {
        assertEquals(Verification.VALID, ADAPTER.verify(post(fixture("avito/message_text.json"), Map.of()), OPEN));
    }

    @Test
    void acceptsSecretInPathOrHeader() {
        byte[] body = fixture("avito/message_text.json");
        assertEquals(Verification.VALID, ADAPTER.verify(post("/avito-s3cret", body, Map.of()), SECURED));
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, Map.of("X-Avito-Secret", "avito-s3cret")), SECURED));
    }

    @Test
    void rejectsWrongSecret() {
        byte[] body = fixture("avito/message_text.json");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post("/avito-s3creT", body, Map.of()), SECURED));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post(body, Map.of("X-Avito-Secret", "nope")), SECURED));
    }

    @Test
    void missingSecretIsMissing() {
        assertEquals(Verification.MISSING, ADAPTER.verify(post(fixture("avito/message_text.json"), Map.of()), SECURED));
    }

    @Test
    void userIdSettingMustBeNumeric() {
        assertThrows(ChannelFileException.class,
                () -> ADAPTER.validate(MessengerHooks.channel(Provider.AVITO, Map.of("user-id", "me"))));
        ADAPTER.validate(SECURED);
    }

    @Test
    void repliesOk() {
        var reply = ADAPTER.reply(post(new byte[0], Map.of()), OPEN, new io.leadgate.channel.HookOutcome(null, List.of()));
        assertEquals(200, reply.status());
        assertEquals("{\"ok\":true}", reply.body());
    }
}
