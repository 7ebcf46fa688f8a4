package io.leadgate.channel;

/** The outcome of checking that a request really comes from the provider. */
public enum Verification {
    /** The signature or token matches. */
    VALID,
    /** Nothing to verify was sent (no signature header, no token). */
    MISSING,
    /** A signature or token was sent and does not match. */
    BAD_SIGNATURE,
    /** The signature matches but its timestamp is too old (replay protection). */
    STALE;

    public boolean valid() {
        return this == VALID;
    }
}
