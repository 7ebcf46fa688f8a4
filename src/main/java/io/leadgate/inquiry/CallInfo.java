package io.leadgate.inquiry;

/**
 * The call an inquiry belongs to, for telephony channels.
 *
 * @param direction       inbound or outbound (null: the event does not say)
 * @param event           the provider's event name
 * @param missed          whether sales missed the call, as far as known after this event (null: still open)
 * @param phase           where this event puts the call
 * @param answeredBy      who answered, when this event says
 * @param durationSeconds the talk or call duration the event reports
 * @param line            the company's number the call came in on (E.164 where possible)
 * @param opening         true when the event opens the call for sales (its start or ringing, or a whole-call
 *                        summary); false for a leg that continues another call and for every later event
 */
public record CallInfo(String callId, CallDirection direction, String event, Boolean missed, CallPhase phase,
                       AnsweredBy answeredBy, Long durationSeconds, String recordingUrl, String line, boolean opening) {

    /** Ids and numbers bounded as identifiers, the event name as a code ({@link Limits}). */
    public CallInfo {
        callId = Limits.identifier(callId);
        event = Limits.clip(event, Limits.CODE);
        line = Limits.identifier(line);
    }

    public CallInfo(String callId, CallDirection direction, String event, Boolean missed) {
        this(callId, direction, event, missed, null, null, null, null, null, false);
    }

    /** The call id, direction, event and missed flag alone. */
    public CallInfo withoutDetails() {
        return new CallInfo(callId, direction, event, missed);
    }
}
