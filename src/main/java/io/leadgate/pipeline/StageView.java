package io.leadgate.pipeline;

/** A stage as the API shows it (CONTRACT §7). */
public record StageView(String id, String name, String color, String semantics, int position, int probability) {

    public static StageView of(Stage s) {
        return new StageView(String.valueOf(s.id), s.name, s.color, s.semantics, s.position,
                Probabilities.of(s));
    }
}
