package io.leadgate.pipeline;

import java.util.Locale;
import java.util.Optional;

/** What a robot does when a deal enters its stage. */
public enum AutomationAction {
    /** Emits a CloudEvent ({@code type}, default {@code leadgate.deal.stage-entered}). */
    EMIT_EVENT,
    /** POSTs the deal to {@code url}, signed like webhook subscriptions when {@code secret} is set. */
    WEBHOOK,
    /** Sets the deal's manager: {@code responsible}, or the pipeline's next manager with {@code roundRobin: true}. */
    SET_RESPONSIBLE,
    /** Adds a task or reminder ({@code kind}) titled {@code title}, due {@code due} after the stage entry. */
    ADD_TASK,
    /** Sets {@code field} (amount, currency, responsible or a custom field) to {@code value}. */
    SET_FIELD,
    /** Moves the deal to {@code stageId} if it is still in the stage it entered (use with a delay). */
    MOVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AutomationAction> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normal = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AutomationAction a : values()) {
            if (a.name().equals(normal)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
