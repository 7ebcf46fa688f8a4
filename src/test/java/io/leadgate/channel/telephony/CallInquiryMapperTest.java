package io.leadgate.channel.telephony;

import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.CallPhase;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallInquiryMapperTest {

    private static CallEvent.Builder in(String event, CallPhase phase) {
        return CallEvent.builder("c1", event).direction(Direction.IN).phase(phase)
                .parties(CallNumber.asWritten("01114100300"), CallNumber.asWritten("030600000000"));
    }

    @Test
    void inboundStartIsALeadWithTheCallerAsContactAndOurLineOnlyInExtra() {
        Inquiry i = CallInquiryMapper.map(in("IncomingCall", CallPhase.STARTED).build(), "placetel", "DE");
        assertEquals(Kind.LEAD, i.kind());
        assertEquals(ChannelFamily.PHONE, i.channel());
        assertEquals(List.of("+491114100300"), i.contact().phones());
        assertEquals("+4930600000000", i.extra().get("line"));
        assertEquals(new CallInfo("c1", CallDirection.IN, "IncomingCall", null), i.call().withoutDetails());
        assertEquals("c1:IncomingCall", i.externalId());
    }

    @Test
    void laterEventsOfTheCallAreUpdates() {
        Inquiry i = CallInquiryMapper.map(in("HungUp", CallPhase.ENDED).answeredBy(AnsweredBy.NOBODY).build(),
                "placetel", "DE");
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(new CallInfo("c1", CallDirection.IN, "HungUp", true), i.call().withoutDetails());
    }

    @Test
    void aCallAlreadyOpenedGivesNoSecondLead() {
        CallEvent start = in("Appeared", CallPhase.STARTED).build();
        CallEvent ringing = in("Appeared", CallPhase.RINGING).key("c1", "leg2", 1).build();
        CallState prior = CallState.EMPTY.fold(start);
        assertEquals(Kind.UPDATE, CallInquiryMapper.map(ringing, "mango", "RU", prior).kind());
        assertEquals(Kind.LEAD, CallInquiryMapper.map(ringing, "mango", "RU").kind());
    }

    @Test
    void aWholeCallSummaryIsALeadUnlessTheCallWasOpened() {
        CallEvent summary = in("summary", CallPhase.ENDED).summary(true).answeredBy(AnsweredBy.NOBODY).build();
        Inquiry alone = CallInquiryMapper.map(summary, "mango", "RU");
        assertEquals(Kind.LEAD, alone.kind());
        assertTrue(alone.call().missed());
        CallState opened = CallState.EMPTY.fold(in("Appeared", CallPhase.STARTED).build());
        assertEquals(Kind.UPDATE, CallInquiryMapper.map(summary, "mango", "RU", opened).kind());
    }

    @Test
    void outboundStartIsIgnoredAndItsLaterEventsAreUpdates() {
        CallEvent.Builder out = CallEvent.builder("c2", "newCall").direction(Direction.OUT)
                .parties(CallNumber.international("4912347114711"), CallNumber.international("4930600000000"));
        Inquiry start = CallInquiryMapper.map(out.phase(CallPhase.STARTED).build(), "sipgate", "DE");
        assertEquals(Kind.IGNORED, start.kind());
        assertEquals(Reason.OUTBOUND_CALL, start.reason());
        assertEquals(List.of("+4912347114711"), start.contact().phones());
        assertEquals(CallDirection.OUT, start.call().direction());
        Inquiry end = CallInquiryMapper.map(CallEvent.builder("c2", "hangup").direction(Direction.OUT)
                .phase(CallPhase.ENDED).build(), "sipgate", "DE");
        assertEquals(Kind.UPDATE, end.kind());
        assertNull(end.reason());
        assertNull(end.call().missed());
    }

    @Test
    void internalCallsAreIgnored() {
        Inquiry i = CallInquiryMapper.map(CallEvent.builder("c3", "Appeared").direction(Direction.INTERNAL)
                .phase(CallPhase.STARTED).agent("101").build(), "mango", "RU");
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.INTERNAL_CALL, i.reason());
        assertNull(i.call());
    }

    @Test
    void sipUrisAndWithheldNumbersNeverBecomePhones() {
        Inquiry sip = CallInquiryMapper.map(in("call", CallPhase.STARTED)
                .parties(CallNumber.asWritten("sip:alice@example.com"), null).build(), "twilio", "US");
        assertTrue(sip.contact().phones().isEmpty());
        assertTrue(sip.contact().rawPhones().isEmpty());
        assertEquals("sip:alice@example.com", sip.extra().get("customerUri"));
        Inquiry hidden = CallInquiryMapper.map(in("newCall", CallPhase.STARTED)
                .parties(CallNumber.international("anonymous"), null).build(), "sipgate", "DE");
        assertTrue(hidden.contact().phones().isEmpty());
        assertTrue(hidden.contact().rawPhones().isEmpty());
        Inquiry twilioAnonymous = CallInquiryMapper.map(in("ringing", CallPhase.RINGING)
                .parties(CallNumber.asWritten("+266696687"), null).build(), "twilio", "US");
        assertTrue(twilioAnonymous.contact().phones().isEmpty(), "Twilio's ANONYMOUS on the keypad");
    }

    @Test
    void internationalDigitsIgnoreTheChannelRegionAndOddLinesStayRaw() {
        Inquiry i = CallInquiryMapper.map(in("summary", CallPhase.ENDED).summary(true)
                .parties(CallNumber.international("79197212620"), CallNumber.international("7800123456789"))
                .build(), "mango", "DE");
        assertEquals(List.of("+79197212620"), i.contact().phones());
        assertEquals("7800123456789", i.extra().get("line"));
    }
}
