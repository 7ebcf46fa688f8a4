package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/** An automation rule as the API shows it; a webhook secret is never shown. */
public record AutomationRuleView(String id, String pipelineId, String stageId, String action, JsonNode params,
                                 long delaySeconds) {
}
