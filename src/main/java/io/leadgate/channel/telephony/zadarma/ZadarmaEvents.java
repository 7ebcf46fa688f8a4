package io.leadgate.channel.telephony.zadarma;

import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.channel.telephony.CallNumber;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;
import io.leadgate.inquiry.Timestamps;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Zadarma PBX notifications in the family's vocabulary, keyed {@code pbx_call_id:event} (plus the extension for
 * NOTIFY_INTERNAL, which comes once per extension rung, and the recording id for NOTIFY_RECORD):
 * NOTIFY_START → inbound STARTED, NOTIFY_INTERNAL (an extension rings; always after NOTIFY_START, so it must not
 * open the call a second time) → OTHER, NOTIFY_ANSWER → ANSWERED by the
 * extension, NOTIFY_END → ENDED ({@code disposition} {@code answered} or not), NOTIFY_OUT_START/NOTIFY_OUT_END →
 * outbound STARTED/ENDED, NOTIFY_RECORD → RECORDING, NOTIFY_IVR → OTHER. Numbers are read as international
 * digits; {@code called_did} is the company's line. {@code call_start} is local time of the PBX without a zone:
 * it becomes {@code occurredAt} only when the channel sets {@code timezone}, and is kept as {@code callStart}.
 */
final class ZadarmaEvents {

    /** The events that are calls; others (SMS, SPEECH_RECOGNITION) are service events. */
    static final Set<String> CALL_EVENTS = Set.of("NOTIFY_START", "NOTIFY_INTERNAL", "NOTIFY_ANSWER", "NOTIFY_END",
            "NOTIFY_OUT_START", "NOTIFY_OUT_END", "NOTIFY_RECORD", "NOTIFY_IVR");
    private static final DateTimeFormatter CALL_START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ZadarmaEvents() {
    }

    static CallEvent read(FormParams p, ZoneId zone) throws UnparseableException {
        String event = p.require("event", "Zadarma");
        String callId = p.require("pbx_call_id", "Zadarma");
        boolean out = event.startsWith("NOTIFY_OUT_");
        CallNumber customer = CallNumber.international(out ? p.get("destination") : p.get("caller_id"));
        CallNumber line = CallNumber.international(out ? p.get("caller_id") : p.get("called_did"));
        CallEvent.Builder b = CallEvent.builder(callId, event)
                .direction(event.equals("NOTIFY_RECORD") ? null : out ? Direction.OUT : Direction.IN)
                .parties(customer, line)
                .agent(p.get("internal"))
                .occurredAt(time(p.get("call_start"), zone))
                .durationSeconds(p.number("duration"))
                .extra("callStart", p.get("call_start"))
                .extra("recordingId", p.get("call_id_with_rec"))
                .extra("statusCode", p.get("status_code"));
        return switch (event) {
            case "NOTIFY_START" -> b.phase(CallPhase.STARTED).build();
            case "NOTIFY_INTERNAL" -> b.phase(CallPhase.OTHER).key(callId, event, p.get("internal")).build();
            case "NOTIFY_ANSWER" -> b.phase(CallPhase.ANSWERED).answeredBy(AnsweredBy.AGENT)
                    .agent(p.get("internal") != null ? p.get("internal") : p.get("destination")).build();
            case "NOTIFY_END", "NOTIFY_OUT_END" -> b.phase(CallPhase.ENDED).cause(p.get("disposition"))
                    .answeredBy(ended(p.get("disposition"), p.get("internal"))).build();
            case "NOTIFY_OUT_START" -> b.phase(CallPhase.STARTED).build();
            case "NOTIFY_RECORD" -> b.phase(CallPhase.RECORDING).key(callId, event, p.get("call_id_with_rec")).build();
            default -> b.phase(CallPhase.OTHER).extra("dtmf", p.get("wait_dtmf[digits]")).build();
        };
    }

    /** {@code answered} is the one disposition where someone took the call. */
    private static AnsweredBy ended(String disposition, String extension) {
        if (disposition == null) {
            return null;
        }
        if (!disposition.equals("answered")) {
            return AnsweredBy.NOBODY;
        }
        return extension != null ? AnsweredBy.AGENT : AnsweredBy.SOMEONE;
    }

    /** {@code call_start} as Unix seconds, or as {@code yyyy-MM-dd HH:mm:ss} in the channel's zone when one is set. */
    private static Instant time(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                return Timestamps.epochSeconds(value);
            }
            return zone == null ? null : LocalDateTime.parse(value, CALL_START).atZone(zone).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
