package io.leadgate.channel.telephony;

import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;

import java.time.Instant;
import java.util.Comparator;

/**
 * What is known about one call after some of its events, folded in any order: a pure reducer for the call record.
 * Every field is merged by a rule that does not care about order or repetition (the furthest phase, the strongest
 * answer, the longest duration, the earliest and latest time, "ever seen"; for text the smallest value, taken from
 * the events that speak about it), so an ENDED is never undone by a late RINGING, an answered call stays answered,
 * and a redelivered event changes nothing. Persistence and ordering of the record are the write path's business.
 *
 * @param phase          the furthest of STARTED → RINGING → ANSWERED → ENDED seen, or null
 * @param opened         true once an opening event (start, ringing, whole-call summary) was seen
 * @param answeringAgent the agent named by an answer event
 * @param notifiedAgent  the agent(s) named by any other event (e.g. the users a call rang for)
 * @param cause          the hangup cause, from ENDED events
 */
public record CallState(String callId, Direction direction, CallPhase phase, boolean opened, AnsweredBy answeredBy,
                        boolean recorded, CallNumber customer, CallNumber ourLine, String answeringAgent,
                        String notifiedAgent, String cause, Long durationSeconds, String recordingUrl,
                        Instant firstSeen, Instant lastSeen) {

    /** Nothing known yet. */
    public static final CallState EMPTY = new CallState(null, null, null, false, null, false, null, null, null, null,
            null, null, null, null, null);

    /** Folds events of one call, in whatever order they came. */
    public static CallState of(Iterable<CallEvent> events) {
        CallState state = EMPTY;
        for (CallEvent e : events) {
            state = state.fold(e);
        }
        return state;
    }

    /** This state with one more event of the same call. */
    public CallState fold(CallEvent e) {
        if (callId != null && !callId.equals(e.callId())) {
            throw new IllegalArgumentException("event of call " + e.callId() + " folded into call " + callId);
        }
        CallPhase p = e.phase().progresses() ? e.phase() : null;
        return new CallState(e.callId(),
                min(direction, e.direction()),
                max(phase, p),
                opened || e.opening(),
                max(answeredBy, e.answeredBy()),
                recorded || e.phase() == CallPhase.RECORDING || e.recordingUrl() != null,
                min(customer, e.customer()),
                min(ourLine, e.ourLine()),
                e.phase() == CallPhase.ANSWERED ? min(answeringAgent, e.agent()) : answeringAgent,
                e.phase() == CallPhase.ANSWERED ? notifiedAgent : min(notifiedAgent, e.agent()),
                e.phase() == CallPhase.ENDED ? min(cause, e.cause()) : cause,
                max(durationSeconds, e.durationSeconds()),
                min(recordingUrl, e.recordingUrl()),
                min(firstSeen, e.occurredAt()),
                max(lastSeen, e.occurredAt()));
    }

    /** The agent who answered, else the one(s) the call was offered to. */
    public String agent() {
        return answeringAgent != null ? answeringAgent : notifiedAgent;
    }

    public boolean ended() {
        return phase == CallPhase.ENDED;
    }

    /** Whether a person or a voicemail box took the call (not only the telephony's own script). */
    public boolean answered() {
        return answeredBy != null && answeredBy != AnsweredBy.NOBODY && answeredBy != AnsweredBy.UNTAKEN;
    }

    /**
     * Whether sales missed this inbound call: answered only by voicemail or by the telephony's own script (a dial
     * nobody took), or ended without anyone answering.
     * False once someone answered; null while that is open, and for calls that are not inbound.
     */
    public Boolean missed() {
        if (direction != Direction.IN) {
            return null;
        }
        if (answeredBy == AnsweredBy.AGENT || answeredBy == AnsweredBy.SOMEONE) {
            return false;
        }
        if (answeredBy == AnsweredBy.VOICEMAIL || answeredBy == AnsweredBy.UNTAKEN) {
            return true;
        }
        if (ended() && (answeredBy == AnsweredBy.NOBODY || opened)) {
            return true;
        }
        return null;
    }

    private static <T extends Comparable<? super T>> T min(T a, T b) {
        return a == null ? b : b == null ? a : Comparator.<T>naturalOrder().compare(a, b) <= 0 ? a : b;
    }

    private static <T extends Comparable<? super T>> T max(T a, T b) {
        return a == null ? b : b == null ? a : Comparator.<T>naturalOrder().compare(a, b) >= 0 ? a : b;
    }
}
