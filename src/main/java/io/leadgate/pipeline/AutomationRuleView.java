package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * An automation rule as the API shows it; a webhook secret is never shown. {@code delay} is the delay as written
 * (a calendar period such as P11M, or a duration), {@code delaySeconds} its length in seconds (for a period: an
 * estimate from the epoch); {@code repeat} null for a rule that runs once per occasion.
 */
public record AutomationRuleView(String id, String pipelineId, String stageId, String action, JsonNode params,
                                 long delaySeconds, String trigger, String leadStatus, List<String> inquiryKinds,
                                 String delay, String repeat) {
}
