package io.leadgate.events;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The audit log of setting changes (table {@code settings_change}): every service that changes a setting records
 * who did it here, in the transaction of the change, so a change and its record commit together. Bottom layer, so
 * {@code pipeline} and {@code delivery} both record without knowing each other.
 */
@ApplicationScoped
public class SettingsChanges {

    /** What changed; the code ({@code stage.added}) is what the table and the API hold. */
    public enum Kind {
        PIPELINE_CREATED("pipeline.created"),
        PIPELINE_UPDATED("pipeline.updated"),
        PIPELINE_DELETED("pipeline.deleted"),
        STAGE_ADDED("stage.added"),
        STAGE_UPDATED("stage.updated"),
        STAGES_REORDERED("stages.reordered"),
        STAGE_DELETED("stage.deleted"),
        TUNNEL_CREATED("tunnel.created"),
        TUNNEL_UPDATED("tunnel.updated"),
        TUNNEL_DELETED("tunnel.deleted"),
        AUTOMATION_CREATED("automation.created"),
        AUTOMATION_DELETED("automation.deleted"),
        JUNK_REASON_ADDED("junk-reason.added"),
        JUNK_REASON_RENAMED("junk-reason.renamed"),
        JUNK_REASON_DELETED("junk-reason.deleted"),
        LOSS_REASON_ADDED("loss-reason.added"),
        LOSS_REASON_RENAMED("loss-reason.renamed"),
        LOSS_REASON_DELETED("loss-reason.deleted"),
        LEAD_STATUS_ADDED("lead-status.added"),
        LEAD_STATUS_RENAMED("lead-status.renamed"),
        LEAD_STATUS_DELETED("lead-status.deleted"),
        ANALYTICS_TIME_ZONE("analytics.time-zone"),
        WEBHOOK_CREATED("webhook.created"),
        WEBHOOK_ENABLED("webhook.enabled"),
        WEBHOOK_DELETED("webhook.deleted"),
        CONNECTOR_RESUMED("connector.resumed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A change as the API and the console show it. */
    public record View(String id, Instant at, String actor, String kind, String subject, String detail) {
    }

    static final int MAX_ACTOR = 200;
    static final int MAX_SUBJECT = 200;
    static final int MAX_DETAIL = 1000;

    private final Clock clock;

    SettingsChanges(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records one change in the caller's transaction (there must be one: a record without its change, or a change
     * without its record, is what this log exists to prevent).
     *
     * @param actor who changed it: a console username, the API's actor, or null for the system
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, Kind kind, Object subject, String detail) {
        SettingsChange c = new SettingsChange();
        c.changedAt = clock.instant();
        c.actor = cut(actor == null || actor.isBlank() ? null : actor.strip(), MAX_ACTOR);
        c.kind = kind.code();
        c.subject = cut(subject == null ? null : String.valueOf(subject), MAX_SUBJECT);
        c.detail = cut(detail, MAX_DETAIL);
        c.persist();
    }

    /** The changes, newest first. */
    public List<View> list(int offset, int limit) {
        return SettingsChange.<SettingsChange>findAll(Sort.descending("changedAt", "id")).range(offset, offset + limit - 1)
                .stream().map(c -> new View(String.valueOf(c.id), c.changedAt, c.actor, c.kind, c.subject, c.detail))
                .toList();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
