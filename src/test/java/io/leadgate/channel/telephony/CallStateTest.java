package io.leadgate.channel.telephony;

import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallStateTest {

    private static final CallNumber CLIENT = CallNumber.international("4912347114711");
    private static final CallNumber LINE = CallNumber.international("4930600000000");

    private static CallEvent.Builder event(String name, CallPhase phase, long second) {
        return CallEvent.builder("c1", name).direction(Direction.IN).phase(phase).parties(CLIENT, LINE)
                .occurredAt(Instant.ofEpochSecond(1_700_000_000L + second));
    }

    private static final CallEvent START = event("newCall", CallPhase.STARTED, 0).agent("user 1, user 2").build();
    private static final CallEvent RING = event("ringing", CallPhase.RINGING, 1).build();
    private static final CallEvent ANSWER = event("answer", CallPhase.ANSWERED, 5).agent("user 1")
            .answeredBy(AnsweredBy.AGENT).build();
    private static final CallEvent HANGUP = event("hangup", CallPhase.ENDED, 65).cause("normalClearing")
            .answeredBy(AnsweredBy.SOMEONE).durationSeconds(60L).build();
    private static final CallEvent RECORD = event("recording", CallPhase.RECORDING, 70)
            .recordingUrl("https://example.com/r.mp3").build();

    @Test
    void everyOrderOfTheSameEventsGivesTheSameState() {
        List<CallEvent> events = List.of(START, RING, ANSWER, HANGUP, RECORD);
        CallState expected = CallState.of(events);
        for (List<CallEvent> order : permutations(events)) {
            assertEquals(expected, CallState.of(order), "order " + order.stream().map(CallEvent::event).toList());
        }
        assertEquals(CallPhase.ENDED, expected.phase());
        assertEquals("user 1", expected.agent());
        assertEquals("normalClearing", expected.cause());
        assertEquals(60L, expected.durationSeconds());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), expected.firstSeen());
        assertEquals(Instant.ofEpochSecond(1_700_000_070L), expected.lastSeen());
        assertTrue(expected.recorded());
        assertFalse(expected.missed());
    }

    @Test
    void duplicatedEventsChangeNothing() {
        CallState once = CallState.of(List.of(START, ANSWER, HANGUP));
        assertEquals(once, CallState.of(List.of(START, START, ANSWER, HANGUP, ANSWER, HANGUP, START)));
        assertEquals(once, once.fold(HANGUP).fold(START));
    }

    @Test
    void endedIsNeverUndoneByALateRinging() {
        CallState state = CallState.of(List.of(START, HANGUP)).fold(RING);
        assertEquals(CallPhase.ENDED, state.phase());
        assertTrue(state.ended());
    }

    @Test
    void answeredStaysAnswered() {
        CallEvent busyLater = event("hangup", CallPhase.ENDED, 9).answeredBy(AnsweredBy.NOBODY).cause("busy").build();
        CallState state = CallState.of(List.of(START, ANSWER)).fold(busyLater);
        assertTrue(state.answered());
        assertEquals(AnsweredBy.AGENT, state.answeredBy());
        assertFalse(state.missed());
    }

    @Test
    void inboundCallEndedWithoutAnswerIsMissed() {
        CallEvent cancel = event("hangup", CallPhase.ENDED, 20).cause("cancel").answeredBy(AnsweredBy.NOBODY).build();
        assertTrue(CallState.of(List.of(START, cancel)).missed());
        assertTrue(CallState.of(List.of(cancel, START)).missed());
        CallEvent silentEnd = event("Disconnected", CallPhase.ENDED, 20).build();
        assertTrue(CallState.of(List.of(START, silentEnd)).missed(), "start seen, end seen, nobody answered");
        assertNull(CallState.EMPTY.fold(silentEnd).missed(), "an end alone does not tell");
    }

    @Test
    void voicemailOnlyIsMissedEvenBeforeTheEnd() {
        CallEvent voicemail = event("answer", CallPhase.ANSWERED, 20).answeredBy(AnsweredBy.VOICEMAIL).build();
        assertTrue(CallState.of(List.of(START, voicemail)).missed());
        assertTrue(CallState.of(List.of(HANGUP, voicemail, START)).missed(), "normal clearing after voicemail");
        assertFalse(CallState.of(List.of(voicemail, ANSWER)).missed(), "an agent took it after all");
    }

    @Test
    void ringingCallIsNotYetMissedAndOutboundCallsNeverAre() {
        assertNull(CallState.of(List.of(START, RING)).missed());
        CallEvent outStart = CallEvent.builder("c2", "newCall").direction(Direction.OUT).phase(CallPhase.STARTED).build();
        CallEvent outEnd = CallEvent.builder("c2", "hangup").direction(Direction.OUT).phase(CallPhase.ENDED)
                .answeredBy(AnsweredBy.NOBODY).build();
        assertNull(CallState.of(List.of(outStart, outEnd)).missed());
    }

    @Test
    void anAnswerEventWithoutWhoCountsAsAnswered() {
        CallEvent answered = CallEvent.builder("c1", "in-progress").phase(CallPhase.ANSWERED).build();
        assertEquals(AnsweredBy.SOMEONE, answered.answeredBy());
    }

    @Test
    void refusesEventsOfAnotherCall() {
        CallEvent other = CallEvent.builder("c9", "newCall").phase(CallPhase.STARTED).build();
        assertThrows(IllegalArgumentException.class, () -> CallState.of(List.of(START)).fold(other));
    }

    private static List<List<CallEvent>> permutations(List<CallEvent> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<CallEvent>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<CallEvent> rest = new ArrayList<>(items);
            CallEvent head = rest.remove(i);
            for (List<CallEvent> tail : permutations(rest)) {
                List<CallEvent> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
