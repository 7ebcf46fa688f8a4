package io.leadgate.refusal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A refused request: the English message the REST API answers with, and a stable code with its arguments that the
 * console turns into the user's language. Each layer keeps its own codes (an enum whose {@code OTHER} means "no code
 * of its own: show the message") and its own exceptions extending this one.
 */
public abstract class RefusedException extends RuntimeException {

    private final Enum<?> refusal;
    private final List<Object> args;

    /** {@code args} in the order the code's documentation lists them. */
    protected RefusedException(Enum<?> refusal, String message, Object... args) {
        super(message);
        this.refusal = refusal;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** The stable code of the refusal. */
    public Enum<?> refusal() {
        return refusal;
    }

    /** The refusal's arguments, in the order its code lists them. */
    public List<Object> args() {
        return args;
    }
}
