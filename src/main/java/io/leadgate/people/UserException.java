package io.leadgate.people;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A refused change to users, with a reason the API maps to 400, 404 or 409. */
public class UserException extends RuntimeException {

    /** Why a change was refused. */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    /**
     * The stable code of a refusal, which the console turns into the user's language (the API answers the English
     * message); the arguments are listed per code, in order.
     */
    public enum Refusal {
        OTHER,
        USERNAME_INVALID,
        USER_ROLE_INVALID,
        /** username */
        USER_EXISTS,
        /** the longest allowed */
        USER_DISPLAY_NAME_TOO_LONG,
        USER_LAST_ADMIN,
        /** username */
        USER_NOT_FOUND,
        /** fewest, most characters */
        USER_PASSWORD_LENGTH
    }

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
