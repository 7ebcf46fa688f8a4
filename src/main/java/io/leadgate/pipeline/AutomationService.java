package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Automation rules on stage entry: saved validated; the jobs they schedule run in {@link AutomationExecutor}. */
@ApplicationScoped
public class AutomationService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final long MAX_DELAY_SECONDS = Duration.ofDays(366).toSeconds();

    private final PipelineService pipelines;
    private final TunnelService tunnels;
    private final LeadgateConfig config;

    AutomationService(PipelineService pipelines, TunnelService tunnels, LeadgateConfig config) {
        this.pipelines = pipelines;
        this.tunnels = tunnels;
        this.config = config;
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

    @Transactional
    public AutomationRuleView create(String stageId, String action, JsonNode params, JsonNode delay) {
        Stage stage = pipelines.requestedStage(stageId);
        AutomationAction a = AutomationAction.parse(action).orElseThrow(() -> PipelineException.invalid(
                "action must be one of emit-event, webhook, set-responsible, add-task, set-field, move"));
        ObjectNode p = validate(a, params);
        if (a == AutomationAction.WEBHOOK && !config.pipeline().automation().allowPrivateWebhooks()) {
            WebhookTargets.refuseInternal(WebhookTargets.parse(p.path("url").asText()));
        }
        if (a == AutomationAction.MOVE) {
            Stage target = pipelines.requestedStage(p.path("stageId").asText());
            if (target.semantics() == Semantics.LOST) {
                p.put("lossReason", LossReasons.require(p.path("lossReason").asText(null)));
            }
            TunnelService.lockRules();
            tunnels.refuseLoop(stage.id, target.id);
        }
        AutomationRule rule = new AutomationRule();
        rule.pipelineId = stage.pipelineId;
        rule.stageId = stage.id;
        rule.action = a.code();
        rule.params = p.toString();
        rule.delaySeconds = delaySeconds(delay);
        rule.createdAt = Instant.now();
        rule.persist();
        return view(rule);
    }

    @Transactional
    public void delete(long id) {
        if (!AutomationRule.deleteById(id)) {
            throw PipelineException.notFound("no automation " + id);
        }
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
                if (!kind.equals("task") && !kind.equals("reminder")) {
                    throw PipelineException.invalid("kind must be task or reminder");
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
            case MOVE -> PipelineService.parseId("params.stageId", text(p, "stageId"));
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
        return new AutomationRuleView(String.valueOf(r.id), String.valueOf(r.pipelineId), String.valueOf(r.stageId),
                r.action, params, r.delaySeconds);
    }
}
