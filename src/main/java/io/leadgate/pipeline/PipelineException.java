package io.leadgate.pipeline;

/** A refused pipeline operation, with the reason the API answers by (400, 409, 404). */
public class PipelineException extends RuntimeException {

    public enum Reason { INVALID, CONFLICT, NOT_FOUND }

    private final Reason reason;

    public PipelineException(Reason reason, String message) {
        super(message);
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
}
