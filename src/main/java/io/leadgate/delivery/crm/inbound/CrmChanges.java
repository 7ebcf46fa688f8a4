package io.leadgate.delivery.crm.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmLink;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.CrmSyncConfig;
import io.leadgate.delivery.crm.StageMap;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadStatusDef;
import io.leadgate.pipeline.Deal;
import io.leadgate.pipeline.DealService;
import io.leadgate.pipeline.LeadLifecycle;
import io.leadgate.pipeline.Pipeline;
import io.leadgate.pipeline.PipelineException;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.Stage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link CrmChange} to the linked Leadgate lead or deal through the ordinary lead and deal services, with
 * actor {@code crm:<connector id>} (carried by the events it emits, so the connector does not send it back). A CRM
 * status maps back through {@link StageMap}: for a deal, or a converted lead's deal, to a stage; for an open lead to a
 * lead status, or else to a stage (the lead is converted into a deal there). A change equal to the current state is
 * a no-op and emits nothing. Each change commits in its own transaction.
 */
@ApplicationScoped
public class CrmChanges {

    /** What applying one change did. */
    public enum Outcome { APPLIED, UNCHANGED, UNLINKED, UNMAPPED, REFUSED }

    /** An outcome and a short detail without personal data. */
    public record Result(Outcome outcome, String detail) {
        static Result of(Outcome outcome, String detail) {
            return new Result(outcome, detail);
        }
    }

    private final CrmLinks links;
    private final LeadLifecycle leads;
    private final DealService deals;
    private final PipelineService pipelines;
    private final ObjectMapper mapper;
    private final Map<String, CrmSyncConfig.Crm> configs;
    private final Map<String, StageMap> maps;
    /** The connectors' outbound user mapping (Leadgate user → CRM user), read reversed when the inbound one has no entry. */
    private final Map<String, Map<String, String>> pushedUsers;

    CrmChanges(CrmLinks links, LeadLifecycle leads, DealService deals, PipelineService pipelines, ObjectMapper mapper,
               CrmSyncConfig config, LeadgateConfig leadgate) {
        this.links = links;
        this.pipelines = pipelines;
        this.leads = leads;
        this.deals = deals;
        this.mapper = mapper;
        this.configs = Map.of("bitrix24", config.bitrix24(), "amocrm", config.amocrm());
        var connectors = leadgate.connectors();
        this.maps = Map.of("bitrix24", StageMap.of(config.bitrix24(), connectors.bitrix24().pipelines(), false),
                "amocrm", StageMap.of(config.amocrm(), connectors.amocrm().pipelines(), true));
        this.pushedUsers = Map.of("bitrix24", connectors.bitrix24().users(), "amocrm", connectors.amocrm().users());
    }

    /** The actor of changes a CRM sent back. */
    public static String actor(String crm) {
        return "crm:" + crm;
    }

