package io.leadgate.pipeline;

import java.util.Locale;
import java.util.Optional;

/** What a robot does on its occasion (see {@link RuleTrigger}). */
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
    /**
     * Moves the deal to {@code stageId} ({@code next}: the next stage of its pipeline) if it is still in the stage it
     * was in when the job was scheduled.
     */
    MOVE,
    /**
     * Creates a new deal for the client in {@code pipelineId} (at {@code stageId}, else the first stage), linked to the
     * deal it came from; on a lead, a deal for the lead (an open lead is converted into it). Sales boost.
     */
    CREATE_DEAL,
    /** Emits {@code leadgate.manager.notified} for the responsible manager with {@code text}. */
    NOTIFY,
    /** Reopens a junk lead (back to in-progress). */
    REOPEN;

    /** The actions a rule on a lead (status or inquiry) may take. */
    public boolean onLeads() {
        return this == ADD_TASK || this == NOTIFY || this == CREATE_DEAL || this == REOPEN;
    }

    /** The actions a rule on a deal's stage may take. */
    public boolean onDeals() {
        return this != REOPEN;
    }

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
