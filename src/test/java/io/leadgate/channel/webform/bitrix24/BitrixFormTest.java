package io.leadgate.channel.webform.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bitrix24 crm.lead.add: the EXPECTED.md rows (request, response and error shapes), paths, token and form bodies. */
class BitrixFormTest {

    private static final String REQUEST = "webforms/bitrix24/b24restdocs__crm.lead.add.request.json";
    private static final String RESPONSE = "webforms/bitrix24/b24restdocs__crm.lead.add.response.json";
    private static final String ERROR = "webforms/bitrix24/b24restdocs__crm.lead.add.error_response.json";
    private static final String TOKEN = "x7k2m9q4w1e8r5t3";
    private static final Instant RECEIVED = Instant.parse("2024-01-20T17:35:32.998683Z");
    private static final BitrixFormAdapter ADAPTER =
            new BitrixFormAdapter(Clock.fixed(RECEIVED.plusMillis(175), ZoneOffset.UTC));
    private static final ChannelDefinition CHANNEL = new ChannelDefinition("b24-site", Provider.BITRIX24_FORM, true,
            "RU", "b24-site", Map.of("token", TOKEN), Path.of("test.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HookRequest post(String subPath, String contentType, byte[] body, String query,
                                    Map<String, String> headers) {
        Map<String, List<String>> h = new HashMap<>();
        if (contentType != null) {
            h.put("Content-Type", List.of(contentType));
        }
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HookRequest("POST", subPath, Headers.of(h), query, body, "https://gw.example/hooks/b24-site" + subPath,
                "127.0.0.1", RECEIVED);
    }

    private static Inquiry parse(String subPath, String contentType, byte[] body) throws UnparseableException {
        List<Inquiry> items = ADAPTER.parse(post(subPath, contentType, body, null, Map.of()), CHANNEL);
        assertEquals(1, items.size());
        return items.get(0);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BitrixFormTest.class.getResourceAsStream("/fixtures/webform/bitrix24/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Verification verify(String subPath, Map<String, String> headers) {
        return ADAPTER.verify(post(subPath, "application/json", Conformance.bytes(REQUEST), null, headers), CHANNEL);
    }

    @Test
    void everySampleIsCovered() {
        assertEquals(List.of("b24restdocs__crm.lead.add.error_response.json", "b24restdocs__crm.lead.add.request.json",
                        "b24restdocs__crm.lead.add.response.json"),
                Conformance.files("webforms/bitrix24", ".json").stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void documentedRequestGivesExpectedFacts() throws UnparseableException {
        Inquiry item = parse("/" + TOKEN + "/crm.lead.add.json", "application/json", Conformance.bytes(REQUEST));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("bitrix24-form", item.provider());
        assertEquals("Gleb Yegorovich Titov", item.contact().name());
        assertTrue(item.contact().phones().isEmpty());
        assertEquals(List.of("555888"), item.contact().rawPhones());
        assertTrue(item.contact().emails().isEmpty());
        assertNull(item.externalId(), "crm.lead.add has no key: the core hashes the content");
        assertNull(item.text());
        assertTrue(item.attribution().isEmpty());
        assertEquals(Map.of("TITLE", "LLC Titov", "STATUS_ID", "NEW", "OPENED", "Y", "ASSIGNED_BY_ID", "1",
                "CURRENCY_ID", "USD", "OPPORTUNITY", "12500", "WEB", "www.mysite.com"), item.extra());
    }

    @Test
    void successAnswerHasTheShapeOfBitrixResponse() throws Exception {
        HookReply reply = ADAPTER.reply(post("/" + TOKEN, "application/json", new byte[0], null, Map.of()), CHANNEL,
                new HookOutcome(1L, List.of(new HookOutcome.Item(HookOutcome.Result.LEAD_CREATED, 10L, 20L, 3465L))));
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        JsonNode ours = JSON.readTree(reply.body());
        JsonNode sample = JSON.readTree(Conformance.bytes(RESPONSE));
        assertEquals(sample.get("result"), ours.get("result"));
        for (String key : List.of("start", "finish", "duration", "processing", "date_start", "date_finish")) {
            assertEquals(sample.get("time").get(key).getNodeType(), ours.get("time").get(key).getNodeType(), key);
        }
        assertEquals("2024-01-20T17:35:32+00:00", ours.get("time").get("date_start").asText());
        assertEquals("2024-01-20T17:35:33+00:00", ours.get("time").get("date_finish").asText());
        for (String plain : List.of("\"start\":1705772132.998683", "\"finish\":1705772133.173683",
                "\"duration\":0.175000")) {
            assertTrue(reply.body().contains(plain), reply.body()); // epoch seconds written plainly, as Bitrix24 does
        }
    }

    @Test
    void duplicateIsAnsweredWithTheOriginalLead() throws Exception {
        HookReply reply = ADAPTER.reply(post("/" + TOKEN, "application/json", new byte[0], null, Map.of()), CHANNEL,
                new HookOutcome(1L, List.of(new HookOutcome.Item(HookOutcome.Result.DUPLICATE, 10L, 20L, 3465L))));
        assertEquals(3465L, JSON.readTree(reply.body()).get("result").asLong());
    }

    @Test
    void rejectionHasTheShapeOfBitrixError() throws Exception {
        HookReply reply = ADAPTER.rejected(post("/wrong", "application/json", new byte[0], null, Map.of()), CHANNEL,
                Verification.BAD_SIGNATURE);
        assertEquals(401, reply.status());
        JsonNode ours = JSON.readTree(reply.body());
        List<String> keys = new ArrayList<>();
        JSON.readTree(Conformance.bytes(ERROR)).fieldNames().forEachRemaining(keys::add);
        List<String> ourKeys = new ArrayList<>();
        ours.fieldNames().forEachRemaining(ourKeys::add);
        assertEquals(keys, ourKeys);
        assertEquals("INVALID_CREDENTIALS", ours.get("error").asText());
        assertEquals("Invalid request credentials", ours.get("error_description").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/crm.lead.add", "/crm.lead.add.json", "/crm.lead.add/"})
    void tokenInPathIsAcceptedWithOrWithoutMethod(String method) {
        assertEquals(Verification.VALID, verify("/" + TOKEN + method, Map.of()));
    }

    @Test
    void tokenInHeaderIsAccepted() throws UnparseableException {
        assertEquals(Verification.VALID, verify("/crm.lead.add.json", Map.of("X-Leadgate-Token", TOKEN)));
        assertEquals(List.of("555888"), ADAPTER.parse(post("/crm.lead.add.json", "application/json",
                Conformance.bytes(REQUEST), null, Map.of("X-Leadgate-Token", TOKEN)), CHANNEL).get(0).contact().rawPhones());
    }

    @Test
    void rejectsChangedByteOfToken() {
        assertEquals(Verification.BAD_SIGNATURE, verify("/x7k2m9q4w1e8r5t4/crm.lead.add", Map.of()));
    }

    @Test
    void rejectsWrongToken() {
        assertEquals(Verification.BAD_SIGNATURE, verify("/another-webhook-code/crm.lead.add.json", Map.of()));
    }

    @Test
    void missingTokenIsMissing() {
        assertEquals(Verification.MISSING, verify("", Map.of()));
    }

    @Test
    void otherMethodsAreNotServed() {
        assertThrows(UnparseableException.class,
                () -> parse("/" + TOKEN + "/crm.lead.list.json", "application/json", Conformance.bytes(REQUEST)));
    }

    @Test
    void formEncodedCallIsRead() throws Exception {
        Inquiry item = parse("/" + TOKEN + "/crm.lead.add", "application/x-www-form-urlencoded",
                fixture("crm.lead.add-form.txt"));
        assertEquals("Анна Смирнова", item.contact().name());
        assertEquals(List.of("+79165551234", "+74951234567"), item.contact().phones());
        assertEquals(List.of("anna.smirnova@example.ru"), item.contact().emails());
        assertEquals("ООО Ромашка", item.contact().company());
        assertEquals("Нужна консультация по тарифу", item.text());
        assertEquals(Map.of("utm_source", "yandex", "utm_medium", "cpc", "utm_campaign", "brand", "utm_content", "ad-42",
                "utm_term", "crm"), item.attribution().utm());
        assertEquals(Map.of("IM", "TELEGRAM: @anna_s", "TITLE", "Заявка с сайта", "SOURCE_ID", "WEB",
                "SOURCE_DESCRIPTION", "Форма обратного звонка", "ASSIGNED_BY_ID", "7"), item.extra());
    }

    @Test
    void jsonMultiFieldsMayBeListsOrKeyedObjects() throws Exception {
        Inquiry item = parse("/" + TOKEN, "application/json", fixture("crm.lead.add-utm-email.json"));
        assertEquals("John Smith", item.contact().name());
        assertEquals(List.of("+16175550142"), item.contact().phones());
        assertEquals(List.of("john.smith@example.com"), item.contact().emails());
        assertEquals("Call me in the morning", item.text());
        assertEquals("1999.5", item.extra().get("OPPORTUNITY"));
        assertEquals("https://smith.example.com", item.extra().get("WEB"));
        assertEquals("red, green", item.extra().get("UF_CRM_1700000000"));
        assertEquals(Map.of("utm_source", "google", "utm_medium", "cpc"), item.attribution().utm());
        assertNull(item.attribution().landingPage(), "WEB is the client's site, not the landing page");
    }

    @Test
    void parametersInTheUrlAloneAreRead() throws UnparseableException {
        List<Inquiry> items = ADAPTER.parse(post("/" + TOKEN + "/crm.lead.add.json", null, new byte[0],
                "fields%5BNAME%5D=Ivan&fields%5BPHONE%5D%5B0%5D%5BVALUE%5D=%2B79161234567", Map.of()), CHANNEL);
        assertEquals("Ivan", items.get(0).contact().name());
        assertEquals(List.of("+79161234567"), items.get(0).contact().phones());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"fields\": ", "[]", "{\"params\": {}}", "{\"fields\": \"NAME\"}"})
    void unparseableJsonIsRejected(String body) {
        assertThrows(UnparseableException.class,
                () -> parse("/" + TOKEN, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void formWithoutFieldsIsRejected() {
        assertThrows(UnparseableException.class, () -> parse("/" + TOKEN, "application/x-www-form-urlencoded",
                "NAME=Ivan&PHONE=123".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tokenIsRequiredAndPathSafe() {
        ChannelDefinition slash = new ChannelDefinition("b24", Provider.BITRIX24_FORM, true, "RU", "b24",
                Map.of("token", "a/b"), Path.of("test.yaml"));
        assertThrows(ChannelFileException.class, () -> ADAPTER.validate(slash));
    }
}
