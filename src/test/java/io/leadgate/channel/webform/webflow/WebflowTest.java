package io.leadgate.channel.webform.webflow;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Webflow: the documented v2 and v1 bodies (no third-party sample exists), the signature and its age. */
class WebflowTest {

    private static final String SECRET = "wf-client-secret-0123";
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final WebflowAdapter ADAPTER = new WebflowAdapter(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ChannelDefinition channel(String region, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("secret", SECRET);
        return new ChannelDefinition("webflow-site", Provider.WEBFLOW, true, region, "webflow-site", all, Path.of("test.yaml"));
    }

    private static final ChannelDefinition US = channel("US", Map.of());

    private static HookRequest post(byte[] body, Map<String, String> headers) {
        Map<String, List<String>> h = new HashMap<>(Map.of("Content-Type", List.of("application/json")));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HookRequest("POST", "", Headers.of(h), null, body, "https://gw.example/hooks/webflow-site",
                "127.0.0.1", NOW);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WebflowTest.class.getResourceAsStream("/fixtures/webform/webflow/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Inquiry parse(byte[] body, ChannelDefinition channel) throws UnparseableException {
        List<Inquiry> items = ADAPTER.parse(post(body, Map.of()), channel);
        assertEquals(1, items.size());
        return items.get(0);
    }

    /** The headers Webflow sends: timestamp in epoch milliseconds, hex HMAC-SHA256 over "timestamp:body". */
    private static Map<String, String> signed(String secret, Instant at, byte[] body) throws Exception {
        String ts = String.valueOf(at.toEpochMilli());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ts + ":").getBytes(StandardCharsets.UTF_8));
        return Map.of("x-webflow-timestamp", ts, "x-webflow-signature", HexFormat.of().formatHex(mac.doFinal(body)));
    }

    @Test
    void v2SubmissionGivesContactKeyAndTime() throws Exception {
        Inquiry item = parse(fixture("v2-form-submission.json"), US);
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("webflow", item.provider());
        assertEquals("6321ca84df3949bfc6752327", item.externalId());
        assertEquals(Instant.parse("2022-09-14T12:35:16.117Z"), item.occurredAt());
        assertEquals("Zaphod Beeblebrox", item.contact().name());
        assertEquals(List.of("zaphod@heartofgold.ai"), item.contact().emails());
        assertEquals(List.of("+15550000000"), item.contact().phones());
        assertEquals(Map.of("formName", "Contact Us", "siteId", "65427cf400e02b306eaa049c",
                "formId", "65429eadebe8a9f3a30f62d0"), item.extra());
    }

    @Test
    void numericPhoneThatIsNoNationalNumberIsReadAsInternational() throws Exception {
        Inquiry item = parse(fixture("v2-form-submission.json"), channel("RU", Map.of()));
        assertEquals(List.of("+15550000000"), item.contact().phones());
    }

    @Test
    void v1SubmissionIsReadToo() throws Exception {
        Inquiry item = parse(fixture("v1-form-submission.json"), US);
        assertEquals("6321ca84df3949bfc6752327", item.externalId());
        assertEquals(Instant.parse("2022-09-14T12:35:16.117Z"), item.occurredAt());
        assertEquals("Some One", item.contact().name());
        assertEquals(List.of("some.one@home.com"), item.contact().emails());
        assertEquals("Please send me a quote.", item.text());
        assertEquals("newsletter", item.attribution().utm().get("utm_source"));
        assertEquals("Sample Form", item.extra().get("formName"));
        assertEquals("62749158efef318abc8d5a0f", item.extra().get("siteId"));
    }

    @Test
    void otherTriggersAreIgnored() throws Exception {
        Inquiry item = parse(fixture("v2-site-publish.json"), US);
        assertEquals(Kind.IGNORED, item.kind());
        assertEquals(Reason.SERVICE_EVENT, item.reason());
    }

    @Test
    void acceptsValidSignature() throws Exception {
        byte[] body = fixture("v2-form-submission.json");
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, signed(SECRET, NOW.minusSeconds(30), body)), US));
    }

    @Test
    void rejectsChangedByte() throws Exception {
        byte[] body = fixture("v2-form-submission.json");
        Map<String, String> headers = signed(SECRET, NOW, body);
        byte[] changed = body.clone();
        changed[40] ^= 1;
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post(changed, headers), US));
    }

    @Test
    void rejectsWrongSecret() throws Exception {
        byte[] body = fixture("v2-form-submission.json");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post(body, signed("not-the-secret", NOW, body)), US));
    }

    @Test
    void rejectsChangedTimestamp() throws Exception {
        byte[] body = fixture("v2-form-submission.json");
        Map<String, String> headers = new HashMap<>(signed(SECRET, NOW, body));
        headers.put("x-webflow-timestamp", String.valueOf(NOW.toEpochMilli() + 1));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post(body, headers), US));
    }

    @Test
    void missingHeaderIsMissing() throws Exception {
        assertEquals(Verification.MISSING, ADAPTER.verify(post(fixture("v2-form-submission.json"), Map.of()), US));
    }

    @Test
    void signatureOlderOrNewerThanFiveMinutesIsStale() throws Exception {
        byte[] body = fixture("v2-form-submission.json");
        Duration justOver = Duration.ofMinutes(5).plusSeconds(1);
        assertEquals(Verification.STALE, ADAPTER.verify(post(body, signed(SECRET, NOW.minus(justOver), body)), US));
        assertEquals(Verification.STALE, ADAPTER.verify(post(body, signed(SECRET, NOW.plus(justOver), body)), US));
        assertEquals(Verification.VALID,
                ADAPTER.verify(post(body, signed(SECRET, NOW.minus(Duration.ofMinutes(5)), body)), US));
    }

    @Test
    void aCorrectlySignedEpochZeroIsStaleNotAnError() throws Exception {
        byte[] body = fixture("v2-form-submission.json");
        assertEquals(Verification.STALE, ADAPTER.verify(post(body, signed(SECRET, Instant.EPOCH, body)), US));
    }

    @Test
    void unsignedV1IsAcceptedOnlyWhenAllowed() throws Exception {
        ChannelDefinition allowing = channel("US", Map.of("allow-unsigned-v1", "true"));
        assertEquals(Verification.VALID, ADAPTER.verify(post(fixture("v1-form-submission.json"), Map.of()), allowing));
        assertEquals(Verification.MISSING, ADAPTER.verify(post(fixture("v1-form-submission.json"), Map.of()), US));
        assertEquals(Verification.MISSING, ADAPTER.verify(post(fixture("v2-form-submission.json"), Map.of()), allowing));
    }

    @Test
    void signedV1IsCheckedLikeV2() throws Exception {
        byte[] body = fixture("v1-form-submission.json");
        ChannelDefinition allowing = channel("US", Map.of("allow-unsigned-v1", "true"));
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, signed(SECRET, NOW, body)), US));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post(body, signed("wrong", NOW, body)), allowing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"triggerType\": ", "[1, 2]", "{}", "{\"name\": \"x\"}",
            "{\"triggerType\": \"form_submission\"}", "{\"triggerType\": \"form_submission\", \"payload\": {\"name\": \"x\"}}"})
    void unparseableBodiesAreRejected(String body) {
        assertThrows(UnparseableException.class, () -> parse(body.getBytes(StandardCharsets.UTF_8), US));
    }

    @Test
    void allowUnsignedV1MustBeABoolean() {
        assertThrows(ChannelFileException.class, () -> ADAPTER.validate(channel("US", Map.of("allow-unsigned-v1", "yes"))));
    }
}
