package io.leadgate.channel.email.raw;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAdapterTest {

    private final EmailAdapter adapter = new EmailAdapter();

    private static ChannelDefinition channel(Map<String, Object> settings) {
        return new ChannelDefinition("mail", Provider.EMAIL, true, "RU", "mail", settings, Path.of("mail.yaml"));
    }

    private static HookRequest request(String subPath, Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> h = new HashMap<>(headers);
        h.putIfAbsent("Content-Type", List.of("message/rfc822"));
        return new HookRequest("POST", subPath, Headers.of(h), null, body, "http://localhost/hooks/mail" + subPath,
                "127.0.0.1", Instant.now());
    }

    private static final byte[] MAIL = Conformance.bytes("email/mikel-mail__basic_email.eml");

    @ParameterizedTest
    @ValueSource(strings = {"message/rfc822", "text/plain", "application/octet-stream", ""})
    void acceptsRawMailMediaTypes(String mediaType) {
        assertTrue(adapter.accepts(mediaType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "multipart/form-data", "application/x-www-form-urlencoded"})
    void refusesOtherMediaTypes(String mediaType) {
        assertFalse(adapter.accepts(mediaType));
    }

    @Test
    void withoutATokenEveryPostIsValid() {
        assertEquals(Verification.VALID, adapter.verify(request("", Map.of(), MAIL), channel(Map.of())));
    }

    @Test
    void tokenInThePathOrHeaderIsChecked() {
        ChannelDefinition ch = channel(Map.of("token", "s3cret"));
        assertEquals(Verification.VALID, adapter.verify(request("/s3cret", Map.of(), MAIL), ch));
        assertEquals(Verification.VALID, adapter.verify(request("", Map.of(PathToken.HEADER, List.of("s3cret")), MAIL), ch));
        assertEquals(Verification.BAD_SIGNATURE, adapter.verify(request("/s3creT", Map.of(), MAIL), ch));
        assertEquals(Verification.MISSING, adapter.verify(request("", Map.of(), MAIL), ch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \r\n\r\n"})
    void emptyBodyIsUnparseable(String body) {
        assertThrows(UnparseableException.class, () -> adapter.parse(
                request("", Map.of(), body.getBytes(StandardCharsets.US_ASCII)), channel(Map.of())));
    }

    @Test
    void anyNonEmptyBodyGivesOneInquiry() {
        List<Inquiry> items = assertDoesNotThrow(() -> adapter.parse(
                request("", Map.of(), "{\"not\":\"mail\"}".getBytes(StandardCharsets.US_ASCII)), channel(Map.of())));
        assertEquals(1, items.size());
        assertEquals("{\"not\":\"mail\"}", items.get(0).text());
    }

    @Test
    void redeliveryHasTheSameKey() throws Exception {
        String first = adapter.parse(request("", Map.of(), MAIL), channel(Map.of())).get(0).externalId();
        String second = adapter.parse(request("", Map.of(), MAIL.clone()), channel(Map.of())).get(0).externalId();
        assertEquals(first, second);
    }

    @Test
    void repliesWithTheStatusAsJson() {
        ChannelDefinition ch = channel(Map.of());
        HookRequest req = request("", Map.of(), MAIL);
        HookReply accepted = adapter.reply(req, ch, outcome(HookOutcome.Result.LEAD_CREATED));
        assertEquals(200, accepted.status());
        assertEquals("application/json", accepted.contentType());
        assertTrue(accepted.body().startsWith("{\"status\":\"accepted\""));
        assertTrue(adapter.reply(req, ch, outcome(HookOutcome.Result.DUPLICATE)).body().startsWith("{\"status\":\"duplicate\""));
        assertTrue(adapter.reply(req, ch, outcome(HookOutcome.Result.IGNORED)).body().startsWith("{\"status\":\"ignored\""));
    }

    private static HookOutcome outcome(HookOutcome.Result result) {
        return new HookOutcome(1L, List.of(new HookOutcome.Item(result, 2L, 3L, 4L)));
    }

    @Test
    void validatesTheNewslettersSetting() {
        assertDoesNotThrow(() -> adapter.validate(channel(Map.of("newsletters", "ignore"))));
        assertDoesNotThrow(() -> adapter.validate(channel(Map.of("newsletters", "lead"))));
        assertThrows(ChannelFileException.class, () -> adapter.validate(channel(Map.of("newsletters", "drop"))));
    }

    @Test
    void isTheEmailProvider() {
        assertEquals(Provider.EMAIL, adapter.provider());
    }
}
