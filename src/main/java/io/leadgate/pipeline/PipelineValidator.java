package io.leadgate.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one validator of pipeline definitions, for the API and for pipeline files alike. Pure.
 *
 * <p>Rules: a name; between {@value #MIN_STAGES} and {@value #MAX_STAGES} stages; stage names present and unique
 * (case-insensitive); colours {@code #rgb} or {@code #rrggbb} (a missing colour gets one from the palette);
 * semantics {@code in-progress}, {@code won} or {@code lost} (missing = in-progress); the first stage in progress;
 * at most one won stage. Warnings, not errors: fewer than {@value #ADVISED_MIN} or more than {@value #ADVISED_MAX}
 * stages, no won stage, no lost stage.
 */
public final class PipelineValidator {

    public static final int MIN_STAGES = 2;
    public static final int MAX_STAGES = 20;
    public static final int ADVISED_MIN = 6;
    public static final int ADVISED_MAX = 14;
    static final int MAX_NAME = 200;
    private static final Pattern COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final String[] PALETTE = {"#39a8ef", "#2fc6f6", "#55d0e0", "#47e4c2", "#ffa900", "#ff5752",
            "#7bd500", "#9dcf00", "#f7a700", "#ace5ec", "#c3c5c9", "#e89b06"};

    private PipelineValidator() {
    }

    /** A stage after validation. */
    public record Stage(String name, String color, Semantics semantics) {
    }

    /** A valid definition, normalised, with the warnings to show the operator. */
    public record Valid(String name, List<Stage> stages, List<String> warnings) {
    }

    /** Validates a whole definition; throws {@link PipelineException} (invalid) naming the first problem. */
    public static Valid validate(PipelineSpec spec) {
        if (spec == null) {
            throw PipelineException.invalid("a pipeline needs a name and stages");
        }
        String name = name("pipeline name", spec.name());
        List<StageSpec> specs = spec.stages() == null ? List.of() : spec.stages();
        if (specs.size() < MIN_STAGES || specs.size() > MAX_STAGES) {
            throw PipelineException.invalid(Refusal.PIPELINE_STAGE_COUNT, "a pipeline keeps between " + MIN_STAGES
                    + " and " + MAX_STAGES + " stages, got " + specs.size(), MIN_STAGES, MAX_STAGES, specs.size());
        }
        List<Stage> stages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int won = 0;
        int lost = 0;
        for (int i = 0; i < specs.size(); i++) {
            StageSpec s = specs.get(i);
            String where = "stage " + (i + 1);
            if (s == null) {
                throw PipelineException.invalid(where + " is empty");
            }
            Stage stage = stage(where, s, i);
            if (!seen.add(stage.name().toLowerCase(Locale.ROOT))) {
                throw PipelineException.invalid(Refusal.STAGE_NAME_TWICE,
                        "stage names must be unique: '" + stage.name() + "' appears twice", stage.name());
            }
            won += stage.semantics() == Semantics.WON ? 1 : 0;
            lost += stage.semantics() == Semantics.LOST ? 1 : 0;
            stages.add(stage);
        }
        if (stages.get(0).semantics() != Semantics.IN_PROGRESS) {
            throw PipelineException.invalid(Refusal.STAGE_FIRST_NOT_IN_PROGRESS,
                    "the first stage must be in-progress: deals enter the pipeline there");
        }
        if (won > 1) {
            throw PipelineException.invalid(Refusal.STAGE_WON_TWICE, "a pipeline has at most one won stage, got " + won, won);
        }
        List<String> warnings = new ArrayList<>();
        if (stages.size() < ADVISED_MIN || stages.size() > ADVISED_MAX) {
            warnings.add("the pipeline has " + stages.size() + " stages; " + ADVISED_MIN + " to " + ADVISED_MAX
                    + " are advised");
        }
        if (won == 0) {
            warnings.add("the pipeline has no won stage");
        }
        if (lost == 0) {
            warnings.add("the pipeline has no lost stage");
        }
        return new Valid(name, List.copyOf(stages), List.copyOf(warnings));
    }

    /** One stage: name present, colour valid (or from the palette), semantics known. */
    public static Stage stage(String where, StageSpec s, int index) {
        String name = name(where + " name", s.name());
        String color;
        if (s.color() == null || s.color().isBlank()) {
            color = PALETTE[index % PALETTE.length];
        } else if (COLOR.matcher(s.color().strip()).matches()) {
            color = s.color().strip().toLowerCase(Locale.ROOT);
        } else {
            throw PipelineException.invalid(Refusal.STAGE_COLOR_INVALID,
                    where + " color must be #rgb or #rrggbb, got '" + s.color() + "'", s.color());
        }
        Semantics semantics = s.semantics() == null || s.semantics().isBlank() ? Semantics.IN_PROGRESS
                : Semantics.parse(s.semantics()).orElseThrow(() -> PipelineException.invalid(
                        where + " semantics must be one of in-progress, won, lost, got '" + s.semantics() + "'"));
        return new Stage(name, color, semantics);
    }

    private static String name(String what, String value) {
        if (value == null || value.isBlank()) {
            throw PipelineException.invalid(Refusal.NAME_REQUIRED, what + " is required");
        }
        String name = value.strip();
        if (name.length() > MAX_NAME) {
            throw PipelineException.invalid(Refusal.NAME_TOO_LONG, what + " is longer than " + MAX_NAME + " characters",
                    MAX_NAME);
        }
        return name;
    }
}
