package io.leadgate.channel.telephony.placetel;

import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.channel.telephony.CallNumber;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * Placetel notify events in the family's vocabulary: {@code IncomingCall}/{@code OutgoingCall} → STARTED,
 * {@code CallAccepted} → ANSWERED (by voicemail when {@code peer}/{@code user} say so), {@code HungUp} → ENDED
 * with {@code type} as cause. Numbers are national as dialled in Germany, read in the channel's region. The
 * direction comes from {@code direction}; older deliveries without it are outbound only for OutgoingCall. On an
 * outgoing call {@code from} is the calling SIP user, kept as the agent rather than as our line.
 */
final class PlacetelEvents {

    private PlacetelEvents() {
    }

    static CallEvent read(FormParams p) throws UnparseableException {
        String event = p.require("event", "Placetel");
        String callId = p.require("call_id", "Placetel");
        Direction direction = "out".equals(p.get("direction")) || ("OutgoingCall".equals(event)
                && !"in".equals(p.get("direction"))) ? Direction.OUT : Direction.IN;
        CallNumber from = CallNumber.asWritten(p.get("from"));
        CallNumber to = CallNumber.asWritten(p.get("to"));
        CallNumber customer = direction == Direction.OUT ? to : from;
        CallNumber line = direction == Direction.OUT ? from : to;
        String sipUser = line != null && line.isUri() ? line.written() : null;
        CallEvent.Builder b = CallEvent.builder(callId, event)
                .direction(direction)
                .parties(customer, sipUser == null ? line : null)
                .agent(sipUser);
        return switch (event) {
            case "IncomingCall", "OutgoingCall" -> b.phase(CallPhase.STARTED).build();
            case "CallAccepted" -> accepted(b, p);
            case "HungUp" -> b.phase(CallPhase.ENDED).cause(p.get("type")).answeredBy(hangup(p.get("type")))
                    .durationSeconds(p.number("duration")).build();
            default -> b.phase(CallPhase.OTHER).build();
        };
    }

    private static CallEvent accepted(CallEvent.Builder b, FormParams p) {
        String peer = first(p.get("peer"), p.get("user"));
        boolean voicemail = voicemail(peer, p.get("type"));
        return b.phase(CallPhase.ANSWERED).answeredBy(voicemail ? AnsweredBy.VOICEMAIL : AnsweredBy.AGENT)
                .agent(voicemail ? null : peer).extra("peer", voicemail ? peer : null).build();
    }

    /** Hangup types: accepted (talked), voicemail, and the unanswered ones. */
    private static AnsweredBy hangup(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "accepted" -> AnsweredBy.SOMEONE;
            case "voicemail" -> AnsweredBy.VOICEMAIL;
            case "missed", "blocked", "busy", "canceled", "unavailable", "congestion" -> AnsweredBy.NOBODY;
            default -> null;
        };
    }

    private static boolean voicemail(String... values) {
        return Stream.of(values).anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains("voicemail"));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
