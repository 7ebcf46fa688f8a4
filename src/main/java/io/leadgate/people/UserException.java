package io.leadgate.people;

import io.leadgate.refusal.RefusedException;

/** A refused change to users, with a reason the API maps to 400, 404 or 409. */
public class UserException extends RefusedException {

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

    public UserException(Reason reason, String message) {
        this(reason, Refusal.OTHER, message);
    }

    public UserException(Reason reason, Refusal refusal, String message, Object... args) {
        super(refusal, message, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
