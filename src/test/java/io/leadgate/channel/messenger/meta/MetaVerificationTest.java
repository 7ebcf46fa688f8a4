package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HandshakeCapable;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.facebook.FacebookAdapter;
import io.leadgate.channel.messenger.instagram.InstagramAdapter;
import io.leadgate.channel.messenger.whatsapp.WhatsAppAdapter;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.leadgate.channel.messenger.meta.MessengerHooks.changedByte;
import static io.leadgate.channel.messenger.meta.MessengerHooks.get;
import static io.leadgate.channel.messenger.meta.MessengerHooks.hmacSha256Hex;
import static io.leadgate.channel.messenger.meta.MessengerHooks.post;
import static io.leadgate.channel.messenger.meta.MessengerHooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X-Hub-Signature-256, the hub.challenge handshake and the envelope checks, for every Meta adapter. */
class MetaVerificationTest {

    private static final String SECRET = "meta-app-secret";
    private static final byte[] BODY = utf8("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,"
            + "\"messaging\":[{\"sender\":{\"id\":\"42\"},\"timestamp\":1,\"message\":{\"mid\":\"m.1\",\"text\":\"héllo\"}}]}]}");

    static Stream<Named<MetaAdapter>> adapters() {
        return Stream.of(new WhatsAppAdapter(), new FacebookAdapter(), new InstagramAdapter())
                .map(a -> Named.of(a.provider().id(), a));
    }

    private static ChannelDefinition channel(ChannelAdapter adapter) {
        return MessengerHooks.channel(adapter.provider(), Map.of("app-secret", SECRET, "verify-token", "vt-123"));
    }

    private static Verification verify(MetaAdapter adapter, byte[] body, Map<String, String> headers) {
        return adapter.verify(post(body, headers), channel(adapter));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void acceptsValidSignature(MetaAdapter adapter) {
        String signature = "sha256=" + hmacSha256Hex(SECRET, BODY);
        assertEquals(Verification.VALID, verify(adapter, BODY, Map.of("X-Hub-Signature-256", signature)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rejectsChangedByte(MetaAdapter adapter) {
        String signature = "sha256=" + hmacSha256Hex(SECRET, BODY);
        assertEquals(Verification.BAD_SIGNATURE, verify(adapter, changedByte(BODY), Map.of("X-Hub-Signature-256", signature)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rejectsWrongSecret(MetaAdapter adapter) {
        String signature = "sha256=" + hmacSha256Hex("another-secret", BODY);
        assertEquals(Verification.BAD_SIGNATURE, verify(adapter, BODY, Map.of("X-Hub-Signature-256", signature)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void missingHeaderIsMissing(MetaAdapter adapter) {
        String legacy = "sha1=0000000000000000000000000000000000000000";
        assertEquals(Verification.MISSING, verify(adapter, BODY, Map.of("X-Hub-Signature", legacy)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rejectsSignatureWithoutPrefix(MetaAdapter adapter) {
        assertEquals(Verification.BAD_SIGNATURE,
                verify(adapter, BODY, Map.of("X-Hub-Signature-256", hmacSha256Hex(SECRET, BODY))));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void handshakeAnswersChallengeAsPlainText(MetaAdapter adapter) {
        Optional<HookReply> reply = ((HandshakeCapable) adapter).handshake(
                get("hub.mode=subscribe&hub.verify_token=vt-123&hub.challenge=1158201444"), channel(adapter));
        assertEquals(200, reply.orElseThrow().status());
        assertEquals("1158201444", reply.get().body());
        assertTrue(reply.get().contentType().startsWith("text/plain"));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void handshakeWithWrongTokenIsForbidden(MetaAdapter adapter) {
        Optional<HookReply> reply = adapter.handshake(
                get("hub.mode=subscribe&hub.verify_token=vt-124&hub.challenge=1158201444"), channel(adapter));
        assertEquals(403, reply.orElseThrow().status());
        Optional<HookReply> noToken = adapter.handshake(get("hub.mode=subscribe&hub.challenge=1"), channel(adapter));
        assertEquals(403, noToken.orElseThrow().status());
        Optional<HookReply> otherMode = adapter.handshake(
                get("hub.mode=unsubscribe&hub.verify_token=vt-123&hub.challenge=1"), channel(adapter));
        assertEquals(403, otherMode.orElseThrow().status());
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void getWithoutHubModeIsNoHandshake(MetaAdapter adapter) {
        assertTrue(adapter.handshake(get("foo=bar"), channel(adapter)).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void repliesPlain200EvenForRedeliveries(MetaAdapter adapter) {
        HookOutcome duplicate = new HookOutcome(1L,
                List.of(new HookOutcome.Item(HookOutcome.Result.DUPLICATE, 1L, 1L, 1L)));
        assertEquals(200, adapter.reply(post(BODY, Map.of()), channel(adapter), duplicate).status());
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void refusesBodiesThatAreNotMetaWebhooks(MetaAdapter adapter) {
        for (String body : List.of("not json", "[1,2]", "{\"entry\":[]}", "{\"object\":\"page\"}", "")) {
            assertThrows(UnparseableException.class, () -> adapter.parse(post(utf8(body), Map.of()), channel(adapter)),
                    body);
        }
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void acceptsJsonOnly(MetaAdapter adapter) {
        assertTrue(adapter.accepts("application/json"));
        assertTrue(!adapter.accepts("application/x-www-form-urlencoded"));
    }
}
