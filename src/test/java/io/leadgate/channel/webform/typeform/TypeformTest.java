package io.leadgate.channel.webform.typeform;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typeform: the EXPECTED.md row, the signature, and project-made responses with contact_info and hidden fields. */
class TypeformTest {

    private static final String SAMPLE = "webforms/typeform/typeform-docs-2018-example__form_response.json";
    private static final String SECRET = "tf-webhook-secret-42";
    private static final TypeformAdapter ADAPTER = new TypeformAdapter();
    private static final ChannelDefinition CHANNEL = new ChannelDefinition("typeform-main", Provider.TYPEFORM, true,
            "RU", "typeform-main", Map.of("secret", SECRET), Path.of("test.yaml"));

    private static HookRequest post(byte[] body, Map<String, String> headers) {
        Map<String, List<String>> h = new HashMap<>(Map.of("Content-Type", List.of("application/json")));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HookRequest("POST", "", Headers.of(h), null, body, "https://gw.example/hooks/typeform-main",
                "127.0.0.1", Instant.now());
    }

    private static Inquiry parse(byte[] body) throws UnparseableException {
        List<Inquiry> items = ADAPTER.parse(post(body, Map.of()), CHANNEL);
        assertEquals(1, items.size());
        return items.get(0);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TypeformTest.class.getResourceAsStream("/fixtures/webform/typeform/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void everySampleIsCovered() {
        assertEquals(List.of("typeform-docs-2018-example__form_response.json"),
                Conformance.files("webforms/typeform", ".json").stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void documentedExampleGivesExpectedFacts() throws UnparseableException {
        Inquiry item = parse(Conformance.bytes(SAMPLE));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("typeform", item.provider());
        assertEquals("LtWXD3crgy", item.externalId());
        assertEquals(Instant.parse("2018-01-18T18:17:02Z"), item.occurredAt());
        assertEquals("Laura", item.contact().name());
        assertEquals(List.of("laura@example.com"), item.contact().emails());
        assertTrue(item.contact().phones().isEmpty() && item.contact().rawPhones().isEmpty());
        assertEquals("It's cold right now! I live in an older medium-sized city with a university. "
                + "Geographically, the area is hilly.", item.text());
        assertTrue(item.attribution().isEmpty(), "no hidden fields in the sample");
    }

    @Test
    void otherAnswersAreKeptUnderTheirQuestionTitle() throws UnparseableException {
        Map<String, String> extra = parse(Conformance.bytes(SAMPLE)).extra();
        assertEquals("lT4Z3j", extra.get("formId"));
        assertEquals("Webhooks example", extra.get("formTitle"));
        assertEquals("9", extra.get("score"));
        assertEquals("London", extra.get("Which of these cities is your favorite?"));
        assertEquals("London, Sydney", extra.get("Which pictures do you like? You can choose as many as you like."));
        assertEquals("2005-10-15", extra.get("When did you move to the place where you live?"));
        assertEquals("false", extra.get("Do you have a favorite city we haven't listed?"));
        assertEquals("5", extra.get("On a scale of 1 to 5, what rating would you give the weather in Sydney? "
                + "1 is poor weather, 5 is excellent weather"));
        assertTrue(extra.keySet().stream().noneMatch(k -> k.startsWith("What is your first name")), extra.toString());
    }

    @Test
    void contactInfoBlockAndHiddenFieldsAreRead() throws Exception {
        Inquiry item = parse(fixture("contact-info-with-hidden.json"));
        assertEquals("Ada Lovelace", item.contact().name());
        assertEquals(List.of("+16175550123"), item.contact().phones());
        assertEquals(List.of("ada@example.org"), item.contact().emails());
        assertEquals("Analytical Engines Ltd", item.contact().company());
        assertEquals("Kitchen and two bathrooms.", item.text());
        assertEquals(Map.of("utm_source", "google", "utm_medium", "cpc", "utm_campaign", "spring-sale"),
                item.attribution().utm());
        assertEquals(Map.of("gclid", "Cj0KCQiA-test"), item.attribution().clickIds());
        assertEquals("https://www.google.com/", item.attribution().referrer());
        assertEquals("https://shop.example.com/offer?utm_source=google", item.attribution().landingPage());
        assertEquals("acme", item.extra().get("partner"));
        assertEquals("10-50k", item.extra().get("What is your budget?"));
        assertEquals("3", item.extra().get("How many rooms?"));
        assertEquals("2024-03-07", item.extra().get("When should we call?"));
        assertEquals(Instant.parse("2024-03-05T10:02:13Z"), item.occurredAt());
    }

    @Test
    void russianQuestionTitlesAreRecognised() throws Exception {
        Inquiry item = parse(fixture("russian-questions.json"));
        assertEquals("Иван Петров", item.contact().name());
        assertEquals(List.of("+79161234567"), item.contact().phones());
        assertEquals("ООО Ромашка", item.contact().company());
        assertEquals("Перезвоните после 18:00", item.text());
        assertEquals("Казань", item.extra().get("Город"));
        assertEquals("true", item.extra().get("Согласны на обработку данных?"));
    }

    @Test
    void partialResponseIsIgnored() throws Exception {
        Inquiry item = parse(fixture("partial-response.json"));
        assertEquals(Kind.IGNORED, item.kind());
        assertEquals(Reason.PARTIAL_RESPONSE, item.reason());
        assertNull(item.contact().name());
    }

    @Test
    void acceptsValidSignature() throws Exception {
        byte[] body = Conformance.bytes(SAMPLE);
        assertEquals(Verification.VALID,
                ADAPTER.verify(post(body, Map.of("Typeform-Signature", sign(SECRET, body))), CHANNEL));
    }

    @Test
    void rejectsChangedByte() throws Exception {
        byte[] body = Conformance.bytes(SAMPLE);
        String signature = sign(SECRET, body);
        byte[] changed = body.clone();
        changed[changed.length / 2] ^= 1;
        assertEquals(Verification.BAD_SIGNATURE,
                ADAPTER.verify(post(changed, Map.of("Typeform-Signature", signature)), CHANNEL));
    }

    @Test
    void rejectsWrongSecret() throws Exception {
        byte[] body = Conformance.bytes(SAMPLE);
        assertEquals(Verification.BAD_SIGNATURE,
                ADAPTER.verify(post(body, Map.of("Typeform-Signature", sign("another-secret", body))), CHANNEL));
    }

    @Test
    void missingHeaderIsMissing() {
        assertEquals(Verification.MISSING, ADAPTER.verify(post(Conformance.bytes(SAMPLE), Map.of()), CHANNEL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[]", "null", "{\"event_id\": \"x\"}", "{\"event_type\": \"form_response\"}"})
    void unparseableBodiesAreRejected(String body) {
        assertThrows(UnparseableException.class, () -> parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersWithTwoHundredAndJson() {
        var outcome = new io.leadgate.channel.HookOutcome(1L, List.of(new io.leadgate.channel.HookOutcome.Item(
                io.leadgate.channel.HookOutcome.Result.DUPLICATE, 5L, 6L, 7L)));
        var reply = ADAPTER.reply(post(new byte[0], Map.of()), CHANNEL, outcome);
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("\"duplicate\""), reply.body());
    }
}
