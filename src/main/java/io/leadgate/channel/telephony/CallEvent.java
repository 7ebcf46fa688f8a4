package io.leadgate.channel.telephony;

import io.leadgate.inquiry.AnsweredBy;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallPhase;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call event in the family's shared vocabulary. Every telephony provider translates its own events (Twilio
 * CallStatus, sipgate newCall/answer/hangup, Placetel IncomingCall/…, Mango call_state, Zadarma NOTIFY_*) into
 * these; {@link CallInquiryMapper} and {@link CallState} then work the same for all of them.
 *
 * @param externalId     the provider's idempotency key for this event ({@code callId:event[:seq]})
 * @param callId         the provider's id of the whole call (Mango: {@code entry_id})
 * @param direction      the call's direction, or null when the event does not say (sipgate dtmf)
 * @param event          the provider's own name of the event ({@code newCall}, {@code completed}, …)
 * @param summary        true when the event is the provider's complete record of a finished call (Mango summary)
 * @param customer       the client's number (caller of an inbound call, callee of an outbound one), or null
 * @param ourLine        the company's number the call came in on or went out from; never a contact
 * @param agent          the employee or extension involved (the one who answered, on answer events)
 * @param answeredBy     who answered, where the event says so
 * @param cause          the provider's hangup cause or disposition
 * @param extra          provider facts without a field of their own
 */
public record CallEvent(String externalId, String callId, Direction direction, CallPhase phase, String event,
                        boolean summary, CallNumber customer, String customerName, CallNumber ourLine, String agent,
                        AnsweredBy answeredBy, String cause, Instant occurredAt, Long durationSeconds,
                        String recordingUrl, String parentCallId, Map<String, String> extra) {

    /** Which way the call goes, seen from the company. */
    public enum Direction {
        IN("in"), OUT("out"), INTERNAL("internal");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The direction handed on with the inquiry; null for an internal call (it never leaves the adapter). */
        public CallDirection call() {
            return switch (this) {
                case IN -> CallDirection.IN;
                case OUT -> CallDirection.OUT;
                case INTERNAL -> null;
            };
        }

        /** The vocabulary's direction for the one handed on with an inquiry (null stays null). */
        public static Direction of(CallDirection direction) {
            return direction == null ? null : direction == CallDirection.IN ? IN : OUT;
        }
    }

    public CallEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(event, "event");
        externalId = externalId == null ? callId + ":" + event : externalId;
        answeredBy = answeredBy == null && phase == CallPhase.ANSWERED ? AnsweredBy.SOMEONE : answeredBy;
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * True when the event opens the call for sales: its start, its ringing, or a whole-call summary. A leg that
     * continues another call (a transfer, a dialled agent: {@code parentCallId} set) opens nothing.
     */
    public boolean opening() {
        return summary || parentCallId == null && (phase == CallPhase.STARTED || phase == CallPhase.RINGING);
    }

    public static Builder builder(String callId, String event) {
        return new Builder(callId, event);
    }

    /** Builds an event step by step; null values are simply absent. */
    public static final class Builder {
        private final String callId;
        private final String event;
        private String externalId;
        private Direction direction;
        private CallPhase phase = CallPhase.OTHER;
        private boolean summary;
        private CallNumber customer;
        private String customerName;
        private CallNumber ourLine;
        private String agent;
        private AnsweredBy answeredBy;
        private String cause;
        private Instant occurredAt;
        private Long durationSeconds;
        private String recordingUrl;
        private String parentCallId;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(String callId, String event) {
            this.callId = callId;
            this.event = event;
        }

        /** Sets the idempotency key from parts joined by {@code :}; null parts are left out. */
        public Builder key(Object... parts) {
            StringBuilder key = new StringBuilder();
            for (Object part : parts) {
                if (part != null && !part.toString().isEmpty()) {
                    key.append(key.isEmpty() ? "" : ":").append(part);
                }
            }
            this.externalId = key.toString();
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder phase(CallPhase phase) {
            this.phase = phase;
            return this;
        }

        public Builder summary(boolean summary) {
            this.summary = summary;
            return this;
        }

        /** The client's and the company's numbers; which is which follows the direction. */
        public Builder parties(CallNumber customer, CallNumber ourLine) {
            this.customer = customer;
            this.ourLine = ourLine;
            return this;
        }

        public Builder customerName(String customerName) {
            this.customerName = blankToNull(customerName);
            return this;
        }

        public Builder agent(String agent) {
            this.agent = blankToNull(agent);
            return this;
        }

        public Builder answeredBy(AnsweredBy answeredBy) {
            this.answeredBy = answeredBy;
            return this;
        }

        public Builder cause(String cause) {
            this.cause = blankToNull(cause);
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder durationSeconds(Long durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        public Builder recordingUrl(String recordingUrl) {
            this.recordingUrl = blankToNull(recordingUrl);
            return this;
        }

        public Builder parentCallId(String parentCallId) {
            this.parentCallId = blankToNull(parentCallId);
            return this;
        }

        public Builder extra(String key, String value) {
            if (value != null && !value.isBlank()) {
                extra.put(key, value);
            }
            return this;
        }

        public CallEvent build() {
            return new CallEvent(externalId, callId, direction, phase, event, summary, customer, customerName,
                    ourLine, agent, answeredBy, cause, occurredAt, durationSeconds, recordingUrl, parentCallId, extra);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
