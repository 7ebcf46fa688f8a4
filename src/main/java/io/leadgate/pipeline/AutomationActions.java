package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.events.EventTypes;
import io.leadgate.outbound.WebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.leadgate.outbound.PinnedPost;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Performs one automation job inside the executor's transaction; a webhook job is only prepared there
 * ({@link #prepareWebhook}) and sent by the executor after that transaction, through the guarded, pinned sender
 * ({@link #send}).
 */
@ApplicationScoped
public class AutomationActions {

    /** A prepared automation webhook call: sent outside any transaction. */
    public record WebhookCall(long jobId, String url, Map<String, String> headers, byte[] body) {
    }

    /** A failure worth retrying later (the webhook target is down). The message holds no personal data. */
    public static class RetryLater extends RuntimeException {
        public RetryLater(String message) {
            super(message);
        }
    }

    private final TaskService tasks;
    private final DealService deals;
    private final DealEvents events;
    private final Assigner assigner;
    private final LeadgateConfig config;
    private final ObjectMapper mapper;
    private final PinnedPost http;
    private final LeadRobots leadRobots;

    AutomationActions(DealService deals, DealEvents events, Assigner assigner, LeadgateConfig config, Vertx vertx,
                      LeadRobots leadRobots, TaskService tasks) {
        this.tasks = tasks;
        this.deals = deals;
        this.events = events;
        this.assigner = assigner;
        this.config = config;
        this.leadRobots = leadRobots;
        this.mapper = events.mapper();
        this.http = new PinnedPost(vertx, config.pipeline().automation().webhookTimeout(),
                config.pipeline().automation().allowPrivateWebhooks());
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Runs the job; answers done or skipped, or throws {@link RetryLater}. */
    public String run(AutomationJob job, Instant now) {
        AutomationAction action = AutomationAction.parse(job.action).orElse(null);
        if (action == null) {
            return AutomationJobs.SKIPPED;
        }
        ObjectNode p = params(job);
        if (job.dealId == null) {
            return leadRobots.run(job, action, p, now);
        }
        Deal deal = Deal.findById(job.dealId, LockModeType.PESSIMISTIC_WRITE);
        if (deal == null) {
            return AutomationJobs.SKIPPED;
        }
        switch (action) {
            case EMIT_EVENT -> {
                ObjectNode data = mapper.createObjectNode();
                data.set("deal", mapper.valueToTree(DealView.of(deal)));
                data.put("stageId", String.valueOf(job.stageId));
                data.put("ruleId", String.valueOf(job.ruleId));
                if (p.has("data")) {
                    data.set("data", p.get("data"));
                }
                events.custom(p.path("type").asText(EventTypes.DEAL_STAGE_ENTERED), deal, data, now);
            }
            case WEBHOOK -> throw new IllegalStateException("a webhook job is prepared, then sent outside the transaction");
            case SET_RESPONSIBLE -> {
                if (p.path("roundRobin").asBoolean(false)) {
                    Pipeline pipeline = Pipeline.findById(deal.pipelineId);
                    deal.responsible = assigner.next("pipeline:" + deal.pipelineId, pipeline.managerList())
                            .orElse(deal.responsible);
                } else {
                    deal.responsible = p.get("responsible").asText().strip();
                }
                updated(deal, now);
            }
            case ADD_TASK -> {
                // due from the stage entry that scheduled the task; from now for an inquiry's task
                DealMove entry = job.moveId == null || job.cause != null && !job.cause.startsWith("move:") ? null
                        : DealMove.findById(job.moveId);
                Instant from = entry == null ? now : entry.movedAt;
                tasks.addAutomatic(deal.id, null, p.path("kind").asText("task"), p.get("title").asText().strip(),
                        p.has("due") ? from.plus(Duration.parse(p.get("due").asText())) : null, deal.responsible,
                        job.id, null, "automation:" + job.ruleId, now);
            }
            case SET_FIELD -> {
                String field = p.get("field").asText().strip();
                JsonNode value = p.get("value");
                switch (field) {
                    case "amount" -> {
                        deal.amount = DealService.amount(value);
                        deal.amountManual = deal.amount != null;
                        DealItems.follow(deal);
                    }
                    case "currency" -> deal.currency = value.isNull() ? null : deals.currency(value.asText(), deal.amount);
                    case "responsible" -> deal.responsible = value.isNull() ? null : value.asText();
                    default -> {
                        ObjectNode fields = (ObjectNode) DealView.fields(deal);
                        DealService.setField(fields, field, value);
                        deal.fields = fields.toString();
                    }
                }
                updated(deal, now);
            }
            case MOVE -> {
                DealMove current = DealMove.find("dealId = ?1 and leftAt is null order by id desc", deal.id).firstResult();
                Stage target = AutomationService.NEXT.equals(p.get("stageId").asText()) ? nextStage(deal)
                        : Stage.findById(Long.parseLong(p.get("stageId").asText()));
                if (current == null || !current.id.equals(job.moveId) || target == null || target.deleted
                        || target.id.equals(deal.stageId)) {
                    return AutomationJobs.SKIPPED; // the deal moved on meanwhile: the delayed move no longer applies
                }
                deals.moveTo(deal, target, "automation:" + job.ruleId, p.path("lossReason").asText(null), now, 0);
            }
            case CREATE_DEAL -> {
                Stage entered = job.stageId == null ? null : Stage.findById(job.stageId);
                if (job.cause != null && job.cause.startsWith("move:") && entered != null
                        && !DealService.status(entered).equals(deal.status)) {
                    return AutomationJobs.SKIPPED; // e.g. a boost after a win: the deal is no longer won
                }
                leadRobots.createDeal(p, deal.contactId, deal.leadId, deal.channelId, deal.source, deal.responsible,
                        deal.id, "automation:" + job.ruleId, now);
            }
            case NOTIFY -> {
                if (deal.responsible == null) {
                    return AutomationJobs.SKIPPED;
                }
                ObjectNode data = leadRobots.notice(deal.responsible, p, job);
                data.set("deal", mapper.valueToTree(DealView.of(deal)));
                events.custom(EventTypes.MANAGER_NOTIFIED, deal, data, now);
            }
            case REOPEN -> {
                return AutomationJobs.SKIPPED; // a lead action
            }
        }
        return AutomationJobs.DONE;
    }

    /** The live stage after the deal's current one in its pipeline; null at the last. */
    private static Stage nextStage(Deal deal) {
        java.util.List<Stage> stages = Stage.of(deal.pipelineId);
        for (int i = 0; i < stages.size() - 1; i++) {
            if (stages.get(i).id.equals(deal.stageId)) {
                return stages.get(i + 1);
            }
        }
        return null;
    }

    private void updated(Deal deal, Instant now) {
        deal.updatedAt = now;
        events.deal(EventTypes.DEAL_UPDATED, deal, null, now);
    }

    /**
     * Prepares a webhook job's POST of {@code {type, jobId, ruleId, stageId, deal}} with Standard Webhooks headers;
     * empty when the job no longer applies (deal gone). The webhook-id is stable per job so a receiver can drop a
     * repeat after a crash between the call and the commit of its result.
     */
    public Optional<WebhookCall> prepareWebhook(AutomationJob job, Instant now) {
        Deal deal = Deal.findById(job.dealId);
        AutomationAction action = AutomationAction.parse(job.action).orElse(null);
        if (deal == null || action != AutomationAction.WEBHOOK) {
            return Optional.empty();
        }
        ObjectNode p = params(job);
        String url = WebhookTargets.parse(p.get("url").asText()).toString();
        ObjectNode body = mapper.createObjectNode();
        body.put("type", EventTypes.DEAL_STAGE_ENTERED);
        body.put("jobId", String.valueOf(job.id));
        body.put("ruleId", String.valueOf(job.ruleId));
        body.put("stageId", String.valueOf(job.stageId));
        body.set("deal", mapper.valueToTree(DealView.of(deal)));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String id = "automation-" + job.id;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Leadgate-Automation/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", String.valueOf(now.getEpochSecond()));
        if (p.hasNonNull("secret")) {
            headers.put("webhook-signature", WebhookSigner.sign(p.get("secret").asText(), id, now.getEpochSecond(), bytes));
        }
        return Optional.of(new WebhookCall(job.id, url, Map.copyOf(headers), bytes));
    }

    /**
     * Sends a prepared call (never inside a transaction: it may take the whole timeout): the target is checked by
     * the SSRF guard and the connection pinned to the checked address; the timeout covers the whole answer.
     *
     * @return empty on a 2xx answer, else why the call failed (worth retrying; holds no personal data)
     */
    public Optional<String> send(WebhookCall call) {
        Duration timeout = config.pipeline().automation().webhookTimeout();
        PinnedPost.Answer answer;
        try {
            answer = http.post(call.url(), call.headers(), call.body(), timeout)
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("webhook call interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return Optional.of("webhook call timed out");
        }
        if (answer.refused()) {
            return Optional.of("webhook targets on internal addresses are not allowed");
        }
        if (answer.failure() != null) {
            return Optional.of("webhook unreachable: " + answer.failure());
        }
        return answer.ok() ? Optional.empty() : Optional.of("webhook answered " + answer.status());
    }

    private ObjectNode params(AutomationJob job) {
        try {
            return (ObjectNode) mapper.readTree(job.params);
        } catch (IOException e) {
            throw new IllegalStateException("automation job " + job.id + " has unreadable params", e);
        }
    }
}
