package io.leadgate.outbound;

/** A webhook target the SSRF guard refuses, or a URL that is not one; the message is safe to show to the caller. */
public class RefusedTargetException extends RuntimeException {

    public RefusedTargetException(String message) {
        super(message);
    }
}
