package io.leadgate.delivery.webhook;

/** A webhook operation that does not fit the current state (answers 409); the message is shown to the caller. */
public class WebhookConflictException extends RuntimeException {

    public WebhookConflictException(String message) {
        super(message);
    }
}
