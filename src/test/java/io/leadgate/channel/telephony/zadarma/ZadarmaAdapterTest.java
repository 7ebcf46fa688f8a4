package io.leadgate.channel.telephony.zadarma;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.fixture;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.TelephonyTesting.get;
import static io.leadgate.channel.telephony.TelephonyTesting.hmac;
import static io.leadgate.channel.telephony.TelephonyTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zadarma has no conformance sample: project fixtures written from the documented NOTIFY_* format. */
class ZadarmaAdapterTest {

    private static final ZadarmaAdapter ADAPTER = new ZadarmaAdapter();
    private static final String SECRET = "zd-secret";
    private static final ChannelDefinition CHANNEL = channel(Provider.ZADARMA, "RU",
            Map.of("api-secret", SECRET, "timezone", "Europe/Moscow"));
    private static final String URL = "https://leads.example.com/hooks/tel-zadarma";

    /** The documented field list per event, kept apart from the code under test. */
    private static final Map<String, List<String>> SIGNED = Map.of(
            "NOTIFY_START", List.of("caller_id", "called_did", "call_start"),
            "NOTIFY_INTERNAL", List.of("caller_id", "called_did", "call_start"),
            "NOTIFY_END", List.of("caller_id", "called_did", "call_start"),
            "NOTIFY_IVR", List.of("caller_id", "called_did", "call_start"),
            "NOTIFY_ANSWER", List.of("caller_id", "destination", "call_start"),
            "NOTIFY_OUT_START", List.of("internal", "destination", "call_start"),
            "NOTIFY_OUT_END", List.of("internal", "destination", "call_start"),
            "NOTIFY_RECORD", List.of("pbx_call_id", "call_id_with_rec"),
            "SMS", List.of("result"));

    /** base64 of the hex HMAC-SHA1, like PHP's base64_encode(hash_hmac('sha1', …)). */
    static String signature(String secret, String body) {
        FormParams p = FormParams.parse(body);
        StringBuilder data = new StringBuilder();
        SIGNED.get(p.get("event")).forEach(f -> data.append(p.get(f) == null ? "" : p.get(f)));
        String hex = HexFormat.of().formatHex(hmac("HmacSHA1", secret, data.toString()));
        return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
    }

    static HookRequest signed(String fixture) {
        String body = fixture("zadarma/" + fixture);
        return form("", URL, body, ZadarmaSignature.HEADER, signature(SECRET, body));
    }

    private static Inquiry parse(String fixture) throws UnparseableException {
        return single(ADAPTER, CHANNEL, signed(fixture));
    }

