package io.leadgate.channel.telephony;

import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.time.Instant;

/**
 * The family's one pipeline after the vocabulary step: a {@link CallEvent} becomes an {@link Inquiry} of channel
 * {@code phone}. Pure. The write path folds the same events into the call's stored {@link CallState}.
 *
 * <ul>
 *   <li>Inbound: the opening event (start, ringing, or a whole-call summary) is {@link Kind#LEAD} — a new number
 *       creates a lead, a known client's open lead is extended by the write path — unless {@code prior} shows the
 *       call was already opened; every other event is {@link Kind#UPDATE}.</li>
 *   <li>Outbound calls are never leads: their start (and ringing) is {@link Kind#IGNORED} with reason
 *       {@code outbound-call}, later events are updates. Internal calls are ignored ({@code internal-call}).</li>
 *   <li>{@link CallInfo#missed()} is {@link CallState#missed()} after this event: true for an inbound call that
 *       ended unanswered or was taken only by voicemail.</li>
 *   <li>The client's number goes to the contact (E.164; SIP URIs and withheld numbers never do); the company's
 *       line goes to extra {@code line} and never to the contact.</li>
 * </ul>
 */
public final class CallInquiryMapper {

    private CallInquiryMapper() {
    }

    /** Maps an event on its own, as a stateless parse does: every opening inbound event is a lead. */
    public static Inquiry map(CallEvent e, String provider, String region) {
        return map(e, provider, region, CallState.EMPTY);
    }

    /**
     * Maps an event knowing what was folded of the same call before it ({@link CallState#EMPTY} when nothing),
     * so that a call opened by an earlier event gives no second lead.
     */
    public static Inquiry map(CallEvent e, String provider, String region, CallState prior) {
        CallState after = prior.fold(e);
        Inquiry.Builder b = Inquiry.builder(ChannelFamily.PHONE, provider)
                .externalId(e.externalId())
                .occurredAt(e.occurredAt());
        if (e.direction() == Direction.INTERNAL) {
            b.kind(Kind.IGNORED, Reason.INTERNAL_CALL).extra("callId", e.callId());
        } else {
            b.kind(kind(e, prior), e.direction() == Direction.OUT && !isUpdate(e) ? Reason.OUTBOUND_CALL : null)
                    .call(new CallInfo(e.callId(), e.direction() == null ? null : e.direction().call(), e.event(),
                            after.missed(), e.phase(),
                            e.answeredBy(),
                            e.durationSeconds(), e.recordingUrl(),
                            e.ourLine() == null ? null : e.ourLine().e164OrWritten(region), e.opening()));
        }
        ContactInfoBuilder contact = new ContactInfoBuilder(region).name(e.customerName());
        if (e.customer() != null) {
            e.customer().addTo(contact);
            if (e.customer().isUri()) {
                b.extra("customerUri", e.customer().written());
            }
        }
        b.contact(contact.build())
                .extra("line", e.ourLine() == null ? null : e.ourLine().e164OrWritten(region))
                .extra("agent", e.agent())
                .extra("cause", e.cause())
                .extra("duration", e.durationSeconds() == null ? null : e.durationSeconds().toString())
                .extra("recordingUrl", e.recordingUrl())
                .extra("parentCallId", e.parentCallId());
        e.extra().forEach(b::extra);
        return b.build();
    }

    /** An accepted delivery that is not a call event (an SMS report, a ping): ignored, with no contact. */
    public static Inquiry serviceEvent(String provider, String externalId, Instant occurredAt, String event) {
        return Inquiry.builder(ChannelFamily.PHONE, provider).kind(Kind.IGNORED, Reason.SERVICE_EVENT)
                .externalId(externalId).occurredAt(occurredAt).extra("event", event).build();
    }

    private static Kind kind(CallEvent e, CallState prior) {
        if (e.direction() == Direction.OUT) {
            return isUpdate(e) ? Kind.UPDATE : Kind.IGNORED;
        }
        return e.direction() == Direction.IN && e.opening() && !prior.opened() ? Kind.LEAD : Kind.UPDATE;
    }

    /** For outbound calls: everything after the start is an update. */
    private static boolean isUpdate(CallEvent e) {
        return e.summary() || !e.opening();
    }
}
