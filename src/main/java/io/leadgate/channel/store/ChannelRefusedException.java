package io.leadgate.channel.store;

/** A channel write the API refuses, with the status it answers and a message naming the key; never a value. */
public class ChannelRefusedException extends RuntimeException {

    /** Why: a bad definition (400), no such channel (404), or a conflict with what exists (409). */
    public enum Reason {
        INVALID(400), NOT_FOUND(404), CONFLICT(409);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public ChannelRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