    public Result apply(String crm, CrmChange change) {
        Optional<CrmLink> link = links.findByRemote(crm, change.remoteType(), change.remoteId());
        if (link.isEmpty()) {
            return Result.of(Outcome.UNLINKED, change.remoteType() + " " + change.remoteId() + " is not linked");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> CrmLinks.LEAD.equals(link.get().entity)
                    ? toLead(crm, link.get().localId, change)
                    : toDeal(crm, link.get().localId, change));
        } catch (PipelineException e) {
            return Result.of(Outcome.REFUSED, e.getMessage());
        }
    }

    private Result toLead(String crm, long leadId, CrmChange c) {
        Lead lead = Lead.findById(leadId);
        if (lead == null) {
            return Result.of(Outcome.UNLINKED, "lead " + leadId + " no longer exists");
        }
        String actor = actor(crm);
        StageMap map = maps.get(crm);
        CrmSyncConfig.Crm config = configs.get(crm);
        Result result = Result.of(Outcome.UNCHANGED, null);
        if (lead.dealId != null && !c.statuses().isEmpty()) {
            result = merge(result, toDeal(crm, lead.dealId, new CrmChange("deal", c.remoteId(), c.statuses(), null, c.kind())));
        } else if (!c.statuses().isEmpty()) {
            Optional<StageMap.LeadStatusTarget> status = map.leadStatus(c.statuses());
            Optional<StageMap.StageTarget> stage = map.stage(c.statuses());
            if (status.isPresent()) {
                LeadStatusDef def = LeadLifecycle.status(status.get().code());
                if (def == null) {
                    return Result.of(Outcome.REFUSED, "mapped lead status " + status.get().code() + " does not exist");
                }
                if (lead.status != def.semantics() || !def.code.equals(lead.statusCode())) {
                    leads.setStatus(leadId, def.code, config.junkReason(), null, actor);
                    result = Result.of(Outcome.APPLIED, "lead " + leadId + " status " + def.code);
                }
            } else if (stage.isPresent()) {
                Stage target = resolve(stage.get());
                leads.convert(leadId, new LeadLifecycle.Conversion(null, String.valueOf(target.id), null, null, null), actor);
                result = Result.of(Outcome.APPLIED, "lead " + leadId + " converted at stage " + target.id);
            } else {
                result = Result.of(Outcome.UNMAPPED, "CRM status " + c.statuses().get(0) + " is not mapped");
            }
        }
        if (c.kind() == CrmChange.Kind.ACCEPTED && lead.status == LeadStatus.NEW) {
            leads.setStatus(leadId, LeadStatus.IN_PROGRESS.code(), null, null, actor);
            result = Result.of(Outcome.APPLIED, "lead " + leadId + " accepted");
        } else if (c.kind() == CrmChange.Kind.DECLINED && lead.status.open()) {
            leads.junk(leadId, config.junkReason(), actor);
            result = Result.of(Outcome.APPLIED, "lead " + leadId + " declined");
        }
        Optional<String> manager = manager(crm, config, c.responsible());
        if (manager.isPresent() && !manager.get().equals(lead.responsible)) {
            leads.assign(leadId, manager.get(), actor);
            result = merge(result, Result.of(Outcome.APPLIED, "lead " + leadId + " responsible"));
        }
        return result;
    }

    private Result toDeal(String crm, long dealId, CrmChange c) {
        Deal deal = Deal.findById(dealId);
        if (deal == null) {
            return Result.of(Outcome.UNLINKED, "deal " + dealId + " no longer exists");
        }
        String actor = actor(crm);
        CrmSyncConfig.Crm config = configs.get(crm);
        Result result = Result.of(Outcome.UNCHANGED, null);
        if (!c.statuses().isEmpty()) {
            Optional<StageMap.StageTarget> stage = maps.get(crm).stage(c.statuses());
            if (stage.isEmpty()) {
                result = Result.of(Outcome.UNMAPPED, "CRM stage " + c.statuses().get(0) + " is not mapped");
            } else {
                Stage target = resolve(stage.get());
                if (!Objects.equals(deal.stageId, target.id)) {
                    deals.move(dealId, String.valueOf(target.id), config.lossReason(), actor);
                    result = Result.of(Outcome.APPLIED, "deal " + dealId + " moved to stage " + target.id);
                }
            }
        }
        Optional<String> manager = manager(crm, config, c.responsible());
        if (manager.isPresent() && !manager.get().equals(deal.responsible)) {
            ObjectNode patch = mapper.createObjectNode().put("responsible", manager.get());
            deals.update(dealId, patch, actor);
            result = merge(result, Result.of(Outcome.APPLIED, "deal " + dealId + " responsible"));
        }
        return result;
    }

    /** The live stage a mapping names; refused when the pipeline or stage does not exist. */
    private Stage resolve(StageMap.StageTarget target) {
        Pipeline p = pipelines.byIdOrName(target.pipeline()).orElseThrow(() -> PipelineException.invalid(
                "mapped pipeline '" + target.pipeline() + "' does not exist"));
        return Stage.of(p.id).stream().filter(s -> StageMap.matches(target.stage(), s.id, s.name)).findFirst()
                .orElseThrow(() -> PipelineException.invalid("mapped stage '" + target.stage() + "' is not a live stage of '"
                        + p.name + "'"));
    }

    private Optional<String> manager(String crm, CrmSyncConfig.Crm config, String crmUser) {
        if (crmUser == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(config.users().get(crmUser)).or(() -> pushedUsers.get(crm).entrySet().stream()
                .filter(e -> e.getValue().strip().equals(crmUser)).map(Map.Entry::getKey).findFirst());
    }

    private static Result merge(Result a, Result b) {
        if (a.outcome() == Outcome.APPLIED && b.outcome() == Outcome.APPLIED) {
            return Result.of(Outcome.APPLIED, a.detail() + "; " + b.detail());
        }
        return b.outcome() == Outcome.APPLIED || a.outcome() == Outcome.UNCHANGED ? b : a;
    }
}
