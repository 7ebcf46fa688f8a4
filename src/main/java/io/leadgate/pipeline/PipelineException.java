package io.leadgate.pipeline;

import io.leadgate.refusal.RefusedException;

/**
 * A refused pipeline operation, with the reason the API answers by (400, 409, 404), the English message the API
 * shows, and a {@link Refusal} code with its arguments that the console shows in the user's language.
 */
public class PipelineException extends RefusedException {

    public enum Reason { INVALID, CONFLICT, NOT_FOUND }

    private final Reason reason;

    public PipelineException(Reason reason, String message) {
        this(reason, Refusal.OTHER, message);
    }

    public PipelineException(Reason reason, Refusal refusal, String message, Object... args) {
        super(refusal, message, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static PipelineException invalid(String message) {
        return new PipelineException(Reason.INVALID, message);
    }

    public static PipelineException conflict(String message) {
        return new PipelineException(Reason.CONFLICT, message);
    }

    public static PipelineException notFound(String message) {
        return new PipelineException(Reason.NOT_FOUND, message);
    }

    public static PipelineException invalid(Refusal refusal, String message, Object... args) {
        return new PipelineException(Reason.INVALID, refusal, message, args);
    }

    public static PipelineException conflict(Refusal refusal, String message, Object... args) {
        return new PipelineException(Reason.CONFLICT, refusal, message, args);
    }
}
