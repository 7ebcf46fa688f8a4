package io.leadgate.inquiry;

import java.util.Locale;

/**
 * Where in its life a call is ({@link CallInfo#phase()}), the telephony family's one vocabulary. STARTED → RINGING →
 * ANSWERED → ENDED never go back; the others stand aside. {@link #code()} is how inquiry JSON writes it.
 */
public enum CallPhase {
    STARTED, RINGING, ANSWERED, ENDED,
    /** A recording became available. */
    RECORDING,
    /** Anything else that does not move the call on (DTMF, hold, IVR steps). */
    OTHER;

    /** True for the phases of the STARTED → ENDED line. */
    public boolean progresses() {
        return this != RECORDING && this != OTHER;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
