package io.leadgate.channel.telephony.twilio;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.TelephonyTesting.sample;
import static io.leadgate.channel.telephony.TelephonyTesting.sampleNames;
import static io.leadgate.channel.telephony.TelephonyTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** EXPECTED.md, telephony/twilio: every sample in the folder. */
class TwilioGoldenTest {

    private static final TwilioAdapter ADAPTER = new TwilioAdapter();
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final ChannelDefinition CHANNEL = channel(Provider.TWILIO, "US", Map.of("auth-token", "12345"));

    private static Inquiry parse(String file, String signature) throws UnparseableException {
        String body = sample("telephony/twilio/" + file);
        String sig = signature != null ? signature
                : TwilioSignatureTest.hmacSha1("12345", URL + TwilioSignature.sortedParams(FormParams.parse(body).values()));
        return single(ADAPTER, CHANNEL, form("", URL, body, TwilioSignature.HEADER, sig));
    }

    @Test
    void everySampleOfTheFolderIsCovered() {
        assertEquals(List.of("captured-erlang-eunit__incoming_call_uk.form", "twilio-java__RequestValidatorTest.form",
                "twilio-java__RequestValidatorTest.vector.txt"), sampleNames("telephony/twilio"));
    }

    @Test
    void requestValidatorSampleIsALeadFromTheCaller() throws UnparseableException {
        Inquiry i = parse("twilio-java__RequestValidatorTest.form", "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("twilio", i.provider());
        assertEquals(List.of("+14158675309"), i.contact().phones());
        assertEquals("+18005551212", i.extra().get("line"));
        assertEquals("1234", i.extra().get("digits"));
        assertEquals(new CallInfo("CA1234567890ABCDE", CallDirection.IN, "call", null), i.call().withoutDetails());
        assertEquals("CA1234567890ABCDE:call", i.externalId());
    }

    @Test
    void ukIncomingCallIsARingingLead() throws UnparseableException {
        Inquiry i = parse("captured-erlang-eunit__incoming_call_uk.form", null);
        assertEquals(Kind.LEAD, i.kind());
        assertEquals(List.of("+447776251669"), i.contact().phones());
        assertEquals("+441315101875", i.extra().get("line"));
        assertEquals(new CallInfo("yahoor", CallDirection.IN, "ringing", null), i.call().withoutDetails());
        assertEquals("yahoor:ringing", i.externalId());
    }
}
