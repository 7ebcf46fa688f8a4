package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

/**
 * Robots on leads and on a client's inquiries: schedules the jobs of lead-status rules (a lead entering a status)
 * and of inquiry rules (a client's new inquiry while their deal is in a stage or their lead in a status), and runs
 * the jobs that act on a lead. Scheduling only writes job rows; {@link AutomationExecutor} runs them.
 */
@ApplicationScoped
public class LeadRobots {

    private final TaskService tasks;
    private final PipelineService pipelines;
    private final DealService deals;
    private final DealEvents events;
    private final Assigner assigner;
    private final EventLog outbox;
    private final ObjectMapper mapper;

    LeadRobots(PipelineService pipelines, DealService deals, DealEvents events, Assigner assigner, EventLog outbox,
               ObjectMapper mapper, TaskService tasks) {
        this.tasks = tasks;
        this.pipelines = pipelines;
        this.deals = deals;
        this.events = events;
        this.assigner = assigner;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A lead entered its current status (after a change by hand or by a robot): schedules the status's rules. */
    public void statusEntered(Lead lead, Instant now) {
        schedule(lead, "status:" + lead.id + ":" + lead.statusCode() + ":" + micros(now), now);
    }

    /**
     * The automation rules one batch of the event feed schedules from, each list read once per batch (one
     * transaction) rather than once per event: a batch of new leads asks the same two questions of every event.
     */
    static final class BatchRules {
        private List<AutomationRule> inquiry;
        private final java.util.Map<String, List<AutomationRule>> byStatus = new java.util.HashMap<>();

        /** The rules an inquiry triggers. */
        List<AutomationRule> inquiry() {
            if (inquiry == null) {
                inquiry = AutomationRule.list("triggerOn = ?1 order by id", RuleTrigger.INQUIRY.code());
            }
            return inquiry;
        }

        /** The rules of a lead status. */
        List<AutomationRule> status(String status) {
            return byStatus.computeIfAbsent(status, s -> AutomationRule.list(
                    "triggerOn = ?1 and leadStatus = ?2 order by id", RuleTrigger.LEAD_STATUS.code(), s));
        }
    }

    /** A lead was created (seen on the event feed), in {@code status}: schedules that status's rules once. */
    void created(Lead lead, String status, Instant at, Instant now, BatchRules rules) {
        for (AutomationRule rule : rules.status(status)) {
            AutomationJobs.schedule(rule, null, lead.id, null, null, "created:" + lead.id, at, now);
        }
    }

    private void schedule(Lead lead, String cause, Instant now) {
        for (AutomationRule rule : AutomationRule.<AutomationRule>list("triggerOn = ?1 and leadStatus = ?2 order by id",
                RuleTrigger.LEAD_STATUS.code(), lead.statusCode())) {
            AutomationJobs.schedule(rule, null, lead.id, null, null, cause, now, now);
        }
    }

    /**
     * A client's new inquiry ({@code kind}: call, message, form or email), seen on the event feed: schedules the
     * inquiry rules of the stage each of the client's earlier deals is in, and of the status each of their earlier
     * leads is in (a deal or lead the inquiry itself created is not "earlier"). Once per inquiry, deal or lead and rule.
     */
    void inquiry(long contactId, long inquiryId, String kind, Instant at, Instant now, BatchRules batch) {
        List<AutomationRule> rules = batch.inquiry();
        if (rules.isEmpty()) {
            return;
        }
        for (Deal deal : Deal.<Deal>list("contactId = ?1 and createdAt < ?2 order by id", contactId, at)) {
            for (AutomationRule rule : rules) {
                if (deal.stageId.equals(rule.stageId) && wants(rule, kind)) {
                    DealMove stay = DealMove.find("dealId = ?1 and leftAt is null order by id desc", deal.id).firstResult();
                    AutomationJobs.schedule(rule, deal.id, null, deal.stageId, stay == null ? null : stay.id,
                            "inquiry:" + inquiryId + ":deal:" + deal.id, at, now);
                }
            }
        }
        for (Lead lead : Lead.<Lead>list("contactId = ?1 and createdAt < ?2 order by id", contactId, at)) {
            for (AutomationRule rule : rules) {
                if (lead.statusCode().equals(rule.leadStatus) && wants(rule, kind)) {
                    AutomationJobs.schedule(rule, null, lead.id, null, null, "inquiry:" + inquiryId + ":lead:" + lead.id,
                            at, now);
                }
            }
        }
    }

    private static boolean wants(AutomationRule rule, String kind) {
        return rule.inquiryKinds == null || List.of(rule.inquiryKinds.split(" ")).contains(kind);
    }

    /** Runs a job on a lead: done, or skipped when it no longer applies (the lead left the rule's status). */
    String run(AutomationJob job, AutomationAction action, ObjectNode p, Instant now) {
        Lead lead = Lead.findById(job.leadId, LockModeType.PESSIMISTIC_WRITE);
        AutomationRule rule = AutomationRule.findById(job.ruleId);
        if (lead == null || rule != null && rule.leadStatus != null && !rule.leadStatus.equals(lead.statusCode())) {
            return AutomationJobs.SKIPPED;
        }
        switch (action) {
            case ADD_TASK -> tasks.addAutomatic(null, lead.id, p.path("kind").asText("task"),
                    p.get("title").asText().strip(), p.has("due") ? AutomationJobs.plus(now, p.get("due").asText()) : null,
                    lead.responsible, job.id, null, "automation:" + job.ruleId, now);
            case NOTIFY -> {
                if (lead.responsible == null) {
                    return AutomationJobs.SKIPPED;
                }
                ObjectNode data = notice(lead.responsible, p, job);
                data.set("lead", mapper.valueToTree(LeadView.of(lead)));
                outbox.append(EventTypes.MANAGER_NOTIFIED, lead.channelId, lead.contactId, lead.id, null, data, now);
            }
            case CREATE_DEAL -> {
                Deal deal = createDeal(p, lead.contactId, lead.id, lead.channelId, lead.source, lead.responsible, null,
                        "automation:" + job.ruleId, now);
                if (deal != null && lead.status.open()) {
                    lead.status = LeadStatus.CONVERTED;
                    lead.statusCode = null;
                    lead.dealId = deal.id;
                    lead.updatedAt = now;
                    events.leadUpdated(lead, now);
                    statusEntered(lead, now);
                }
                return deal == null ? AutomationJobs.SKIPPED : AutomationJobs.DONE;
            }
            case REOPEN -> {
                if (lead.status != LeadStatus.JUNK) {
                    return AutomationJobs.SKIPPED;
                }
                lead.status = LeadStatus.IN_PROGRESS;
                lead.statusCode = null;
                lead.junkReason = null;
                lead.updatedAt = now;
                events.leadUpdated(lead, now);
                statusEntered(lead, now);
            }
            default -> {
                return AutomationJobs.SKIPPED;
            }
        }
        return AutomationJobs.DONE;
    }

    /**
     * A robot's new deal for a client in {@code params.pipelineId} (at {@code params.stageId}, else the first stage):
     * kept with the given manager while active, otherwise assigned; null when the pipeline or stage is gone.
     */
    Deal createDeal(ObjectNode p, long contactId, Long leadId, String channelId, String source, String responsible,
                    Long sourceDealId, String actor, Instant now) {
        Pipeline pipeline = Pipeline.findById(Long.parseLong(p.get("pipelineId").asText()));
        if (pipeline == null) {
            return null;
        }
        Stage stage = p.hasNonNull("stageId") ? Stage.findById(Long.parseLong(p.get("stageId").asText()))
                : pipelines.firstStage(pipeline);
        if (stage == null || stage.deleted || !stage.pipelineId.equals(pipeline.id)) {
            return null;
        }
        String manager = responsible != null && assigner.active(responsible) ? responsible : null;
        return deals.create(new DealService.NewDeal(contactId, leadId, channelId, source, null, null, manager, null,
                sourceDealId), pipeline, stage, actor, now, 0);
    }

    /** The data of a notify event: {@code {manager, text, ruleId, jobId}}. */
    ObjectNode notice(String manager, ObjectNode p, AutomationJob job) {
        ObjectNode data = mapper.createObjectNode();
        data.put("manager", manager);
        data.put("text", p.path("text").asText());
        data.put("ruleId", String.valueOf(job.ruleId));
        data.put("jobId", String.valueOf(job.id));
        return data;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }
}
