package io.leadgate.delivery.webhook;

import io.leadgate.pipeline.Refusal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A webhook operation that does not fit the current state (answers 409); the message is shown to the caller. */
public class WebhookConflictException extends RuntimeException {

    private final Refusal refusal;
    private final List<Object> args;

    public WebhookConflictException(String message) {
        this(Refusal.OTHER, message);
    }

    public WebhookConflictException(Refusal refusal, String message, Object... args) {
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
}
