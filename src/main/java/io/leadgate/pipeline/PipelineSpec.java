package io.leadgate.pipeline;

import java.util.List;

/** A pipeline as written by an operator (API body or pipeline file), before validation. */
public record PipelineSpec(String name, List<StageSpec> stages) {
}
