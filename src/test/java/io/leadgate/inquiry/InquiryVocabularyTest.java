package io.leadgate.inquiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enums that cross the layers keep the spellings stored in the database and written in inquiry JSON. */
class InquiryVocabularyTest {

    @Test
    void reasonCodesAreTheStoredSpellings() {
        assertEquals(List.of("bounce", "honeypot", "auto-reply", "newsletter", "delivery-delayed", "delivery-status",
                        "read-receipt", "echo", "bot-message", "bot-blocked", "channel-post", "confirmation", "typing",
                        "service-event", "unsupported-event", "unsupported-update", "test-probe", "partial-response",
                        "edited-message", "deleted-message", "reaction-removed", "button-press", "button-reply",
                        "list-reply", "interactive", "outbound-call", "internal-call"),
                Arrays.stream(Reason.values()).map(Reason::code).toList());
    }

    @Test
    void reasonCodesAreDistinctAndNullStaysNull() {
        assertEquals(Reason.values().length, Arrays.stream(Reason.values()).map(Reason::code).distinct().count());
        assertNull(Reason.codeOf(null));
    }

    @Test
    void inquiryJsonWritesTheReasonAndCallVocabularyAsBefore() {
        Inquiry i = Inquiry.builder(ChannelFamily.PHONE, "sipgate").kind(Kind.UPDATE, Reason.OUTBOUND_CALL)
                .call(new CallInfo("c1", CallDirection.OUT, "hangup", true, CallPhase.ENDED, AnsweredBy.VOICEMAIL,
                        12L, null, "+4930123", false))
                .build();
        var json = InquiryJson.toJson(i);
        assertEquals("outbound-call", json.get("reason").asText());
        assertEquals("out", json.get("call").get("direction").asText());
        assertEquals("ended", json.get("call").get("phase").asText());
        assertEquals("voicemail", json.get("call").get("answeredBy").asText());

        Inquiry lead = Inquiry.builder(ChannelFamily.PHONE, "sipgate").kind(Kind.LEAD, null).build();
        assertEquals(true, InquiryJson.toJson(lead).get("reason").isNull());
    }

    @Test
    void callPhaseAndAnswerCodesAreLowerCaseNames() {
        assertEquals(List.of("started", "ringing", "answered", "ended", "recording", "other"),
                Arrays.stream(CallPhase.values()).map(CallPhase::code).toList());
        assertEquals(List.of("nobody", "someone", "untaken", "voicemail", "agent"),
                Arrays.stream(AnsweredBy.values()).map(AnsweredBy::code).toList());
    }
}
