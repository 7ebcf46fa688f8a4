package io.leadgate.channel;

/**
 * A verified submission refused by the channel's abuse rules (filled too fast, a field too large): answered with
 * {@link #status()} and a clear message, counted in {@code leadgate_hook_rejected_total{reason}}, nothing stored
 * or kept for replay. Thrown from {@link ChannelAdapter#parse}.
 */
public class RejectedException extends RuntimeException {

    private final int status;
    private final String reason;

    /**
     * @param status the HTTP status to answer, e.g. 413 or 422
     * @param reason a short metric code such as {@code too-fast} or {@code field-too-large}
     */
    public RejectedException(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
