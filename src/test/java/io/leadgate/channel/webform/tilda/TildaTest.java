package io.leadgate.channel.webform.tilda;

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
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tilda: project-made posts in Tilda's documented form format (no third-party sample exists), token checks, answer. */
class TildaTest {

    private static final String TOKEN = "tilda-key-123";
    private static final TildaAdapter ADAPTER = new TildaAdapter();
    private static final String FORM = "application/x-www-form-urlencoded";

    private static ChannelDefinition channel(Map<String, Object> settings) {
        return new ChannelDefinition("tilda-site", Provider.TILDA, true, "RU", "tilda-site", settings, Path.of("test.yaml"));
    }

    private static HookRequest post(String subPath, String contentType, byte[] body, Map<String, String> headers) {
        Map<String, List<String>> h = new HashMap<>(Map.of("Content-Type", List.of(contentType)));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HookRequest("POST", subPath, Headers.of(h), null, body, "https://gw.example/hooks/tilda-site" + subPath,
                "127.0.0.1", Instant.now());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TildaTest.class.getResourceAsStream("/fixtures/webform/tilda/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Inquiry parse(byte[] body) throws UnparseableException {
        List<Inquiry> items = ADAPTER.parse(post("", FORM, body, Map.of()), channel(Map.of()));
        assertEquals(1, items.size());
        return items.get(0);
    }

    private static Verification verify(String subPath, byte[] body, Map<String, String> headers) {
        return ADAPTER.verify(post(subPath, FORM, body, headers), channel(Map.of("token", TOKEN)));
    }

    @Test
    void formFieldsTranidAndCookiesAreRead() throws Exception {
        Inquiry item = parse(fixture("lead-with-cookies.txt"));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("tilda", item.provider());
        assertEquals("1234567:8901234567", item.externalId());
        assertEquals("Иван Петров", item.contact().name());
        assertEquals(List.of("+79161234567"), item.contact().phones());
        assertEquals(List.of("ivan@example.ru"), item.contact().emails());
        assertEquals("Перезвоните после обеда", item.text());
        assertEquals(Map.of("formid", "form123456789", "Checkbox", "yes", "_ga", "GA1.2.1234567890.1700000000",
                "_ym_uid", "1700000000123456789", "roistat_visit", "4242"), item.extra());
    }

    @Test
    void formUtmWinsAndCookieUtmFillsTheGaps() throws Exception {
        Inquiry item = parse(fixture("lead-with-cookies.txt"));
        assertEquals("vk", item.attribution().utm().get("utm_source"));
        assertEquals("cpc", item.attribution().utm().get("utm_medium"));
        assertEquals("brand", item.attribution().utm().get("utm_campaign"));
    }

    @Test
    void testProbeIsIgnoredAndAnsweredOk() throws Exception {
        Inquiry item = parse(fixture("test-probe.txt"));
        assertEquals(Kind.IGNORED, item.kind());
        assertEquals(Reason.TEST_PROBE, item.reason());
        HookReply reply = ADAPTER.reply(post("", FORM, fixture("test-probe.txt"), Map.of()), channel(Map.of()),
                new HookOutcome(1L, List.of(new HookOutcome.Item(HookOutcome.Result.IGNORED, 1L, null, null))));
        assertEquals(200, reply.status());
        assertEquals("ok", reply.body());
        assertTrue(reply.contentType().startsWith("text/plain"));
    }

    @ParameterizedTest
    @EnumSource(HookOutcome.Result.class)
    void everyAcceptedPostIsAnsweredOk(HookOutcome.Result result) {
        HookReply reply = ADAPTER.reply(post("", FORM, new byte[0], Map.of()), channel(Map.of()),
                new HookOutcome(1L, List.of(new HookOutcome.Item(result, 1L, 2L, 3L))));
        assertEquals(200, reply.status());
        assertEquals("ok", reply.body());
    }

    @Test
    void apiKeyFieldIsCheckedAndNotKept() throws Exception {
        byte[] body = fixture("with-api-key.txt");
        assertEquals(Verification.VALID, verify("", body, Map.of()));
        Inquiry item = parse(body);
        assertFalse(item.extra().containsKey("api_key"), item.extra().toString());
        assertEquals("7654321:1098765432", item.externalId());
        assertEquals(List.of("+79161112233"), item.contact().phones());
    }

    @Test
    void tokenInPathOrHeaderIsAccepted() throws Exception {
        byte[] body = fixture("lead-with-cookies.txt");
        assertEquals(Verification.VALID, verify("/" + TOKEN, body, Map.of()));
        assertEquals(Verification.VALID, verify("", body, Map.of("X-Leadgate-Token", TOKEN)));
    }

    @Test
    void rejectsChangedByteOfToken() throws Exception {
        byte[] body = fixture("lead-with-cookies.txt");
        assertEquals(Verification.BAD_SIGNATURE, verify("/tilda-key-124", body, Map.of()));
        byte[] key = fixture("with-api-key.txt");
        String changed = new String(key, StandardCharsets.UTF_8).replace("api_key=tilda-key-123", "api_key=tilda-key-124");
        assertEquals(Verification.BAD_SIGNATURE, verify("", changed.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    @Test
    void rejectsWrongToken() throws Exception {
        assertEquals(Verification.BAD_SIGNATURE,
                verify("", fixture("lead-with-cookies.txt"), Map.of("X-Leadgate-Token", "something-else")));
    }

    @Test
    void missingTokenIsMissingAndNoTokenSettingAcceptsAll() throws Exception {
        byte[] body = fixture("lead-with-cookies.txt");
        assertEquals(Verification.MISSING, verify("", body, Map.of()));
        assertEquals(Verification.VALID, ADAPTER.verify(post("", FORM, body, Map.of()), channel(Map.of())));
    }

    @Test
    void unparseableBodiesAreRejected() {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(
                post("", "application/json", "{\"Name\": ".getBytes(StandardCharsets.UTF_8), Map.of()), channel(Map.of())));
        assertThrows(UnparseableException.class, () -> parse(new byte[0]));
    }

    @Test
    void tildaUtmCookieIsDecoded() {
        TildaCookies.Facts facts = TildaCookies.read(
                "TILDAUTM=utm_source%3Dgoogle%7C%7C%7Cutm_term%3D%D0%B4%D0%B8%D0%B2%D0%B0%D0%BD%7C%7C%7C; yclid=777");
        assertEquals(Map.of("utm_source", "google", "utm_term", "диван"), facts.attribution().utm());
        assertEquals(Map.of("yclid", "777"), facts.attribution().clickIds());
        assertTrue(facts.visitorIds().isEmpty());
        assertNull(facts.attribution().landingPage());
    }

    @Test
    void tokenMustBeAPathSegment() {
        assertThrows(ChannelFileException.class, () -> ADAPTER.validate(channel(Map.of("token", "a/b"))));
    }
}
