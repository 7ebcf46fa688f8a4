package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import io.leadgate.lead.LeadStatusDef;

/** Automation rules (robots): saved validated; the jobs they schedule run in {@link AutomationExecutor}. */
@ApplicationScoped
public class AutomationService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final long MAX_DELAY_SECONDS = Duration.ofDays(366).toSeconds();

    private final PipelineService pipelines;
    private final TunnelService tunnels;
    private final LeadgateConfig config;
    private final SettingsChanges changes;

    AutomationService(PipelineService pipelines, TunnelService tunnels, LeadgateConfig config, SettingsChanges changes) {
        this.pipelines = pipelines;
        this.tunnels = tunnels;
        this.config = config;
        this.changes = changes;
    }

    public List<AutomationRuleView> list(String pipelineId, String stageId) {
        if (stageId != null && !stageId.isBlank()) {
            return views(AutomationRule.list("stageId = ?1 order by id", PipelineService.parseId("stageId", stageId)));
        }
        if (pipelineId != null && !pipelineId.isBlank()) {
            return views(AutomationRule.list("pipelineId = ?1 order by id", PipelineService.parseId("pipelineId", pipelineId)));
        }
        return views(AutomationRule.list("order by id"));
    }

    /**
     * What a rule is made of (the API body): on what occasion ({@code trigger}, default stage-entered), where (a deal
     * stage, or a lead status), for which inquiries ({@code inquiryKinds}: call, message, form, email; empty = any),
     * what it does, after what delay (ISO-8601 duration or seconds, or a calendar period such as P11M) and whether it
     * repeats ({@code repeat}: a period such as P1Y).
     */
    public record RuleSpec(String trigger, String stageId, String leadStatus, List<String> inquiryKinds, String action,
                           JsonNode params, JsonNode delay, String repeat) {
    }

    @Transactional
    public AutomationRuleView create(String stageId, String action, JsonNode params, JsonNode delay, String actor) {
        return create(new RuleSpec(null, stageId, null, null, action, params, delay, null), actor);
    }

    /** A new rule; {@code actor} (a console username, the API's actor, or null for the system) is recorded. */
    @Transactional
    public AutomationRuleView create(RuleSpec spec, String actor) {
        RuleTrigger trigger = RuleTrigger.parse(spec.trigger()).orElseThrow(() -> PipelineException.invalid(
                "trigger must be one of stage-entered, inquiry, lead-status"));
        AutomationAction a = AutomationAction.parse(spec.action()).orElseThrow(() -> PipelineException.invalid(
                "action must be one of emit-event, webhook, set-responsible, add-task, set-field, move, create-deal,"
                        + " notify, reopen"));
        boolean hasStage = spec.stageId() != null && !spec.stageId().isBlank();
        boolean hasStatus = spec.leadStatus() != null && !spec.leadStatus().isBlank();
        if (hasStage == hasStatus) {
            throw PipelineException.invalid(switch (trigger) {
                case STAGE_ENTERED -> "stageId is required (and leadStatus not allowed) for a stage-entered rule";
                case LEAD_STATUS -> "leadStatus is required (and stageId not allowed) for a lead-status rule";
                case INQUIRY -> "an inquiry rule needs either stageId (a deal stage) or leadStatus (a lead status)";
            });
        }
        if (trigger == RuleTrigger.STAGE_ENTERED && hasStatus) {
            throw PipelineException.invalid("stageId is required (and leadStatus not allowed) for a stage-entered rule");
        }
        if (trigger == RuleTrigger.LEAD_STATUS && hasStage) {
            throw PipelineException.invalid("leadStatus is required (and stageId not allowed) for a lead-status rule");
        }
        if (hasStage && !a.onDeals() || hasStatus && !a.onLeads()) {
            throw PipelineException.invalid("action " + a.code() + " does not apply to " + (hasStage ? "deals"
                    : "leads (a lead rule may add-task, notify, create-deal or reopen)"));
        }
        if (trigger != RuleTrigger.INQUIRY && spec.inquiryKinds() != null && !spec.inquiryKinds().isEmpty()) {
            throw PipelineException.invalid("inquiryKinds applies to inquiry rules only");
        }
        ObjectNode p = validate(a, spec.params());
        if (a == AutomationAction.WEBHOOK && !config.pipeline().automation().allowPrivateWebhooks()) {
            WebhookTargets.refuseInternal(WebhookTargets.parse(p.path("url").asText()));
        }
        Stage stage = hasStage ? pipelines.requestedStage(spec.stageId()) : null;
        String status = hasStatus ? leadStatus(spec.leadStatus()) : null;
        if (a == AutomationAction.MOVE && !NEXT.equals(p.path("stageId").asText())) {
            Stage target = pipelines.requestedStage(p.path("stageId").asText());
            if (target.semantics() == Semantics.LOST) {
                p.put("lossReason", LossReasons.require(p.path("lossReason").asText(null)));
            }
            TunnelService.lockRules();
            tunnels.refuseLoop(stage.id, target.id);
        }
        if (a == AutomationAction.CREATE_DEAL) {
            Pipeline target = pipelines.requested(p.path("pipelineId").asText());
            if (p.hasNonNull("stageId") && !pipelines.requestedStage(p.get("stageId").asText()).pipelineId.equals(target.id)) {
                throw PipelineException.invalid("params.stageId is not a stage of pipeline " + target.id);
            }
        }
        AutomationRule rule = new AutomationRule();
        rule.triggerOn = trigger.code();
        rule.pipelineId = stage == null ? null : stage.pipelineId;
        rule.stageId = stage == null ? null : stage.id;
        rule.leadStatus = status;
        rule.inquiryKinds = trigger == RuleTrigger.INQUIRY ? inquiryKinds(spec.inquiryKinds()) : null;
        rule.action = a.code();
        rule.params = p.toString();
        Delay delay = delay(spec.delay());
        rule.delaySeconds = delay.seconds();
        rule.delayPeriod = delay.period();
        rule.repeatEvery = repeat(spec.repeat());
        rule.createdAt = Instant.now();
        rule.persist();
        changes.record(actor, Kind.AUTOMATION_CREATED, rule.id, summary(rule));
        return view(rule);
    }

    /** {@code stageId: "next"} of a move: the next live stage of the deal's pipeline. */
    static final String NEXT = "next";
    /** What the kinds of an inquiry rule are called, by the channel family of the inquiry. */
    static final List<String> INQUIRY_KINDS = List.of("call", "message", "form", "email");

    private static String leadStatus(String code) {
        LeadStatusDef def = LeadStatusDef.findById(code.strip().toLowerCase(Locale.ROOT));
        if (def == null) {
            throw PipelineException.invalid("leadStatus must be one of " + LeadStatusDef.<LeadStatusDef>list(
                    "order by position, code").stream().map(d -> d.code).collect(Collectors.joining(", ")));
        }
        return def.code;
    }

    static String inquiryKinds(List<String> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return null;
        }
        Set<String> known = new LinkedHashSet<>();
        for (String k : kinds) {
            String kind = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
            if (!INQUIRY_KINDS.contains(kind)) {
                throw PipelineException.invalid("inquiryKinds must be among call, message, form, email");
            }
            known.add(kind);
        }
        return String.join(" ", known);
    }

    /** A rule's delay: seconds, or a calendar period kept as written (its seconds are an estimate for display). */
    record Delay(long seconds, String period) {
    }

    static Delay delay(JsonNode delay) {
        if (delay != null && delay.isTextual() && isPeriod(delay.asText())) {
            Period p = period("delay", delay.asText());
            Instant epoch = Instant.EPOCH;
            long seconds = Duration.between(epoch, AutomationJobs.plus(epoch, p.toString())).toSeconds();
            if (seconds > MAX_PERIOD_SECONDS) {
                throw PipelineException.invalid("delay is at most ten years");
            }
            return new Delay(seconds, p.toString());
        }
        return new Delay(delaySeconds(delay), null);
    }

    /** A repeat period: ISO-8601, at least a day (P1D), at most ten years. */
    static String repeat(String repeat) {
        if (repeat == null || repeat.isBlank()) {
            return null;
        }
        String r = repeat.strip().toUpperCase(Locale.ROOT);
        Instant epoch = Instant.EPOCH;
        String normal;
        if (isPeriod(r)) {
            normal = period("repeat", r).toString();
        } else {
            normal = duration("repeat", com.fasterxml.jackson.databind.node.TextNode.valueOf(r)).toString();
        }
        long seconds = Duration.between(epoch, AutomationJobs.plus(epoch, normal)).toSeconds();
        if (seconds < Duration.ofDays(1).toSeconds() || seconds > MAX_PERIOD_SECONDS) {
            throw PipelineException.invalid("repeat must be between a day (P1D) and ten years (P10Y)");
        }
        return normal;
    }

    private static final long MAX_PERIOD_SECONDS = Duration.ofDays(3660).toSeconds();

    private static boolean isPeriod(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("P") && !t.contains("T");
    }

    private static Period period(String name, String text) {
        try {
            Period p = Period.parse(text.strip().toUpperCase(Locale.ROOT));
            if (p.isNegative() || p.isZero()) {
                throw PipelineException.invalid(name + " must be positive");
            }
            return p;
        } catch (DateTimeParseException e) {
            throw PipelineException.invalid(name + " must be an ISO-8601 period such as P11M or P1Y, or a duration such as PT30M");
        }
    }

    /** A scheduled or finished run of a robot, as the API shows it. */
    public record JobView(String id, String ruleId, String dealId, String leadId, String action, String cause,
                          int occurrence, String status, Instant dueAt, int attempts, String lastError, Instant doneAt,
                          String cancelledBy) {
        static JobView of(AutomationJob j) {
            return new JobView(String.valueOf(j.id), String.valueOf(j.ruleId), MoveView.str(j.dealId),
                    MoveView.str(j.leadId), j.action, j.cause, j.occurrence, j.status, j.dueAt, j.attempts, j.lastError,
                    j.doneAt, j.cancelledBy);
        }
    }

    /** The robot runs of a deal or a lead (or all), by due time; {@code status} pending, done, ... or all. */
    public List<JobView> jobs(Long dealId, Long leadId, String status, int offset, int limit) {
        List<String> where = new java.util.ArrayList<>();
        List<Object> params = new java.util.ArrayList<>();
        if (dealId != null) {
            params.add(dealId);
            where.add("dealId = ?" + params.size());
        }
        if (leadId != null) {
            params.add(leadId);
            where.add("leadId = ?" + params.size());
        }
        if (status != null && !status.isBlank() && !status.equals("all")) {
            if (!List.of(AutomationJobs.PENDING, AutomationJobs.DONE, AutomationJobs.SKIPPED, AutomationJobs.FAILED,
                    AutomationJobs.CANCELLED).contains(status)) {
                throw PipelineException.invalid("status must be pending, done, skipped, failed, cancelled or all");
            }
            params.add(status);
            where.add("status = ?" + params.size());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by dueAt, id";
        return AutomationJob.<AutomationJob>find(query, params.toArray()).range(offset, offset + limit - 1).stream()
                .map(JobView::of).toList();
    }

    /** Cancels a pending run (and so a repeating rule's series on that deal or lead); a finished one is a conflict. */
    @Transactional
    public JobView cancel(long id, String actor) {
        AutomationJob job = AutomationJob.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw PipelineException.notFound("no automation job " + id);
        }
        if (AutomationJobs.CANCELLED.equals(job.status)) {
            return JobView.of(job);
        }
        if (!AutomationJobs.PENDING.equals(job.status)) {
            throw PipelineException.conflict("automation job " + id + " is " + job.status + ", not pending");
        }
        job.status = AutomationJobs.CANCELLED;
        job.cancelledBy = actor;
        job.doneAt = Instant.now();
        return JobView.of(job);
    }

    @Transactional
    public void delete(long id, String actor) {
        AutomationRule rule = AutomationRule.findById(id);
        if (rule == null) {
            throw PipelineException.notFound("no automation " + id);
        }
        String what = summary(rule);
        rule.delete();
        changes.record(actor, Kind.AUTOMATION_DELETED, id, what);
    }

    /** For the settings log: trigger, place and action (never the parameters: a webhook secret is among them). */
    private static String summary(AutomationRule rule) {
        return rule.action + " on " + rule.triggerOn + (rule.stageId != null ? " of stage " + rule.stageId : "")
                + (rule.leadStatus != null ? " of status " + rule.leadStatus : "");
    }

    /** The parameters an action needs, checked and normalised. Pure. */
    static ObjectNode validate(AutomationAction action, JsonNode params) {
        ObjectNode p = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode()
                : params.isObject() ? ((ObjectNode) params).deepCopy() : null;
        if (p == null) {
            throw PipelineException.invalid("params must be an object");
        }
        switch (action) {
            case EMIT_EVENT -> {
                if (p.has("type") && !p.get("type").asText().matches("[a-z0-9][a-z0-9.-]{0,99}")) {
                    throw PipelineException.invalid("type must be lower-case letters, digits, dots and dashes, such as leadgate.deal.qualified");
                }
            }
            case WEBHOOK -> WebhookTargets.parse(text(p, "url"));
            case SET_RESPONSIBLE -> {
                if (!p.path("roundRobin").asBoolean(false) && text(p, "responsible").length() > 200) {
                    throw PipelineException.invalid("responsible is longer than 200 characters");
                }
            }
            case ADD_TASK -> {
                if (text(p, "title").length() > 500) {
                    throw PipelineException.invalid("title is longer than 500 characters");
                }
                String kind = p.path("kind").asText("task");
                if (!TaskService.KINDS.contains(kind)) {
                    throw PipelineException.invalid("kind must be task, reminder or call");
                }
                p.put("kind", kind);
                if (p.has("due")) {
                    p.put("due", duration("due", p.get("due")).toString());
                }
            }
            case SET_FIELD -> {
                String field = text(p, "field");
                if (field.length() > 100) {
                    throw PipelineException.invalid("field is longer than 100 characters");
                }
                if (!p.has("value")) {
                    throw PipelineException.invalid("params.value is required (null clears the field)");
                }
                if (field.equals("amount")) {
                    DealService.amount(p.get("value"));
                }
            }
            case MOVE -> {
                if (!NEXT.equals(text(p, "stageId"))) {
                    PipelineService.parseId("params.stageId", text(p, "stageId"));
                }
            }
            case CREATE_DEAL -> {
                PipelineService.parseId("params.pipelineId", text(p, "pipelineId"));
                if (p.hasNonNull("stageId")) {
                    PipelineService.parseId("params.stageId", p.get("stageId").asText());
                }
            }
            case NOTIFY -> {
                if (text(p, "text").length() > 1000) {
                    throw PipelineException.invalid("text is longer than 1000 characters");
                }
            }
            case REOPEN -> {
                // no parameters
            }
        }
        return p;
    }

    static long delaySeconds(JsonNode delay) {
        if (delay == null || delay.isNull() || delay.isMissingNode()) {
            return 0;
        }
        long seconds = duration("delay", delay).toSeconds();
        if (seconds > MAX_DELAY_SECONDS) {
            throw PipelineException.invalid("delay is at most a year");
        }
        return seconds;
    }

    /** A duration written as ISO-8601 ({@code PT30M}) or as a number of seconds. */
    static Duration duration(String name, JsonNode n) {
        Duration d;
        try {
            d = n.isNumber() ? Duration.ofSeconds(n.asLong())
                    : n.asText().strip().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(n.asText().strip()))
                    : Duration.parse(n.asText().strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw PipelineException.invalid(name + " must be an ISO-8601 duration such as PT30M, or seconds");
        }
        if (d.isNegative()) {
            throw PipelineException.invalid(name + " must not be negative");
        }
        return d;
    }

    private static String text(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw PipelineException.invalid("params." + field + " is required");
        }
        return v.asText().strip();
    }

    private static List<AutomationRuleView> views(List<AutomationRule> rules) {
        return rules.stream().map(AutomationService::view).toList();
    }

    static AutomationRuleView view(AutomationRule r) {
        ObjectNode params;
        try {
            params = (ObjectNode) MAPPER.readTree(r.params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (params.has("secret")) {
            params.put("secret", "***");
        }
        return new AutomationRuleView(String.valueOf(r.id), MoveView.str(r.pipelineId), MoveView.str(r.stageId),
                r.action, params, r.delaySeconds, r.triggerOn, r.leadStatus,
                r.inquiryKinds == null ? List.of() : List.of(r.inquiryKinds.split(" ")),
                r.delayPeriod != null ? r.delayPeriod : Duration.ofSeconds(r.delaySeconds).toString(), r.repeatEvery);
    }
}
