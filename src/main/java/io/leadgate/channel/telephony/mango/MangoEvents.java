package io.leadgate.channel.telephony.mango;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEvent.Direction;
import io.leadgate.channel.telephony.CallNumber;
import io.leadgate.channel.telephony.mango.MangoPayloads.CallLeg;
import io.leadgate.channel.telephony.mango.MangoPayloads.Dtmf;
import io.leadgate.channel.telephony.mango.MangoPayloads.Party;
import io.leadgate.channel.telephony.mango.MangoPayloads.Recording;
import io.leadgate.channel.telephony.mango.MangoPayloads.Summary;
import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallPhase;
import io.leadgate.inquiry.Timestamps;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Mango Office notifications in the family's vocabulary. The whole call is the {@code entry_id}; its legs
 * ({@code call_id}) report {@code call_state}: Appeared → STARTED (RINGING when it appears at an employee),
 * Connected at an employee → ANSWERED, OnHold → OTHER, Disconnected → ENDED. The summary is the call's complete
 * record ({@code talk_time} 0 = nobody answered). The side with an {@code extension} is the employee, the other one
 * the client; both with extensions is an internal call. Numbers are international digits without {@code +};
 * {@code line_number} is the company's line.
 */
final class MangoEvents {

    /** What a notification is about, from the path Mango appends to the hook URL. */
    enum Topic { CALL, SUMMARY, RECORDING, DTMF, OTHER }

    private static final ObjectMapper JSON = new ObjectMapper();

    private MangoEvents() {
    }

    static Topic topic(String subPath) {
        String path = subPath.toLowerCase(Locale.ROOT);
        for (Topic t : Topic.values()) {
            if (path.endsWith("/events/" + t.name().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return Topic.OTHER;
    }

    static CallEvent read(Topic topic, String json) throws UnparseableException {
        return switch (topic) {
            case CALL -> call(parse(json, CallLeg.class));
            case SUMMARY -> summary(parse(json, Summary.class));
            case RECORDING -> recording(parse(json, Recording.class));
            case DTMF -> dtmf(parse(json, Dtmf.class));
            case OTHER -> throw new IllegalArgumentException("not a call notification");
        };
    }

    /** The key of a notification that is not about a call (an SMS report): its {@code command_id}, if any. */
    static String serviceKey(String subPath, String json) {
        try {
            JsonNode id = JSON.readTree(json).path("command_id");
            return id.isMissingNode() || id.isNull() ? null : subPath + ":" + id.asText();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static CallEvent call(CallLeg leg) throws UnparseableException {
        String entry = require(leg.entryId(), "entry_id");
        Sides s = new Sides(leg.from(), leg.to(), null);
        String state = leg.callState() == null ? "unknown" : leg.callState();
        boolean atEmployee = leg.location() == null || leg.location().equals("abonent");
        CallEvent.Builder b = s.apply(CallEvent.builder(entry, state))
                .key(entry, leg.callId(), leg.seq())
                .occurredAt(epoch(leg.timestamp()))
                .extra("legId", leg.callId())
                .extra("location", leg.location());
        return switch (state) {
            case "Appeared" -> b.phase(atEmployee && leg.location() != null ? CallPhase.RINGING : CallPhase.STARTED).build();
            case "Connected" -> atEmployee ? b.phase(CallPhase.ANSWERED)
                    .answeredBy(s.agent() != null ? AnsweredBy.AGENT : AnsweredBy.SOMEONE).build()
                    : b.phase(CallPhase.OTHER).build();
            case "Disconnected" -> b.phase(CallPhase.ENDED).cause(leg.disconnectReason()).build();
            default -> b.phase(CallPhase.OTHER).build();
        };
    }

    private static CallEvent summary(Summary sum) throws UnparseableException {
        String entry = require(sum.entryId(), "entry_id");
        Direction direction = sum.callDirection() == null ? null : switch (sum.callDirection()) {
            case 0 -> Direction.INTERNAL;
            case 2 -> Direction.OUT;
            default -> Direction.IN;
        };
        Sides s = new Sides(sum.from(), sum.to(), direction);
        boolean talked = positive(sum.talkTime());
        Long ended = positive(sum.endTime()) ? sum.endTime() : null;
        return s.apply(CallEvent.builder(entry, "summary"))
                .key(entry, "summary")
                .phase(CallPhase.ENDED)
                .summary(true)
                .parties(s.customer(), sum.lineNumber() != null ? CallNumber.international(sum.lineNumber()) : s.line())
                .answeredBy(!talked ? AnsweredBy.NOBODY : s.agent() != null ? AnsweredBy.AGENT : AnsweredBy.SOMEONE)
                .durationSeconds(ended == null ? null : talked ? Math.max(0, ended - sum.talkTime()) : 0L)
                .occurredAt(epoch(ended != null ? ended : sum.createTime()))
                .cause(sum.disconnectReason())
                .extra("entryResult", sum.entryResult() == null ? null : sum.entryResult().toString())
                .build();
    }

    private static CallEvent recording(Recording r) throws UnparseableException {
        String entry = require(r.entryId(), "entry_id");
        return CallEvent.builder(entry, "recording")
                .key(entry, r.callId(), "recording", r.recordingId(), r.recordingState())
                .phase(CallPhase.RECORDING)
                .occurredAt(epoch(r.timestamp()))
                .extra("legId", r.callId())
                .extra("recordingId", r.recordingId())
                .extra("recordingState", r.recordingState())
                .build();
    }

    private static CallEvent dtmf(Dtmf d) throws UnparseableException {
        String entry = require(d.entryId(), "entry_id");
        return CallEvent.builder(entry, "dtmf")
                .key(entry, d.callId(), "dtmf", d.seq())
                .phase(CallPhase.OTHER)
                .occurredAt(epoch(d.timestamp()))
                .extra("legId", d.callId())
                .extra("dtmf", d.dtmf())
                .build();
    }

    /** Who is who on a leg or summary: the employee side has an extension. */
    private record Sides(Party from, Party to, Direction direction) {

        Sides {
            from = from == null ? Party.NONE : from;
            to = to == null ? Party.NONE : to;
            if (direction == null) {
                direction = from.employee() && to.employee() ? Direction.INTERNAL
                        : from.employee() ? Direction.OUT : Direction.IN;
            }
        }

        Party client() {
            return direction == Direction.OUT ? to : direction == Direction.IN ? from : Party.NONE;
        }

        Party company() {
            return direction == Direction.OUT ? from : to;
        }

        CallNumber customer() {
            return CallNumber.international(client().number());
        }

        CallNumber line() {
            String line = company().lineNumber() != null ? company().lineNumber()
                    : from.lineNumber() != null ? from.lineNumber() : to.lineNumber();
            return CallNumber.international(line);
        }

        String agent() {
            return direction == Direction.INTERNAL ? from.extension() : company().extension();
        }

        CallEvent.Builder apply(CallEvent.Builder b) {
            return b.direction(direction).parties(customer(), line()).agent(agent());
        }
    }

    private static <T> T parse(String json, Class<T> type) throws UnparseableException {
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw new UnparseableException("Mango Office 'json' field is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new UnparseableException("Mango Office 'json' field is not a " + type.getSimpleName()
                    + " object: " + e.getOriginalMessage());
        }
    }

    private static String require(String value, String name) throws UnparseableException {
        if (value == null || value.isBlank()) {
            throw new UnparseableException("Mango Office notification without '" + name + "'");
        }
        return value;
    }

    private static boolean positive(Long v) {
        return v != null && v > 0;
    }

    private static Instant epoch(Long seconds) {
        return Timestamps.epochSeconds(seconds);
    }
}
