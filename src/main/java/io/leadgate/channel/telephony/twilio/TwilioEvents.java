package io.leadgate.channel.telephony.twilio;

import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.channel.telephony.CallNumber;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;
import io.leadgate.inquiry.Timestamps;

import java.time.Instant;
import java.util.Locale;

/**
 * Twilio Voice requests (the voice URL, status callbacks, {@code <Dial>}/{@code <Gather>} actions and recording
 * callbacks) in the family's vocabulary. CallStatus {@code queued}/{@code initiated} → STARTED, {@code ringing} →
 * RINGING, {@code in-progress} → ANSWERED, {@code completed} → ENDED (answered), {@code busy}/{@code failed}/
 * {@code no-answer}/{@code canceled} → ENDED unanswered. A request without CallStatus counts as the call's start.
 *
 * <p>Twilio itself answers every inbound call it runs TwiML for, so "answered" means connected; only a
 * {@code <Dial>} result ({@code DialCallStatus}) tells whether a person at the dialled number took it. A dial nobody
 * took (no-answer, busy, failed, canceled) marks the call UNTAKEN: missed for sales, although it ends "completed".
 */
final class TwilioEvents {

    private TwilioEvents() {
    }

    static CallEvent read(FormParams p) throws UnparseableException {
        String callSid = p.require("CallSid", "Twilio");
        String status = lower(p.get("CallStatus"));
        String dialStatus = lower(p.get("DialCallStatus"));
        boolean recording = p.has("RecordingUrl") || p.has("RecordingSid");
        String event = recording ? "recording" : dialStatus != null ? "dial-" + dialStatus
                : status != null ? status : "call";
        Direction direction = direction(p.get("Direction"));
        CallNumber from = CallNumber.asWritten(first(p.get("From"), p.get("Caller")));
        CallNumber to = CallNumber.asWritten(first(p.get("To"), p.get("Called")));
        CallEvent.Builder b = CallEvent.builder(callSid, event)
                .key(callSid, event, recording ? p.get("RecordingSid") : p.get("SequenceNumber"))
                .direction(direction)
                .parties(direction == Direction.OUT ? to : from, direction == Direction.OUT ? from : to)
                .customerName(direction == Direction.IN ? p.get("CallerName") : null)
                .occurredAt(timestamp(p.get("Timestamp")))
                .durationSeconds(p.number("CallDuration"))
                .recordingUrl(p.get("RecordingUrl"))
                .parentCallId(p.get("ParentCallSid"))
                .extra("digits", p.get("Digits"))
                .extra("speech", p.get("SpeechResult"))
                .extra("forwardedFrom", p.get("ForwardedFrom"))
                .extra("dialCallSid", p.get("DialCallSid"));
        if (recording) {
            return b.phase(CallPhase.RECORDING).extra("recordingDuration", p.get("RecordingDuration")).build();
        }
        if (dialStatus != null) {
            boolean taken = dialStatus.equals("completed") || dialStatus.equals("answered");
            // Twilio answers the call itself to run the TwiML, so the call ends "completed" even when the dialled
            // people never picked up: a dial nobody took is what makes the call missed
            return b.phase(taken ? CallPhase.ANSWERED : CallPhase.OTHER).answeredBy(taken ? AnsweredBy.AGENT : AnsweredBy.UNTAKEN)
                    .cause(taken ? null : dialStatus).durationSeconds(p.number("DialCallDuration")).build();
        }
        return status(b, status).build();
    }

    private static CallEvent.Builder status(CallEvent.Builder b, String status) {
        if (status == null) {
            return b.phase(CallPhase.STARTED);
        }
        return switch (status) {
            case "queued", "initiated" -> b.phase(CallPhase.STARTED);
            case "ringing" -> b.phase(CallPhase.RINGING);
            case "in-progress", "answered" -> b.phase(CallPhase.ANSWERED).answeredBy(AnsweredBy.SOMEONE);
            case "completed" -> b.phase(CallPhase.ENDED).answeredBy(AnsweredBy.SOMEONE);
            case "busy", "failed", "no-answer", "canceled" -> b.phase(CallPhase.ENDED).answeredBy(AnsweredBy.NOBODY)
                    .cause(status);
            default -> b.phase(CallPhase.OTHER);
        };
    }

    /** {@code inbound}, {@code outbound-api}, {@code outbound-dial}; a voice request without one is inbound. */
    private static Direction direction(String direction) {
        return direction != null && direction.toLowerCase(Locale.ROOT).startsWith("outbound") ? Direction.OUT
                : Direction.IN;
    }

    /** Status callbacks carry {@code Timestamp} in RFC 1123 form ({@code Mon, 16 Aug 2010 03:45:01 +0000}). */
    private static Instant timestamp(String value) {
        return Timestamps.rfc1123(value);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
