package io.leadgate.delivery.webhook;

import io.leadgate.pipeline.Refusal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A refused webhook request; the message is shown to the caller as {@code {"error": …}}. */
public class InvalidWebhookException extends RuntimeException {

    private final Refusal refusal;
    private final List<Object> args;

    public InvalidWebhookException(String message) {
        this(Refusal.OTHER, message);
    }

    public InvalidWebhookException(Refusal refusal, String message, Object... args) {
        super(message);
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

    /** A URL the SSRF guard refused, with the code of why. */
    static InvalidWebhookException refusedTarget(io.leadgate.outbound.RefusedTargetException e) {
        return e.host() == null ? new InvalidWebhookException(Refusal.WEBHOOK_URL_INVALID, e.getMessage())
                : new InvalidWebhookException(Refusal.WEBHOOK_URL_LOCAL, e.getMessage(), e.host());
    }
}
