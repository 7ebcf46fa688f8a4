package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.lead.JunkReason;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadStatusDef;
import io.leadgate.lead.LeadView;
import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A lead's way through its statuses: configured statuses carry semantics (new, in-progress, converted, junk);
 * conversion creates a deal for the lead's contact; junk needs a reason from the configured list.
 */
@ApplicationScoped
public class LeadLifecycle {

    private final PipelineService pipelines;
    private final DealService deals;
    private final DealEvents events;
    private final Assigner assigner;
    private final LeadRobots robots;
    private final SpeedToLead speed;
    private final Clock clock;
    private final SettingsChanges changes;

    LeadLifecycle(PipelineService pipelines, DealService deals, DealEvents events, Assigner assigner, LeadRobots robots,
                  SpeedToLead speed, Clock clock, SettingsChanges changes) {
        this.clock = clock;
        this.changes = changes;
        this.pipelines = pipelines;
        this.deals = deals;
        this.events = events;
        this.assigner = assigner;
        this.robots = robots;
        this.speed = speed;
    }

    /** Conversion options; all optional. */
    public record Conversion(String pipelineId, String stageId, JsonNode amount, String currency, String responsible) {
    }

    /** {@code POST /api/leads/{id}/convert}: the new deal's id. */
    @Transactional
    public String convert(long leadId, Conversion c, String actor) {
        return String.valueOf(convert(lockedLead(leadId), c == null ? new Conversion(null, null, null, null, null) : c,
                null, actor, clock.instant()).id);
    }

    private Deal convert(Lead lead, Conversion c, String statusCode, String actor, Instant now) {
        refuseClosed(lead);
        Pipeline p;
        Stage s;
        if (c.stageId() != null && !c.stageId().isBlank()) {
            s = pipelines.requestedStage(c.stageId());
            p = pipelines.find(s.pipelineId);
        } else {
            p = pipelines.requested(c.pipelineId());
            s = pipelines.firstStage(p);
        }
        BigDecimal amount = DealService.amount(c.amount());
        Deal deal = deals.create(new DealService.NewDeal(lead.contactId, lead.id, lead.channelId, lead.source, amount,
                deals.currency(c.currency(), amount), DealService.blankToNull(c.responsible()) != null
                ? c.responsible().strip() : lead.responsible, null, null), p, s, actor, now, 0);
        lead.status = LeadStatus.CONVERTED;
        lead.statusCode = statusCode;
        lead.dealId = deal.id;
        lead.updatedAt = now;
        events.leadUpdated(lead, actor, now);
        robots.statusEntered(lead, now);
        speed.acted(lead, SpeedToLead.Action.ACCEPT, actor, now);
        return deal;
    }

    /** {@code POST /api/leads/{id}/junk}: marks the lead junk for a configured reason. */
    @Transactional
    public LeadView junk(long leadId, String reason, String actor) {
        Lead lead = lockedLead(leadId);
        junk(lead, reason, null, actor, clock.instant());
        return LeadView.of(lead);
    }

    private void junk(Lead lead, String reason, String statusCode, String actor, Instant now) {
        refuseClosed(lead);
        if (reason == null || reason.isBlank()) {
            throw PipelineException.invalid(Refusal.JUNK_REASON_REQUIRED, "reason is required, one of " + reasonCodes(),
                    reasonCodes());
        }
        JunkReason known = JunkReason.findById(JunkReason.normalize(reason));
        if (known == null) {
            throw PipelineException.invalid(Refusal.JUNK_REASON_UNKNOWN, "reason must be one of " + reasonCodes(),
                    reasonCodes());
        }
        lead.status = LeadStatus.JUNK;
        lead.statusCode = statusCode;
        lead.junkReason = known.code;
        lead.updatedAt = now;
        events.leadUpdated(lead, actor, now);
        robots.statusEntered(lead, now);
        speed.acted(lead, SpeedToLead.Action.JUNK, actor, now);
    }

    /**
     * {@code POST /api/leads/{id}/status}: any configured status. One with converted semantics converts (creating a
     * deal), one with junk semantics needs a reason; in-progress ones may also reopen a junk lead.
     */
    @Transactional
    public LeadView setStatus(long leadId, String code, String reason, Conversion conversion, String actor) {
        Lead lead = lockedLead(leadId);
        LeadStatusDef status = code == null ? null : LeadStatusDef.findById(code.strip().toLowerCase(Locale.ROOT));
        if (status == null) {
            throw PipelineException.invalid("status must be one of " + statusCodes());
        }
        String custom = status.builtin ? null : status.code;
        Instant now = clock.instant();
        switch (status.semantics()) {
            case CONVERTED -> convert(lead, conversion == null ? new Conversion(null, null, null, null, null) : conversion,
                    custom, actor, now);
            case JUNK -> junk(lead, reason, custom, actor, now);
            default -> {
                if (lead.status == LeadStatus.CONVERTED) {
                    throw PipelineException.conflict("lead " + lead.id + " is converted into deal " + lead.dealId);
                }
                lead.status = status.semantics();
                lead.statusCode = custom;
                lead.junkReason = null;
                lead.updatedAt = now;
                events.leadUpdated(lead, actor, now);
                robots.statusEntered(lead, now);
                if (lead.status == LeadStatus.IN_PROGRESS) {
                    speed.acted(lead, SpeedToLead.Action.ACCEPT, actor, now);
                }
            }
        }
        return LeadView.of(lead);
    }

