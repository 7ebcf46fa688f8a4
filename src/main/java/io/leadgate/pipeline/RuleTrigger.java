package io.leadgate.pipeline;

import java.util.Locale;
import java.util.Optional;

/** What occasion starts a robot. */
public enum RuleTrigger {
    /** A deal enters the rule's stage. */
    STAGE_ENTERED,
    /** The client sends a new inquiry (call, message, form or email) while their deal is in the rule's stage, or their
     *  lead in the rule's lead status. */
    INQUIRY,
    /** A lead enters the rule's lead status (a new lead enters {@code new}). */
    LEAD_STATUS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RuleTrigger> parse(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(STAGE_ENTERED);
        }
        String normal = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RuleTrigger t : values()) {
            if (t.name().equals(normal)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
