package io.leadgate.people;

import io.leadgate.pipeline.Refusal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A refused change to users, with a reason the API maps to 400, 404 or 409. */
public class UserException extends RuntimeException {

    /** Why a change was refused. */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final Refusal refusal;
    private final List<Object> args;

    public UserException(Reason reason, String message) {
        this(reason, Refusal.OTHER, message);
    }

    public UserException(Reason reason, Refusal refusal, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.refusal = refusal;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** The stable code the console shows in the user's language; the API answers the message. */
    public Refusal refusal() {
        return refusal;
    }

    /** The refusal's arguments, in the order {@link Refusal} lists them. */
    public List<Object> args() {
        return args;
    }

    public Reason reason() {
        return reason;
    }
}
