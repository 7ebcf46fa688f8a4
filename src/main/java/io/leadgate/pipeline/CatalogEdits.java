package io.leadgate.pipeline;

import io.leadgate.lead.JunkReason;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadStatusDef;
import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Locale;

/**
 * Renaming and deleting junk reasons, loss reasons and lead statuses. A code never changes (the API, events and
 * files name entries by it); only the name does. An entry still given to leads or deals is deleted only with
 * {@code moveTo}, another entry of the same list that those leads or deals get instead (no lead or deal events are
 * sent for that move); without it the answer is a conflict naming the count. Built-in statuses (new, in-progress,
 * converted, junk) are the lead's meanings themselves: they can be renamed, not deleted. A deleted entry is
 * remembered so that configuration and pipeline files do not bring it back at the next start. An entry an automation
 * rule names (a status it waits for, a loss reason its move gives) is kept until the rule is changed or deleted.
 */
@ApplicationScoped
public class CatalogEdits {

    /** The three lists, as named in {@code catalog_removal}. */
    public enum Catalog {
        JUNK_REASON("junk reason"), LOSS_REASON("loss reason"), LEAD_STATUS("status");

        private final String label;

        Catalog(String label) {
            this.label = label;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final SettingsChanges changes;
    private final FunnelSummary summary;

    CatalogEdits(EntityManager em, Clock clock, SettingsChanges changes, FunnelSummary summary) {
        this.em = em;
        this.summary = summary;
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public JunkReason renameJunkReason(String code, String name, String actor) {
        JunkReason r = junkReason(code);
        r.name = name(name);
        changes.record(actor, Kind.JUNK_REASON_RENAMED, r.code, "'" + r.name + "'");
        return r;
    }

    @Transactional
    public LossReason renameLossReason(String code, String name, String actor) {
        LossReason r = lossReason(code);
        r.name = name(name);
        changes.record(actor, Kind.LOSS_REASON_RENAMED, r.code, "'" + r.name + "'");
        return r;
    }

    @Transactional
    public LeadStatusDef renameStatus(String code, String name, String actor) {
        LeadStatusDef s = status(code);
        s.name = name(name);
        changes.record(actor, Kind.LEAD_STATUS_RENAMED, s.code, "'" + s.name + "'");
        return s;
    }

    /** Deletes a junk reason; the leads junked for it get {@code moveTo} (required when there are any). */
    @Transactional
    public void deleteJunkReason(String code, String moveTo, String actor) {
        JunkReason r = junkReason(code);
        long leads = count("select count(*) from lead where junk_reason = ?1", r.code);
        if (leads > 0) {
            String target = target(Catalog.JUNK_REASON, r.code, moveTo, leads, "leads");
            if (JunkReason.findById(target) == null) {
                throw PipelineException.invalid(Refusal.MOVE_TO_UNKNOWN, "moveTo: no junk reason " + target, target);
            }
            update("update lead set junk_reason = ?2 where junk_reason = ?1", r.code, target);
        }
        r.delete();
        remember(Catalog.JUNK_REASON, r.code);
        changes.record(actor, Kind.JUNK_REASON_DELETED, r.code, moved(leads, "leads", moveTo));
    }

    /**
     * Deletes a loss reason; the deals lost for it get {@code moveTo} (required when there are any), in their stage
     * history too, so that lost deals by reason add up the same.
     */
    @Transactional
    public void deleteLossReason(String code, String moveTo, String actor) {
        LossReason r = lossReason(code);
        long rules = rulesLosingFor(r.code);
        if (rules > 0) { // a rule's move into a lost stage would fail at its next run
            throw PipelineException.conflict(Refusal.LOSS_REASON_IN_RULES, "loss reason " + r.code + " is used by "
                    + rules + " automation rule" + (rules == 1 ? "" : "s") + "; change or delete them first", r.code,
                    rules);
        }
        long deals = count("select count(*) from deal d where d.loss_reason = ?1 or exists (select 1 from deal_move m"
                + " where m.deal_id = d.id and m.loss_reason = ?1)", r.code);
        if (deals > 0) {
            String target = target(Catalog.LOSS_REASON, r.code, moveTo, deals, "deals");
            if (LossReason.findById(target) == null) {
                throw PipelineException.invalid(Refusal.MOVE_TO_UNKNOWN, "moveTo: no loss reason " + target, target);
            }
            update("update deal set loss_reason = ?2 where loss_reason = ?1", r.code, target);
            update("update deal_move set loss_reason = ?2 where loss_reason = ?1", r.code, target);
            summary.lossReasonRenamed(r.code, target);
        }
        r.delete();
        remember(Catalog.LOSS_REASON, r.code);
        changes.record(actor, Kind.LOSS_REASON_DELETED, r.code, moved(deals, "deals", moveTo));
    }

    /**
     * Deletes a custom lead status; its leads get {@code moveTo}, a status of the same meaning (required when there
     * are any). Refused for a built-in status and for one an automation rule waits for.
     */
    @Transactional
    public void deleteStatus(String code, String moveTo, String actor) {
        LeadStatusDef s = status(code);
        if (s.builtin) {
            throw PipelineException.conflict(Refusal.LEAD_STATUS_BUILT_IN, "status " + s.code + " is built in ("
                    + role(s.semantics()) + ") and cannot be deleted; it can be renamed", s.code);
        }
        long rules = AutomationRule.count("leadStatus", s.code);
        if (rules > 0) {
            throw PipelineException.conflict(Refusal.LEAD_STATUS_IN_RULES, "status " + s.code + " is used by " + rules
                    + " automation rule" + (rules == 1 ? "" : "s") + "; change or delete them first", s.code, rules);
        }
        long leads = count("select count(*) from lead where status_code = ?1", s.code);
        if (leads > 0) {
            String target = target(Catalog.LEAD_STATUS, s.code, moveTo, leads, "leads");
            LeadStatusDef to = LeadStatusDef.findById(target);
            if (to == null) {
                throw PipelineException.invalid(Refusal.MOVE_TO_UNKNOWN, "moveTo: no status " + target, target);
            }
            if (to.semantics() != s.semantics()) {
                throw PipelineException.invalid("moveTo must be a status meaning " + s.semantics + " like " + s.code
                        + "; " + to.code + " means " + to.semantics);
            }
            // a built-in status is the meaning itself: its leads carry no code of their own
            if (to.builtin) {
                em.createNativeQuery("update lead set status_code = null where status_code = ?1")
                        .setParameter(1, s.code).executeUpdate();
            } else {
                update("update lead set status_code = ?2 where status_code = ?1", s.code, to.code);
            }
        }
        s.delete();
        remember(Catalog.LEAD_STATUS, s.code);
        changes.record(actor, Kind.LEAD_STATUS_DELETED, s.code, moved(leads, "leads", moveTo));
    }

    /** The automation rules whose move into a lost stage gives this loss reason. */
    private static long rulesLosingFor(String code) {
        return AutomationRule.<AutomationRule>list("action", AutomationAction.MOVE.code()).stream()
                .filter(rule -> code.equals(AutomationService.view(rule).params().path("lossReason").asText(null)))
                .count();
    }

    /** Whether an administrator deleted this entry (the start-up seeding skips it). */
    static boolean removed(Catalog list, String code) {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from catalog_removal where list = ?1 and code = ?2")
                .setParameter(1, list.key()).setParameter(2, code).getSingleResult()).longValue() > 0;
    }

    /** An entry added again through the API or the console is no longer remembered as deleted. */
    static void forget(Catalog list, String code) {
        Panache.getEntityManager().createNativeQuery("delete from catalog_removal where list = ?1 and code = ?2")
                .setParameter(1, list.key()).setParameter(2, code).executeUpdate();
    }

    private void remember(Catalog list, String code) {
        forget(list, code);
        em.createNativeQuery("insert into catalog_removal (list, code, removed_at) values (?1, ?2, ?3)")
                .setParameter(1, list.key()).setParameter(2, code).setParameter(3, Sql.time(clock.instant()))
                .executeUpdate();
    }

    private static String target(Catalog list, String code, String moveTo, long count, String what) {
        if (moveTo == null || moveTo.isBlank()) {
            Refusal inUse = switch (list) {
                case JUNK_REASON -> Refusal.JUNK_REASON_IN_USE;
                case LOSS_REASON -> Refusal.LOSS_REASON_IN_USE;
                case LEAD_STATUS -> Refusal.LEAD_STATUS_IN_USE;
            };
            throw PipelineException.conflict(inUse, list.label + " " + code + " is given to " + count + " " + what
                    + "; name another " + list.label + " to move them to (moveTo)", code, count);
        }
        String target = list == Catalog.LEAD_STATUS ? moveTo.strip().toLowerCase(Locale.ROOT)
                : JunkReason.normalize(moveTo);
        if (target.equals(code)) {
            throw PipelineException.invalid(Refusal.MOVE_TO_SAME, "moveTo must be another " + list.label + " than " + code,
                    code);
        }
        return target;
    }

    private static String role(LeadStatus semantics) {
        return switch (semantics) {
            case NEW -> "the status of every lead as it arrives";
            case IN_PROGRESS -> "the status of an accepted lead";
            case CONVERTED -> "the status of a lead that became a deal";
            case JUNK -> "the status of a lead marked junk";
        };
    }

    private static JunkReason junkReason(String code) {
        JunkReason r = code == null ? null : JunkReason.findById(JunkReason.normalize(code));
        if (r == null) {
            throw PipelineException.notFound("no junk reason " + code);
        }
        return r;
    }

    private static LossReason lossReason(String code) {
        LossReason r = code == null ? null : LossReason.findById(JunkReason.normalize(code));
        if (r == null) {
            throw PipelineException.notFound("no loss reason " + code);
        }
        return r;
    }

    private static LeadStatusDef status(String code) {
        LeadStatusDef s = LeadLifecycle.status(code);
        if (s == null) {
            throw PipelineException.notFound("no status " + code);
        }
        return s;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw PipelineException.invalid(Refusal.NAME_REQUIRED, "name is required");
        }
        String n = name.strip();
        if (n.length() > 200) {
            throw PipelineException.invalid(Refusal.NAME_TOO_LONG, "name is longer than 200 characters", 200);
        }
        return n;
    }

    private long count(String sql, String code) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, code).getSingleResult()).longValue();
    }

    private void update(String sql, String code, String target) {
        em.createNativeQuery(sql).setParameter(1, code).setParameter(2, target).executeUpdate();
    }

    /** For the settings log: where the entry's leads or deals went. */
    private static String moved(long count, String what, String moveTo) {
        return count == 0 ? "unused" : count + " " + what + " moved to " + moveTo.strip();
    }
}
