package io.leadgate.channel.telephony.sipgate;

import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadgate.channel.telephony.TelephonyTesting.fixture;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.sipgate.SipgateGoldenTest.ADAPTER;
import static io.leadgate.channel.telephony.sipgate.SipgateGoldenTest.CHANNEL;
import static io.leadgate.channel.telephony.sipgate.SipgateGoldenTest.URL;
import static io.leadgate.channel.telephony.sipgate.SipgateGoldenTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipgateAdapterTest {

    private static final HookOutcome DONE = new HookOutcome(1L, List.of());

    private static Inquiry parse(String fixture) throws UnparseableException {
        return ADAPTER.parse(form("/s3cret", URL, fixture("sipgate/" + fixture)), CHANNEL).get(0);
    }

    @Test
    void rejectsWrongOrMissingPathToken() {
        String body = "event=newCall&callId=1&direction=in&from=4912347114711&to=4930600000000";
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("/guess", URL, body), CHANNEL));
        assertEquals(Verification.MISSING, ADAPTER.verify(form("", URL, body), CHANNEL));
        assertEquals(Verification.VALID, ADAPTER.verify(form("/s3cret", URL, body), CHANNEL));
    }

    @Test
    void newCallIsAnsweredWithSubscriptionsToAnswerAndHangupAtTheSameUrl() {
        HookReply reply = ADAPTER.reply(form("/s3cret", URL + "?a=1&b=2",
                "event=newCall&callId=1&direction=in"), CHANNEL, DONE);
        assertTrue(reply.contentType().startsWith("application/xml"));
        String at = "https://leads.example.com/hooks/tel-sipgate/s3cret?a=1&amp;b=2";
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response onAnswer=\"" + at + "\" onHangup=\"" + at
                + "\"/>", reply.body());
    }

    @Test
    void otherEventsAreAnsweredWithAnEmptyResponse() {
        HookReply reply = ADAPTER.reply(sample("zammad-spec__in_answer.form"), CHANNEL, DONE);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", reply.body());
        assertEquals(200, reply.status());
    }

    @Test
    void answerByVoicemailIsMissed() throws UnparseableException {
        Inquiry i = parse("in_answer_voicemail.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(true, i.call().missed());
        assertNull(i.extra().get("agent"), "voicemail is no agent");
    }

    @Test
    void hangupWithoutAnswerIsMissed() throws UnparseableException {
        Inquiry i = parse("in_hangup_noAnswer.form");
        assertEquals(true, i.call().missed());
        assertEquals("noAnswer", i.extra().get("cause"));
    }

    @Test
    void dtmfIsAnUpdateWithoutDirection() throws UnparseableException {
        Inquiry i = parse("dtmf.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertNull(i.call().direction());
        assertEquals("1", i.extra().get("dtmf"));
        assertEquals("123456:dtmf:1", i.externalId());
    }

    @Test
    void anonymousCallerStillMakesALeadButNoPhone() throws UnparseableException {
        Inquiry i = parse("in_newCall_anonymous.form");
        assertEquals(Kind.LEAD, i.kind());
        assertTrue(i.contact().phones().isEmpty() && i.contact().rawPhones().isEmpty());
        assertEquals("Alice", i.extra().get("agent"));
        assertEquals("w0", i.extra().get("userId"));
    }

    @Test
    void transferredCallIsALegOfTheOriginalNotANewLead() throws UnparseableException {
        Inquiry i = parse("in_newCall_transferred.form");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals("12111955", i.extra().get("parentCallId"));
        assertEquals(List.of("+492111234567"), i.contact().phones());
    }

    @Test
    void bodyWithoutEventOrCallIdIsUnparseable() {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(form("/s3cret", URL, "from=1"), CHANNEL));
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(form("/s3cret", URL, "event=newCall"), CHANNEL));
    }
}
