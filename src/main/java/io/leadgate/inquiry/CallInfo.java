package io.leadgate.inquiry;

/** The call an inquiry belongs to, for telephony channels. {@code direction} is {@code in} or {@code out}. */
public record CallInfo(String callId, String direction, String event, Boolean missed) {
}
