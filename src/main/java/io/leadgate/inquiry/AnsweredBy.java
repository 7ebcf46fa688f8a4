package io.leadgate.inquiry;

import java.util.Locale;

/**
 * Who took a call ({@link CallInfo#answeredBy()}), in rising precedence: a later, stronger answer is never undone by a
 * weaker one. {@link #code()} is how call records and inquiry JSON write it.
 */
public enum AnsweredBy {
    /** Nobody: busy, cancelled, no answer. */
    NOBODY,
    /** Answered, by whom unknown (e.g. a hangup after a normal conversation). */
    SOMEONE,
    /**
     * The telephony itself (an IVR, a queue, a {@code <Dial>} that rang out) and no person: missed for sales. It
     * outranks SOMEONE because a provider that "answers" every call it runs a script for (Twilio's {@code completed})
     * says nothing about who talked.
     */
    UNTAKEN,
    /** A voicemail box: missed for sales. */
    VOICEMAIL,
    /** An employee. */
    AGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
