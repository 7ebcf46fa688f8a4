package io.leadgate.delivery.webhook;

import io.leadgate.pipeline.Refusal;
import io.leadgate.refusal.RefusedException;

/** A refused webhook request; the message is shown to the caller as {@code {"error": …}}. */
public class InvalidWebhookException extends RefusedException {

    public InvalidWebhookException(String message) {
        this(Refusal.OTHER, message);
    }

    public InvalidWebhookException(Refusal refusal, String message, Object... args) {
        super(refusal, message, args);
    }

    /** A URL the SSRF guard refused, with the code of why. */
    static InvalidWebhookException refusedTarget(io.leadgate.outbound.RefusedTargetException e) {
        return e.host() == null ? new InvalidWebhookException(Refusal.WEBHOOK_URL_INVALID, e.getMessage())
                : new InvalidWebhookException(Refusal.WEBHOOK_URL_LOCAL, e.getMessage(), e.host());
    }
}
