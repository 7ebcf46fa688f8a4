package io.leadgate.call;

import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one call-state machine after the providers' vocabulary step, inside the write path's transaction. Events
 * arrive late, out of order and twice; the record folds them so that nothing regresses, and decides what each event
 * means for sales: the first event that reaches the gateway for an inbound call opens the lead (whatever its phase),
 * every later one only updates it; outbound calls never open leads.
 */
@ApplicationScoped
public class CallTracker {

    private static final List<String> ANSWER_STRENGTH = List.of("nobody", "someone", "voicemail", "agent");

    /** The call's record, locked for this transaction; a new one when the call is unknown (flushed by the caller). */
    public CallRecord lockOrCreate(String channelId, CallInfo call, Instant now) {
        Optional<CallRecord> existing = CallRecord.<CallRecord>find("channelId = ?1 and callId = ?2", channelId,
                call.callId()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        CallRecord record = new CallRecord();
        record.channelId = channelId;
        record.callId = call.callId();
        record.createdAt = now;
        record.updatedAt = now;
        record.persist();
        return record;
    }

    /**
     * What the item means given the call so far: a lead only for the first inbound event of a call that has no lead
     * yet and names the client; an update otherwise (a redelivered opening, a late start after the hangup).
     */
    public Kind effectiveKind(CallRecord record, Inquiry item) {
        if (item.kind() == Kind.IGNORED) {
            return Kind.IGNORED;
        }
        boolean inbound = CallDirection.IN.is(item.call().direction()) || CallDirection.IN.is(record.direction);
        boolean first = record.events == 0;
        boolean opens = item.kind() == Kind.LEAD || first;
        return inbound && record.leadId == null && opens && item.contact().identifiable() ? Kind.LEAD : Kind.UPDATE;
    }

    /** Folds the item's facts into the record. */
    public void apply(CallRecord record, Inquiry item, Long contactId, Long leadId, Instant now) {
        CallInfo call = item.call();
        Instant at = item.occurredAt() != null ? item.occurredAt() : now;
        record.direction = record.direction != null ? record.direction : call.direction();
        if (record.customer == null && !item.contact().phones().isEmpty()) {
            record.customer = item.contact().phones().get(0);
        }
        record.line = record.line != null ? record.line : call.line();
        record.contactId = record.contactId != null ? record.contactId : contactId;
        record.leadId = record.leadId != null ? record.leadId : leadId;
        String phase = call.phase() == null ? "" : call.phase();
        if (phase.equals("started") || phase.equals("ringing")) {
            record.startedAt = earliest(record.startedAt, at);
        } else if (phase.equals("answered")) {
            record.answeredAt = earliest(record.answeredAt, at);
        } else if (phase.equals("ended")) {
            record.endedAt = latest(record.endedAt, at);
        }
        record.startedAt = earliest(record.startedAt, at);
        if (call.answeredBy() != null && strength(call.answeredBy()) > strength(record.answeredBy)) {
            record.answeredBy = call.answeredBy();
        }
        if (call.durationSeconds() != null && (record.durationSeconds == null || call.durationSeconds() > record.durationSeconds)) {
            record.durationSeconds = call.durationSeconds();
        }
        record.recordingUrl = record.recordingUrl != null ? record.recordingUrl : call.recordingUrl();
        record.missed = missed(record, call.missed());
        record.events++;
        record.lastEvent = call.event();
        record.updatedAt = now;
    }

    /**
     * Whether sales missed an inbound call, from the strongest answer seen so far: a person answering means not
     * missed, voicemail means missed, whatever order the events came in; with no answer known, an event's own
     * verdict or an end without answer decides. Null while open and for calls that are not inbound.
     */
    static Boolean missed(CallRecord record, Boolean eventVerdict) {
        if (!CallDirection.IN.is(record.direction)) {
            return null;
        }
        if ("agent".equals(record.answeredBy) || "someone".equals(record.answeredBy)) {
            return false;
        }
        if ("voicemail".equals(record.answeredBy) || Boolean.TRUE.equals(eventVerdict)
                || Boolean.TRUE.equals(record.missed)) {
            return true;
        }
        if (record.endedAt != null && "nobody".equals(record.answeredBy)) {
            return true;
        }
        return Boolean.FALSE.equals(eventVerdict) ? Boolean.FALSE : record.missed;
    }

    private static int strength(String answeredBy) {
        return answeredBy == null ? -1 : ANSWER_STRENGTH.indexOf(answeredBy);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