    @Test
    void echoesZdEchoOnTheUrlCheck() {
        assertEquals("abc123", ADAPTER.handshake(get("", URL + "?zd_echo=abc123"), CHANNEL).orElseThrow().body());
        assertTrue(ADAPTER.handshake(get("", URL + "?zd_echo=abc123"), CHANNEL).orElseThrow().contentType()
                .startsWith("text/plain"));
        assertTrue(ADAPTER.handshake(get("", URL), CHANNEL).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"notify_start.form", "notify_internal.form", "notify_answer.form", "notify_end_answered.form",
            "notify_out_start.form", "notify_out_end.form", "notify_record.form", "notify_ivr.form", "sms.form"})
    void verifiesEachEventsFieldConcatenationAndRejectsAChangedByte(String fixture) {
        HookRequest ok = signed(fixture);
        assertEquals(Verification.VALID, ADAPTER.verify(ok, CHANNEL));
        String body = fixture("zadarma/" + fixture);
        String sig = signature(SECRET, body);
        String changed = body.contains("called_did=7") ? body.replace("called_did=7", "called_did=8")
                : body.contains("destination=") ? body.replace("destination=", "destination=1")
                : body.contains("result=") ? body.replace("result=", "result=x")
                : body.replace("call_id_with_rec=1", "call_id_with_rec=2");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("", URL, changed, ZadarmaSignature.HEADER, sig),
                CHANNEL));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("", URL, body, ZadarmaSignature.HEADER,
                signature("other-secret", body)), CHANNEL));
        assertEquals(Verification.MISSING, ADAPTER.verify(form("", URL, body), CHANNEL));
    }

    @Test
    void refusesEventsWhoseSignatureIsUnknown() {
        String body = "event=NOTIFY_SOMETHING&pbx_call_id=x";
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("", URL, body, ZadarmaSignature.HEADER, "abc"),
                CHANNEL));
    }

    @Test
    void incomingCallStartIsALeadWithTheCallStartInTheChannelZone() throws UnparseableException {
        Inquiry i = parse("notify_start.form");
        assertEquals(Kind.LEAD, i.kind());
        assertEquals(List.of("+79161234567"), i.contact().phones());
        assertEquals("+74951234567", i.extra().get("line"));
        assertEquals(new CallInfo("in_2f1d4c8e9a7b", CallDirection.IN, "NOTIFY_START", null), i.call().withoutDetails());
        assertEquals("in_2f1d4c8e9a7b:NOTIFY_START", i.externalId());
        assertEquals(Instant.parse("2024-05-14T10:15:42Z"), i.occurredAt());
    }

    @Test
    void withoutATimezoneTheCallStartIsKeptButNotGuessed() throws UnparseableException {
        ChannelDefinition noZone = channel(Provider.ZADARMA, "RU", Map.of("api-secret", SECRET));
        Inquiry i = ADAPTER.parse(signed("notify_start.form"), noZone).get(0);
        assertNull(i.occurredAt());
        assertEquals("2024-05-14 13:15:42", i.extra().get("callStart"));
    }

    @Test
    void laterInboundEventsAreUpdates() throws UnparseableException {
        Inquiry internal = parse("notify_internal.form");
        assertEquals(Kind.UPDATE, internal.kind(), "an extension rings after NOTIFY_START: no second lead");
        assertEquals("100", internal.extra().get("agent"));
        assertEquals("in_2f1d4c8e9a7b:NOTIFY_INTERNAL:100", internal.externalId());
        Inquiry answer = parse("notify_answer.form");
        assertEquals(Kind.UPDATE, answer.kind());
        assertEquals(false, answer.call().missed());
        assertEquals("100", answer.extra().get("agent"));
        Inquiry end = parse("notify_end_answered.form");
        assertEquals(new CallInfo("in_2f1d4c8e9a7b", CallDirection.IN, "NOTIFY_END", false), end.call().withoutDetails());
        assertEquals("95", end.extra().get("duration"));
        assertEquals("1715681742.123456", end.extra().get("recordingId"));
    }

    @Test
    void endWithoutAnswerIsMissed() throws UnparseableException {
        Inquiry i = parse("notify_end_no_answer.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(true, i.call().missed());
        assertEquals("no answer", i.extra().get("cause"));
        assertEquals(List.of("+442071234567"), i.contact().phones());
    }

    @Test
    void outgoingCallsAreNoLeads() throws UnparseableException {
        Inquiry start = parse("notify_out_start.form");
        assertEquals(Kind.IGNORED, start.kind());
        assertEquals(Reason.OUTBOUND_CALL, start.reason());
        assertEquals(List.of("+79031112233"), start.contact().phones());
        assertEquals("101", start.extra().get("agent"));
        Inquiry end = parse("notify_out_end.form");
        assertEquals(Kind.UPDATE, end.kind());
        assertEquals(CallDirection.OUT, end.call().direction());
        assertEquals("+74951234567", end.extra().get("line"));
    }

    @Test
    void recordIvrAndSms() throws UnparseableException {
        Inquiry record = parse("notify_record.form");
        assertEquals(Kind.UPDATE, record.kind());
        assertEquals("in_2f1d4c8e9a7b:NOTIFY_RECORD:1715681742.123456", record.externalId());
        Inquiry ivr = parse("notify_ivr.form");
        assertEquals(Kind.UPDATE, ivr.kind());
        assertEquals("2", ivr.extra().get("dtmf"));
        Inquiry sms = parse("sms.form");
        assertEquals(Kind.IGNORED, sms.kind());
        assertEquals(Reason.SERVICE_EVENT, sms.reason());
    }

    @Test
    void bodyWithoutEventIsUnparseableAndABadTimezoneStopsStartUp() {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(form("", URL, "pbx_call_id=1"), CHANNEL));
        assertThrows(ChannelFileException.class, () -> ADAPTER.validate(channel(Provider.ZADARMA, "RU",
                Map.of("api-secret", SECRET, "timezone", "Mars/Olympus"))));
    }

    @Test
    void answersAnEmpty200() {
        assertEquals(200, ADAPTER.reply(signed("notify_start.form"), CHANNEL, new HookOutcome(1L, List.of())).status());
    }
}
