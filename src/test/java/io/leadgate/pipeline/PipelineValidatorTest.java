package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineValidatorTest {

    private static List<StageSpec> stages(int n) {
        List<StageSpec> list = new ArrayList<>();
        for (int i = 0; i < n - 2; i++) {
            list.add(new StageSpec("Step " + i, null, null));
        }
        list.add(new StageSpec("Won", "#0f0", "won"));
        list.add(new StageSpec("Lost", "#FF0000", "LOST"));
        return list;
    }

    private static String refused(PipelineSpec spec) {
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.validate(spec));
        assertEquals(PipelineException.Reason.INVALID, e.reason());
        return e.getMessage();
    }

    @Test
    void defaultPipelineIsValidWithoutWarnings() {
        PipelineValidator.Valid valid = PipelineValidator.validate(PipelineService.DEFAULT);
        assertEquals(7, valid.stages().size());
        assertEquals(List.of(), valid.warnings());
    }

    @Test
    void keepsBetweenTwoAndTwentyStages() {
        assertEquals("a pipeline keeps between 2 and 20 stages, got 1",
                refused(new PipelineSpec("One", List.of(new StageSpec("Only", null, null)))));
        assertEquals("a pipeline keeps between 2 and 20 stages, got 21", refused(new PipelineSpec("Many", stages(21))));
        assertEquals("a pipeline keeps between 2 and 20 stages, got 0", refused(new PipelineSpec("None", null)));
        assertEquals(20, PipelineValidator.validate(new PipelineSpec("Twenty", stages(20))).stages().size());
        assertEquals(2, PipelineValidator.validate(new PipelineSpec("Two",
                List.of(new StageSpec("Open", null, null), new StageSpec("Done", null, "won")))).stages().size());
    }

    @Test
    void warnsOutsideSixToFourteenStages() {
        assertEquals(List.of("the pipeline has 5 stages; 6 to 14 are advised"),
                PipelineValidator.validate(new PipelineSpec("Short", stages(5))).warnings());
        assertEquals(List.of("the pipeline has 15 stages; 6 to 14 are advised"),
                PipelineValidator.validate(new PipelineSpec("Long", stages(15))).warnings());
        assertEquals(List.of(), PipelineValidator.validate(new PipelineSpec("Six", stages(6))).warnings());
        assertEquals(List.of(), PipelineValidator.validate(new PipelineSpec("Fourteen", stages(14))).warnings());
    }

    @Test
    void warnsWithoutWonOrLostStage() {
        PipelineValidator.Valid valid = PipelineValidator.validate(new PipelineSpec("Open",
                List.of(new StageSpec("A", null, null), new StageSpec("B", null, "in_progress"))));
        assertEquals(List.of("the pipeline has 2 stages; 6 to 14 are advised", "the pipeline has no won stage",
                "the pipeline has no lost stage"), valid.warnings());
    }

    @Test
    void normalisesColoursAndSemantics() {
        PipelineValidator.Valid valid = PipelineValidator.validate(new PipelineSpec("  Sales 2  ", stages(6)));
        assertEquals("Sales 2", valid.name());
        assertEquals("#0f0", valid.stages().get(4).color());
        assertEquals("#ff0000", valid.stages().get(5).color());
        assertEquals(Semantics.LOST, valid.stages().get(5).semantics());
        assertEquals(Semantics.IN_PROGRESS, valid.stages().get(0).semantics());
        assertTrue(valid.stages().get(0).color().matches("#[0-9a-f]{6}"), "a missing colour comes from the palette");
    }

    @Test
    void refusesBadStages() {
        assertEquals("stage 2 color must be #rgb or #rrggbb, got 'green'", refused(new PipelineSpec("P",
                List.of(new StageSpec("A", null, null), new StageSpec("B", "green", "won")))));
        assertEquals("stage 2 semantics must be one of in-progress, won, lost, got 'maybe'", refused(new PipelineSpec("P",
                List.of(new StageSpec("A", null, null), new StageSpec("B", null, "maybe")))));
        assertEquals("stage names must be unique: 'a' appears twice", refused(new PipelineSpec("P",
                List.of(new StageSpec("A", null, null), new StageSpec("a", null, "won")))));
        assertEquals("stage 2 name is required", refused(new PipelineSpec("P",
                List.of(new StageSpec("A", null, null), new StageSpec(" ", null, "won")))));
        assertEquals("the first stage must be in-progress: deals enter the pipeline there", refused(new PipelineSpec("P",
                List.of(new StageSpec("Won", null, "won"), new StageSpec("B", null, null)))));
        assertEquals("a pipeline has at most one won stage, got 2", refused(new PipelineSpec("P",
                List.of(new StageSpec("A", null, null), new StageSpec("W1", null, "won"), new StageSpec("W2", null, "won")))));
        assertEquals("pipeline name is required", refused(new PipelineSpec(null, stages(6))));
    }
}
