package io.leadgate.intake;

import io.leadgate.call.CallRecord;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.channel.telephony.CallState;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.CallPhase;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the one call-state machine, {@link CallState}, over the stored call records inside the write path's
 * transaction: the record is locked, read back into a {@link CallState}, the item's event is folded in (order and
 * repetition do not matter) and the result written back, including {@link CallState#missed()}. It also decides what
 * an event means for sales: the first event that reaches the gateway for an inbound call opens the lead (whatever
 * its phase), every later one only updates it; outbound calls never open leads.
 */
@ApplicationScoped
public class CallLedger {

    /** The call's record, locked for this transaction; a new one when the call is unknown. */
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
        boolean inbound = Direction.of(item.call().direction()) == Direction.IN
                || direction(record.direction) == Direction.IN;
        boolean opens = item.kind() == Kind.LEAD || record.events == 0;
        return inbound && record.leadId == null && opens && item.contact().identifiable() ? Kind.LEAD : Kind.UPDATE;
    }

    /**
     * Whether the call is inbound as the record knows it before this item's event is folded in, else as the item
     * says: only an inbound call links its record to the lead.
     */
    public boolean inbound(CallRecord record, Inquiry item) {
        Direction known = record.direction != null ? direction(record.direction) : Direction.of(item.call().direction());
        return known == Direction.IN;
    }

    /** Folds the item's event into the record through {@link CallState}, and links the contact and lead. */
    public void apply(CallRecord record, Inquiry item, Long contactId, Long leadId, Instant now) {
        CallEvent event = event(item);
        CallState after = state(record).fold(event);
        Instant at = item.occurredAt() != null ? item.occurredAt() : now;
        record.direction = after.direction() == null ? null : after.direction().code();
        record.phase = after.phase() == null ? null : after.phase().name();
        record.opened = after.opened();
        record.answeredBy = after.answeredBy() == null ? null : after.answeredBy().code();
        record.durationSeconds = after.durationSeconds();
        record.recordingUrl = record.recordingUrl != null ? record.recordingUrl : event.recordingUrl();
        record.missed = after.missed();
        if (record.customer == null && !item.contact().phones().isEmpty()) {
            record.customer = item.contact().phones().get(0);
        }
        record.line = record.line != null ? record.line : item.call().line();
        record.contactId = record.contactId != null ? record.contactId : contactId;
        record.leadId = record.leadId != null ? record.leadId : leadId;
        if (event.phase() == CallPhase.ANSWERED) {
            record.answeredAt = earliest(record.answeredAt, at);
        } else if (event.phase() == CallPhase.ENDED) {
            record.endedAt = latest(record.endedAt, at);
        }
        record.startedAt = earliest(record.startedAt, at);
        record.events++;
        record.lastEvent = event.event();
        record.updatedAt = now;
    }

    /** The state a record holds, as the machine's own type. */
    static CallState state(CallRecord r) {
        return new CallState(r.callId, direction(r.direction), r.phase == null ? null : CallPhase.valueOf(r.phase),
                r.opened, r.answeredBy == null ? null : AnsweredBy.valueOf(r.answeredBy.toUpperCase(Locale.ROOT)),
                r.recordingUrl != null, null, null, null, null, null, r.durationSeconds, r.recordingUrl, null, null);
    }

    /**
     * The item's call event, rebuilt from what the vocabulary step put on the inquiry ({@link CallInfo}); an event
     * that opens the call without being its start or ringing is a whole-call summary, a start or ringing that does
     * not open it continues another call.
     */
    static CallEvent event(Inquiry item) {
        CallInfo c = item.call();
        CallPhase phase = c.phase() == null ? CallPhase.OTHER : c.phase();
        boolean startOrRinging = phase == CallPhase.STARTED || phase == CallPhase.RINGING;
        return CallEvent.builder(c.callId(), c.event() == null ? "event" : c.event())
                .key(item.externalId())
                .direction(Direction.of(c.direction()))
                .phase(phase)
                .summary(c.opening() && !startOrRinging)
                .parentCallId(!c.opening() && startOrRinging
                        ? item.extra().getOrDefault("parentCallId", "continued") : null)
                .answeredBy(c.answeredBy())
                .occurredAt(item.occurredAt())
                .durationSeconds(c.durationSeconds())
                .recordingUrl(c.recordingUrl())
                .build();
    }

    /** A record's stored direction code ({@code in}, {@code out}, {@code internal}) read back. */
    private static Direction direction(String code) {
        if (code == null) {
            return null;
        }
        for (Direction d : Direction.values()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        return null;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
