package io.leadgate.people;

/** A refused change to users, with a reason the API maps to 400, 404 or 409. */
public class UserException extends RuntimeException {

    /** Why a change was refused. */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;

    public UserException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
