package io.leadgate.pipeline;

/** A stage as written by an operator (API body or pipeline file), before validation; any field may be null. */
public record StageSpec(String name, String color, String semantics) {
}
