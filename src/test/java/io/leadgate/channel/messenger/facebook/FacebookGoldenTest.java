package io.leadgate.channel.messenger.facebook;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.leadgate.channel.messenger.meta.MessengerHooks.hmacSha256Hex;
import static io.leadgate.channel.messenger.meta.MessengerHooks.post;
import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EXPECTED.md rows for messengers/facebook-messenger. */
class FacebookGoldenTest {

    private static final String FOLDER = "messengers/facebook-messenger/";
    private static final String FRAGMENT = "meta-docs__messaging-event_text_quick_reply.fragment.json";
    private static final String SECRET = "fb-app-secret";
    private static final FacebookAdapter ADAPTER = new FacebookAdapter();
    private static final ChannelDefinition CHANNEL = MessengerHooks.channel(Provider.FACEBOOK,
            Map.of("app-secret", SECRET, "verify-token", "vt"));

    /** file, kind, reason, sender id, text, externalId. */
    record Row(String file, Kind kind, String reason, String sender, String text, String externalId) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Row> rows() {
        return List.of(
                new Row("fbmessenger-api-hs__wsTextMessageRequest.json", Kind.LEAD, null, "USER_ID", "hello, world!",
                        "mid.1457764197618:41d102a3e1ae206a38"),
                new Row("fbmessenger-api-hs__wsPostbackRequest.json", Kind.LEAD, null, "USER_ID", null,
                        "USER_ID:1458692752478"),
                new Row("fbmessenger-api-hs__wsStructuredMessageRequest.json", Kind.LEAD, null, "USER_ID", null,
                        "mid.1458696618141:b4ef9d19ec21086067"),
                new Row("fbmessenger-api-hs__wsDeliveryRequest.json", Kind.IGNORED, "delivery-status", "USER_ID", null,
                        "mid.1458668856218:ed81099e15d3f4f233:delivery"),
                new Row(FRAGMENT, Kind.LEAD, null, "<PSID>", "hello, world!", "mid.1457764197618:41d102a3e1ae206a38"));
    }

    /** The sample's bytes; the docs fragment is one messaging[] item and is wrapped in the page envelope. */
    private static byte[] body(String file) {
        byte[] raw = Conformance.bytes(FOLDER + file);
        if (!file.equals(FRAGMENT)) {
            return raw;
        }
        String wrapped = "{\"object\":\"page\",\"entry\":[{\"id\":\"<PAGE_ID>\",\"time\":1458692752478,\"messaging\":["
                + new String(raw, StandardCharsets.UTF_8) + "]}]}";
        return wrapped.getBytes(StandardCharsets.UTF_8);
    }

    private static Inquiry item(String file) throws UnparseableException {
        return single(MessengerHooks.parse(ADAPTER, CHANNEL, body(file)));
    }

    @Test
    void everySampleHasAnExpectedRow() {
        Set<String> expected = rows().stream().map(Row::file).collect(Collectors.toSet());
        List<Path> files = Conformance.files(FOLDER, ".json");
        assertEquals(expected.size(), files.size());
        files.forEach(f -> assertTrue(expected.contains(f.getFileName().toString()), "no expectation for " + f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sampleGivesExpectedFacts(Row row) throws UnparseableException {
        byte[] body = body(row.file());
        String signature = "sha256=" + hmacSha256Hex(SECRET, body);
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, Map.of("X-Hub-Signature-256", signature)), CHANNEL));
        Inquiry item = item(row.file());
        assertEquals("facebook", item.provider());
        assertEquals(row.kind(), item.kind());
        assertEquals(row.reason(), Reason.codeOf(item.reason()));
        assertEquals(row.text(), item.text());
        assertEquals(row.externalId(), item.externalId());
        assertEquals("facebook:" + row.sender(), item.contact().handles().get(0).key());
        assertNull(item.contact().name());
        assertTrue(item.contact().phones().isEmpty());
        assertTrue(item.attribution().isEmpty());
    }

    @Test
    void textMessageKeepsPageAndTime() throws UnparseableException {
        Inquiry item = item("fbmessenger-api-hs__wsTextMessageRequest.json");
        assertEquals(Instant.ofEpochMilli(1457764197627L), item.occurredAt());
        assertEquals("PAGE_ID", item.extra().get("recipientId"));
        assertEquals("111111", item.extra().get("entryId"));
    }

    @Test
    void getStartedPostbackKeepsItsPayload() throws UnparseableException {
        assertEquals("USER_DEFINED_PAYLOAD", item("fbmessenger-api-hs__wsPostbackRequest.json").extra().get("postback"));
    }

    @Test
    void imageAttachmentKeepsItsUrl() throws UnparseableException {
        assertEquals(List.of(new Attachment(null, "image/*", null, "IMAGE_URL")),
                item("fbmessenger-api-hs__wsStructuredMessageRequest.json").attachments());
    }

    @Test
    void deliveryReceiptWithoutTimestampHasNoTime() throws UnparseableException {
        assertNull(item("fbmessenger-api-hs__wsDeliveryRequest.json").occurredAt());
    }

    @Test
    void quickReplyPayloadGoesToExtra() throws UnparseableException {
        assertEquals("<DEVELOPER_DEFINED_PAYLOAD>", item(FRAGMENT).extra().get("quickReply"));
    }
}
