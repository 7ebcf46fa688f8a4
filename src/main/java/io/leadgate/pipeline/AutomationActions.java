package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.events.EventTypes;
import io.leadgate.outbound.WebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Performs one automation job inside the executor's transaction. */
@ApplicationScoped
public class AutomationActions {

    /** A failure worth retrying later (the webhook target is down). The message holds no personal data. */
    public static class RetryLater extends RuntimeException {
        public RetryLater(String message) {
            super(message);
        }
    }

    private final DealService deals;
    private final DealEvents events;
    private final Assigner assigner;
    private final LeadgateConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    AutomationActions(DealService deals, DealEvents events, Assigner assigner, LeadgateConfig config) {
        this.deals = deals;
        this.events = events;
        this.assigner = assigner;
        this.config = config;
        this.mapper = events.mapper();
        this.http = HttpClient.newBuilder().connectTimeout(config.pipeline().automation().webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Runs the job; answers done or skipped, or throws {@link RetryLater}. */
    public String run(AutomationJob job, Instant now) {
        Deal deal = Deal.findById(job.dealId, LockModeType.PESSIMISTIC_WRITE);
        AutomationAction action = AutomationAction.parse(job.action).orElse(null);
        if (deal == null || action == null) {
            return AutomationJobs.SKIPPED;
        }
        ObjectNode p = params(job);
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
            case WEBHOOK -> webhook(job, deal, p, now);
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
                DealTask task = new DealTask();
                task.dealId = deal.id;
                task.kind = p.path("kind").asText("task");
                task.title = p.get("title").asText().strip();
                DealMove entry = DealMove.findById(job.moveId);
                Instant from = entry == null ? now : entry.movedAt;
                task.dueAt = p.has("due") ? from.plus(Duration.parse(p.get("due").asText())) : null;
                task.done = false;
                task.jobId = job.id;
                task.createdAt = now;
                task.persist();
            }
            case SET_FIELD -> {
                String field = p.get("field").asText().strip();
                JsonNode value = p.get("value");
                switch (field) {
                    case "amount" -> deal.amount = DealService.amount(value);
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
                Stage target = Stage.findById(Long.parseLong(p.get("stageId").asText()));
                if (current == null || !current.id.equals(job.moveId) || target == null || target.deleted
                        || target.id.equals(deal.stageId)) {
                    return AutomationJobs.SKIPPED; // the deal moved on meanwhile: the delayed move no longer applies
                }
                deals.moveTo(deal, target, "automation:" + job.ruleId, null, now, 0);
            }
        }
        return AutomationJobs.DONE;
    }

    private void updated(Deal deal, Instant now) {
        deal.updatedAt = now;
        events.deal(EventTypes.DEAL_UPDATED, deal, null, now);
    }

    /**
     * POSTs {@code {type, jobId, ruleId, stageId, deal}} with Standard Webhooks headers; the webhook-id is stable per
     * job so a receiver can drop a repeat after a crash between the call and the commit.
     */
    private void webhook(AutomationJob job, Deal deal, ObjectNode p, Instant now) {
        URI url = WebhookTargets.parse(p.get("url").asText());
        if (!config.pipeline().automation().allowPrivateWebhooks()) {
            WebhookTargets.refuseInternal(url);
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("type", EventTypes.DEAL_STAGE_ENTERED);
        body.put("jobId", String.valueOf(job.id));
        body.put("ruleId", String.valueOf(job.ruleId));
        body.put("stageId", String.valueOf(job.stageId));
        body.set("deal", mapper.valueToTree(DealView.of(deal)));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String id = "automation-" + job.id;
        String timestamp = String.valueOf(now.getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.pipeline().automation().webhookTimeout())
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (p.hasNonNull("secret")) {
            request.header("webhook-signature",
                    WebhookSigner.sign(p.get("secret").asText(), id, now.getEpochSecond(), bytes));
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new RetryLater("webhook unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("webhook call interrupted");
        }
        if (status < 200 || status > 299) {
            throw new RetryLater("webhook answered " + status);
        }
    }

    private ObjectNode params(AutomationJob job) {
        try {
            return (ObjectNode) mapper.readTree(job.params);
        } catch (IOException e) {
            throw new IllegalStateException("automation job " + job.id + " has unreadable params", e);
        }
    }
}
