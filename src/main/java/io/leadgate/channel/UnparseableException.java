package io.leadgate.channel;

/** A verified body that cannot be read as the provider's format. The raw request is kept for replay. */
public class UnparseableException extends Exception {
    public UnparseableException(String message) {
        super(message);
    }

    public UnparseableException(String message, Throwable cause) {
        super(message, cause);
    }
}
