package io.leadgate.delivery.webhook;

import io.leadgate.pipeline.Refusal;
import io.leadgate.refusal.RefusedException;

/** A webhook operation that does not fit the current state (answers 409); the message is shown to the caller. */
public class WebhookConflictException extends RefusedException {

    public WebhookConflictException(String message) {
        this(Refusal.OTHER, message);
    }

    public WebhookConflictException(Refusal refusal, String message, Object... args) {
        super(refusal, message, args);
    }
}
