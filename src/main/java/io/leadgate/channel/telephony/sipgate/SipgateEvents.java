package io.leadgate.channel.telephony.sipgate;

import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.channel.telephony.CallNumber;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;

/**
 * sipgate.io push events in the family's vocabulary: {@code newCall} → STARTED, {@code answer} → ANSWERED (by
 * voicemail when the answering user or number is {@code voicemail}), {@code hangup} → ENDED with its cause,
 * {@code dtmf} → OTHER. Numbers are international digits without {@code +}; {@code anonymous} callers have none.
 */
final class SipgateEvents {

    private SipgateEvents() {
    }

    static CallEvent read(FormParams p) throws UnparseableException {
        String event = p.require("event", "sipgate");
        String callId = p.require("callId", "sipgate");
        Direction direction = switch (String.valueOf(p.get("direction"))) {
            case "in" -> Direction.IN;
            case "out" -> Direction.OUT;
            default -> null;
        };
        CallNumber from = CallNumber.international(p.get("from"));
        CallNumber to = CallNumber.international(p.get("to"));
        CallEvent.Builder b = CallEvent.builder(callId, event)
                .direction(direction)
                .parties(direction == Direction.OUT ? to : from, direction == Direction.OUT ? from : to)
                .parentCallId(p.get("origCallId"))
                .extra("diversion", p.get("diversion"))
                .extra("answeringNumber", p.get("answeringNumber"));
        return switch (event) {
            case "newCall" -> b.phase(CallPhase.STARTED).agent(joined(p, "user[]"))
                    .extra("userId", joined(p, "userId[]")).extra("fullUserId", joined(p, "fullUserId[]")).build();
            case "answer" -> answer(b, p);
            case "hangup" -> b.phase(CallPhase.ENDED).cause(p.get("cause")).answeredBy(hangup(p.get("cause"))).build();
            case "dtmf" -> b.phase(CallPhase.OTHER).key(callId, event, p.get("dtmf")).extra("dtmf", p.get("dtmf")).build();
            default -> b.phase(CallPhase.OTHER).build();
        };
    }

    private static CallEvent answer(CallEvent.Builder b, FormParams p) {
        boolean voicemail = isVoicemail(p.get("user")) || isVoicemail(p.get("answeringNumber"));
        return b.phase(CallPhase.ANSWERED).answeredBy(voicemail ? AnsweredBy.VOICEMAIL : AnsweredBy.AGENT)
                .agent(voicemail ? null : p.get("user"))
                .extra("userId", p.get("userId")).extra("fullUserId", p.get("fullUserId")).build();
    }

    /** normalClearing ends a call someone took; forwarded says nothing about an answer; the rest went unanswered. */
    private static AnsweredBy hangup(String cause) {
        if (cause == null || cause.equals("forwarded")) {
            return null;
        }
        return cause.equals("normalClearing") ? AnsweredBy.SOMEONE : AnsweredBy.NOBODY;
    }

    private static boolean isVoicemail(String value) {
        return "voicemail".equalsIgnoreCase(value);
    }

    private static String joined(FormParams p, String name) {
        return p.all(name).isEmpty() ? null : String.join(", ", p.all(name));
    }
}
