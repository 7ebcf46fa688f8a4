package io.leadgate.outbound;

/** A webhook target the SSRF guard refuses, or a URL that is not one; the message is safe to show to the caller. */
public class RefusedTargetException extends RuntimeException {

    private final String host;

    public RefusedTargetException(String message) {
        this(message, null);
    }

    /** A target refused for its host (a local or metadata name, or resolving to a private address). */
    public RefusedTargetException(String message, String host) {
        super(message);
        this.host = host;
    }

    /** The refused host when the target was refused for it; null when the URL is not a valid one. */
    public String host() {
        return host;
    }
}
