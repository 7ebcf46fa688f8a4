package io.leadgate.channel.telephony.placetel;

import io.leadgate.inquiry.CallDirection;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.TelephonyTesting;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.fixture;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.placetel.PlacetelGoldenTest.ADAPTER;
import static io.leadgate.channel.telephony.placetel.PlacetelGoldenTest.CHANNEL;
import static io.leadgate.channel.telephony.placetel.PlacetelGoldenTest.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacetelAdapterTest {

    /** The example of Placetel's README: secret 12345 over this payload. */
    private static final String DOC_PAYLOAD = "call_id=4a4cbb39578170aed9a2761a7bec8c7e704a541f52291ef603d6f5f152980c3c"
            + "&event=CallAccepted&from=0123456789&to=0987654321";
    private static final String DOC_SIGNATURE = "c4f823c5b8806432fe2b83b1fc2ee714422e0cdfb4b5129152a7d0bbcd7792d0";
    private static final ChannelDefinition SIGNED = channel(Provider.PLACETEL, "DE",
            Map.of("token", "pt0ken", "secret", "12345"));

    private static Inquiry parse(String fixture) throws UnparseableException {
        return ADAPTER.parse(form("/pt0ken", URL, fixture("placetel/" + fixture)), CHANNEL).get(0);
    }

    @Test
    void rejectsWrongOrMissingPathToken() {
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/nope", URL, DOC_PAYLOAD), CHANNEL));
        assertEquals(Verification.MISSING, ADAPTER.verify(form("", URL, DOC_PAYLOAD), CHANNEL));
    }

    @Test
    void checksPlacetelSignatureWhenASecretIsSet() {
        assertEquals(DOC_SIGNATURE, hmacSha256Hex("12345", DOC_PAYLOAD), "independent computation of the doc vector");
        assertEquals(Verification.VALID, ADAPTER.verify(form("/pt0ken", URL, DOC_PAYLOAD,
                PlacetelAdapter.SIGNATURE_HEADER, DOC_SIGNATURE), SIGNED));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/pt0ken", URL, DOC_PAYLOAD.replace("CallAccepted",
                "CallAcceptee"), PlacetelAdapter.SIGNATURE_HEADER, DOC_SIGNATURE), SIGNED), "changed byte");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/pt0ken", URL, DOC_PAYLOAD,
                PlacetelAdapter.SIGNATURE_HEADER, hmacSha256Hex("54321", DOC_PAYLOAD)), SIGNED), "wrong secret");
        assertEquals(Verification.MISSING, ADAPTER.verify(form("/pt0ken", URL, DOC_PAYLOAD), SIGNED));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/nope", URL, DOC_PAYLOAD,
                PlacetelAdapter.SIGNATURE_HEADER, DOC_SIGNATURE), SIGNED), "a valid signature does not excuse the token");
    }

    @Test
    void hungUpMissedIsAMissedUpdate() throws UnparseableException {
        Inquiry i = parse("HungUp_missed.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(true, i.call().missed());
        assertEquals("missed", i.extra().get("cause"));
        assertEquals("0", i.extra().get("duration"));
    }

    @Test
    void outgoingCallFromASipUserKeepsTheUserAsAgentNotAsLine() throws UnparseableException {
        Inquiry start = parse("OutgoingCall_sip_user.form");
        assertEquals(Kind.IGNORED, start.kind());
        assertEquals(List.of("+4922129191999"), start.contact().phones());
        assertEquals("7777abcdefg@fpbx.de", start.extra().get("agent"));
        assertNull(start.extra().get("line"));
        Inquiry end = parse("HungUp_outgoing_accepted.form");
        assertEquals(Kind.UPDATE, end.kind());
        assertEquals(CallDirection.OUT, end.call().direction());
        assertEquals("125", end.extra().get("duration"));
    }

    @Test
    void acceptedByAPeerIsAnsweredByThatAgent() throws UnparseableException {
        Inquiry i = parse("CallAccepted_peer.form");
        assertEquals(false, i.call().missed());
        assertEquals("7777abcdefg@fpbx.de", i.extra().get("agent"));
        assertTrue(i.contact().phones().isEmpty(), "anonymous caller");
    }

    @Test
    void answersAnEmpty200() {
        assertEquals(200, ADAPTER.reply(form("/pt0ken", URL, DOC_PAYLOAD), CHANNEL,
                new HookOutcome(1L, List.of())).status());
    }

    private static String hmacSha256Hex(String key, String data) {
        return HexFormat.of().formatHex(TelephonyTesting.hmac("HmacSHA256", key, data));
    }
}
