package io.leadgate.channel.telephony.twilio;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.TelephonyTesting;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.fixture;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioAdapterTest {

    private static final TwilioAdapter ADAPTER = new TwilioAdapter();
    private static final ChannelDefinition CHANNEL = channel(Provider.TWILIO, "US", Map.of("auth-token", "t"));
    private static final String URL = "https://hooks.example.com/hooks/tw";
    private static final HookOutcome DONE = new HookOutcome(1L, List.of());

    private static HookRequest request(String fixture) {
        return form("", URL, fixture("twilio/" + fixture));
    }

    private static Inquiry parse(String fixture) throws UnparseableException {
        return ADAPTER.parse(request(fixture), CHANNEL).get(0);
    }

    @Test
    void completedStatusCallbackIsAnAnsweredUpdateWithDurationAndTime() throws UnparseableException {
        Inquiry i = parse("status_completed.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(new CallInfo("CA5f2c0d9e8b7a6f5e4d3c2b1a09876543", CallDirection.IN, "completed", false), i.call().withoutDetails());
        assertEquals("CA5f2c0d9e8b7a6f5e4d3c2b1a09876543:completed:3", i.externalId());
        assertEquals(Instant.parse("2024-05-14T10:15:42Z"), i.occurredAt());
        assertEquals("74", i.extra().get("duration"));
        assertEquals(List.of("+14155550199"), i.contact().phones());
    }

    @Test
    void noAnswerStatusIsAMissedCall() throws UnparseableException {
        Inquiry i = parse("status_no_answer.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(true, i.call().missed());
        assertEquals("no-answer", i.extra().get("cause"));
    }

    @Test
    void outboundApiCallIsNoLeadAndTheCalleeIsTheContact() throws UnparseableException {
        Inquiry i = parse("outbound_initiated.form");
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.OUTBOUND_CALL, i.reason());
        assertEquals(CallDirection.OUT, i.call().direction());
        assertEquals(List.of("+14155550199"), i.contact().phones());
        assertEquals("+14155550100", i.extra().get("line"));
    }

    @Test
    void recordingCallbackCarriesTheRecordingUrl() throws UnparseableException {
        Inquiry i = parse("recording_completed.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals("recording", i.call().event());
        assertTrue(i.extra().get("recordingUrl").startsWith("https://api.twilio.com/2010-04-01/Accounts/"));
        assertEquals("CA5f2c0d9e8b7a6f5e4d3c2b1a09876543:recording:RE00000000000000000000000000000001",
                i.externalId());
    }

    @Test
    void dialActionNoAnswerIsAnUpdateWithTheDialStatus() throws UnparseableException {
        Inquiry i = parse("dial_no_answer.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals("dial-no-answer", i.call().event());
        assertEquals("no-answer", i.extra().get("cause"));
    }

    @Test
    void sipCallersAreNotPhoneNumbers() throws UnparseableException {
        Inquiry i = parse("sip_inbound.form");
        assertEquals(Kind.LEAD, i.kind());
        assertTrue(i.contact().phones().isEmpty() && i.contact().rawPhones().isEmpty());
        assertEquals("sip:alice@example.sip.twilio.com", i.extra().get("customerUri"));
    }

    @Test
    void bodyWithoutCallSidIsUnparseable() {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(form("", URL, "foo=bar"), CHANNEL));
    }

    @Test
    void answersEmptyTwimlAsTextXml() {
        HookReply reply = ADAPTER.reply(request("status_completed.form"), CHANNEL, DONE);
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", reply.body());
    }

    @Test
    void answersTheConfiguredTwimlToAVoiceRequestOnly() {
        String twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello</Say></Response>";
        ChannelDefinition ch = channel(Provider.TWILIO, "US", Map.of("auth-token", "t", "twiml", twiml));
        HookRequest voice = TelephonyTesting.form("", URL, "CallSid=CA9&CallStatus=ringing&Direction=inbound");
        assertEquals(twiml, ADAPTER.reply(voice, ch, DONE).body());
        assertEquals(TwilioAdapter.EMPTY_TWIML, ADAPTER.reply(request("status_completed.form"), ch, DONE).body());
        assertEquals(TwilioAdapter.EMPTY_TWIML, ADAPTER.reply(request("dial_no_answer.form"), ch, DONE).body());
    }

    @Test
    void validateRefusesARelativePublicUrlAndNonTwiml() {
        assertThrows(ChannelFileException.class, () -> ADAPTER.validate(channel(Provider.TWILIO, "US",
                Map.of("auth-token", "t", "public-url", "/hooks/tw"))));
        assertThrows(ChannelFileException.class, () -> ADAPTER.validate(channel(Provider.TWILIO, "US",
                Map.of("auth-token", "t", "twiml", "hello"))));
    }
}
