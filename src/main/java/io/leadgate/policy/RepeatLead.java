package io.leadgate.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which lead a known client's new inquiry joins: {@code attach} — the contact's most recent open lead; {@code new} —
 * none, every inquiry opens a repeat lead; {@code deal} — the lead of the contact's open deal, else as attach.
 */
public enum RepeatLead {
    ATTACH, NEW, DEAL;

    /** The word used in channel files and configuration. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code attach}, {@code new} or {@code deal} (any case); empty for anything else. */
    public static Optional<RepeatLead> of(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(code.strip())).findFirst();
    }
}
