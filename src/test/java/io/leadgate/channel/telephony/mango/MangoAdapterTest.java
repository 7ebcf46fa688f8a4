package io.leadgate.channel.telephony.mango;

import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadgate.channel.telephony.TelephonyTesting.encode;
import static io.leadgate.channel.telephony.TelephonyTesting.fixture;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.ADAPTER;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.CHANNEL;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.KEY;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.SALT;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.URL;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.post;
import static io.leadgate.channel.telephony.mango.MangoGoldenTest.sha256Hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MangoAdapterTest {

    private static final String JSON = fixture("mango/call_connected_abonent.json");

    private static Inquiry parse(String subPath, String fixture) throws UnparseableException {
        HookRequest request = post(subPath, fixture("mango/" + fixture));
        assertEquals(Verification.VALID, ADAPTER.verify(request, CHANNEL));
        return ADAPTER.parse(request, CHANNEL).get(0);
    }

    @Test
    void rejectsChangedByteWrongSaltWrongKeyAndMissingSign() {
        String sign = sha256Hex(KEY + JSON + SALT);
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/events/call", URL, encode("vpbx_api_key", KEY,
                "sign", sign, "json", JSON.replace("Connected", "Connectee"))), CHANNEL));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/events/call", URL, encode("vpbx_api_key", KEY,
                "sign", sha256Hex(KEY + JSON + "other-salt"), "json", JSON)), CHANNEL));
        String otherKey = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/events/call", URL, encode("vpbx_api_key",
                otherKey, "sign", sha256Hex(otherKey + JSON + SALT), "json", JSON)), CHANNEL));
        assertEquals(Verification.MISSING, ADAPTER.verify(form("/events/call", URL, encode("vpbx_api_key", KEY,
                "json", JSON)), CHANNEL));
    }

    @Test
    void signIsOverTheJsonExactlyAsReceived() {
        String spaced = JSON.replace(",", ", ");
        assertEquals(Verification.VALID, ADAPTER.verify(post("/events/call", spaced), CHANNEL));
    }

    @Test
    void connectedAtAnEmployeeIsAnAnsweredUpdate() throws UnparseableException {
        Inquiry i = parse("/events/call", "call_connected_abonent.json");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(false, i.call().missed());
        assertEquals("101", i.extra().get("agent"));
        assertEquals(List.of("+79997356761"), i.contact().phones());
        assertEquals("+74994509495", i.extra().get("line"));
    }

    @Test
    void disconnectedIsAnEndedUpdateWithTheReason() throws UnparseableException {
        Inquiry i = parse("/events/call", "call_disconnected_abonent.json");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals("Disconnected", i.call().event());
        assertEquals("1110", i.extra().get("cause"));
    }

    @Test
    void employeeCallingOutIsNoLead() throws UnparseableException {
        Inquiry i = parse("/events/call", "call_appeared_outbound.json");
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.OUTBOUND_CALL, i.reason());
        assertEquals(List.of("+79161234567"), i.contact().phones());
        assertEquals("+74994509495", i.extra().get("line"));
        Inquiry summary = parse("/events/summary", "summary_answered_outbound.json");
        assertEquals(Kind.UPDATE, summary.kind());
        assertEquals(CallDirection.OUT, summary.call().direction());
        assertEquals("90", summary.extra().get("duration"));
    }

    @Test
    void callBetweenTwoExtensionsIsIgnoredAsInternal() throws UnparseableException {
        Inquiry i = parse("/events/call", "call_appeared_internal.json");
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.INTERNAL_CALL, i.reason());
        assertNull(i.call());
    }

    @Test
    void recordingAndDtmfAreUpdatesOfTheCall() throws UnparseableException {
        Inquiry rec = parse("/events/recording", "recording_completed.json");
        assertEquals(Kind.UPDATE, rec.kind());
        assertEquals("MzQ1Mzc1MzUxMzoxNjE=", rec.call().callId());
        assertEquals("MToxMDA3MTYxNToxMjM0NTY3OjA=", rec.extra().get("recordingId"));
        Inquiry dtmf = parse("/events/dtmf", "dtmf.json");
        assertEquals(Kind.UPDATE, dtmf.kind());
        assertEquals("2", dtmf.extra().get("dtmf"));
        assertEquals("MzQ1Mzc1MzUxMzoxNjE=:MToxMDA3MTYxNToxNjE6Nzc2MTY1NjA4OjE=:dtmf:1", dtmf.externalId());
    }

    @Test
    void smsReportIsAnIgnoredServiceEvent() throws UnparseableException {
        Inquiry i = parse("/events/sms", "sms.json");
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.SERVICE_EVENT, i.reason());
        assertEquals("/events/sms:sms-42", i.externalId());
    }

    @Test
    void invalidOrMissingJsonIsUnparseable() {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(post("/events/call", "{not json"), CHANNEL));
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(post("/events/call", "{\"seq\":1}"), CHANNEL));
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(form("/events/call", URL,
                encode("vpbx_api_key", KEY)), CHANNEL));
    }

    @Test
    void answersAnEmpty200() {
        assertEquals(200, ADAPTER.reply(post("/events/call", JSON), CHANNEL, new HookOutcome(1L, List.of())).status());
    }
}