    /**
     * {@code POST /api/leads/{id}/accept}: the manager takes the lead into work — a new lead becomes in-progress, and
     * a lead without a manager gets the accepting one (when the actor is a manager). The first action for speed to lead.
     */
    @Transactional
    public LeadView accept(long leadId, String actor) {
        Lead lead = lockedLead(leadId);
        refuseClosed(lead);
        Instant now = clock.instant();
        if (lead.responsible == null && actor != null && Manager.findById(actor) != null && assigner.active(actor)) {
            lead.responsible = actor;
            assigner.remember(lead.contactId, actor);
        }
        boolean entered = lead.status == LeadStatus.NEW;
        if (entered) {
            lead.status = LeadStatus.IN_PROGRESS;
            lead.statusCode = null;
        }
        lead.updatedAt = now;
        events.leadUpdated(lead, now);
        if (entered) {
            robots.statusEntered(lead, now);
        }
        speed.acted(lead, SpeedToLead.Action.ACCEPT, actor, now);
        return LeadView.of(lead);
    }

    /** Makes a manager (an active user) responsible for the lead; null or blank: nobody. */
    @Transactional
    public LeadView assign(long leadId, String manager, String actor) {
        Lead lead = lockedLead(leadId);
        String m = manager == null || manager.isBlank() ? null : manager.strip();
        if (m != null && Manager.findById(m) == null) {
            throw PipelineException.invalid("no manager " + m);
        }
        if (m != null && !assigner.active(m)) {
            throw PipelineException.invalid("manager " + m + " is not active");
        }
        Instant now = clock.instant();
        lead.responsible = m;
        lead.updatedAt = now;
        assigner.remember(lead.contactId, m);
        events.leadUpdated(lead, actor, now);
        return LeadView.of(lead);
    }

    /** Custom or built-in status codes a lead filter may name; null when unknown. */
    public static LeadStatusDef status(String code) {
        return code == null ? null : LeadStatusDef.findById(code.strip().toLowerCase(Locale.ROOT));
    }

    public List<LeadStatusDef> statuses() {
        return LeadStatusDef.list("order by position, code");
    }

    @Transactional
    public LeadStatusDef addStatus(String code, String name, String semantics, String actor) {
        CatalogValidator.Status s = CatalogValidator.status(code, name, semantics);
        if (LeadStatusDef.findById(s.code()) != null) {
            throw PipelineException.conflict(Refusal.LEAD_STATUS_EXISTS, "status " + s.code() + " exists", s.code());
        }
        LeadStatusDef def = new LeadStatusDef();
        def.code = s.code();
        def.name = s.name();
        def.semantics = s.semantics();
        def.position = (int) LeadStatusDef.count();
        def.builtin = false;
        def.persist();
        CatalogEdits.forget(CatalogEdits.Catalog.LEAD_STATUS, def.code);
        changes.record(actor, Kind.LEAD_STATUS_ADDED, def.code, "'" + def.name + "' (" + def.semantics + ")");
        return def;
    }

    public List<JunkReason> reasons() {
        return JunkReason.list("order by position, code");
    }

    @Transactional
    public JunkReason addReason(String code, String name, String actor) {
        if (code == null || code.isBlank()) {
            throw PipelineException.invalid(Refusal.CODE_REQUIRED, "code is required");
        }
        CatalogValidator.Reason r = CatalogValidator.reason(code, name);
        if (JunkReason.findById(r.code()) != null) {
            throw PipelineException.conflict(Refusal.JUNK_REASON_EXISTS, "junk reason " + r.code() + " exists", r.code());
        }
        JunkReason reason = new JunkReason();
        reason.code = r.code();
        reason.name = r.name();
        reason.position = (int) JunkReason.count();
        reason.persist();
        CatalogEdits.forget(CatalogEdits.Catalog.JUNK_REASON, reason.code);
        changes.record(actor, Kind.JUNK_REASON_ADDED, reason.code, "'" + reason.name + "'");
        return reason;
    }

    private static Lead lockedLead(long id) {
        Lead lead = Lead.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null) {
            throw PipelineException.notFound("no lead " + id);
        }
        return lead;
    }

    private static void refuseClosed(Lead lead) {
        if (lead.status == LeadStatus.CONVERTED) {
            throw PipelineException.conflict(Refusal.LEAD_CONVERTED,
                    "lead " + lead.id + " is already converted into deal " + lead.dealId, lead.id, lead.dealId);
        }
        if (lead.status == LeadStatus.JUNK) {
            throw PipelineException.conflict(Refusal.LEAD_JUNK, "lead " + lead.id + " is junk (" + lead.junkReason + ")",
                    lead.id, lead.junkReason);
        }
    }

    private static String reasonCodes() {
        return JunkReason.<JunkReason>list("order by position, code").stream().map(r -> r.code)
                .collect(Collectors.joining(", "));
    }

    private static String statusCodes() {
        return LeadStatusDef.<LeadStatusDef>list("order by position, code").stream().map(s -> s.code)
                .collect(Collectors.joining(", "));
    }
}
