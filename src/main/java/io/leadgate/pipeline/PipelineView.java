package io.leadgate.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A pipeline as the API shows it (CONTRACT §7), with the validator's warnings (e.g. outside 6–14 stages). */
public record PipelineView(String id, String name, @JsonProperty("default") boolean isDefault, String origin,
                           List<String> managers, List<StageView> stages, List<String> warnings) {
}
