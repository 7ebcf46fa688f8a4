package io.leadgate.delivery.webhook;

/** A refused webhook request; the message is shown to the caller as {@code {"error": …}}. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message) {
        super(message);
    }
}
