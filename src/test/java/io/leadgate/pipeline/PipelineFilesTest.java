package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineFilesTest {

    @Test
    void loadsPipelinesStatusesAndReasons() {
        PipelineFiles.Content c = PipelineFiles.load(Path.of("src/test/resources/pipelines"));
        assertEquals(1, c.pipelines().size());
        PipelineFiles.FilePipeline p = c.pipelines().get(0);
        assertEquals("Service desk", p.spec().name());
        assertEquals(6, p.spec().stages().size());
        assertEquals(List.of("dora", "dan"), p.managers());
        assertEquals(List.of("callback", "qualified", "test-lead"), c.statuses().stream().map(CatalogValidator.Status::code).toList());
        assertEquals(List.of("test-submission"), c.reasons().stream().map(CatalogValidator.Reason::code).toList());
        assertEquals(List.of(new CatalogValidator.Reason("no-access", "No access on site")), c.lossReasons());
    }

    @Test
    void missingDirectoryDefinesNothing(@TempDir Path dir) {
        PipelineFiles.Content c = PipelineFiles.load(dir.resolve("absent"));
        assertTrue(c.pipelines().isEmpty() && c.statuses().isEmpty() && c.reasons().isEmpty()
                && c.lossReasons().isEmpty());
    }

    @Test
    void invalidPipelineIsRefusedBySameValidatorNamingFileAndPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                pipelines:
                  - name: Tiny
                    stages:
                      - {name: Only}
                """);
        PipelineFileException e = assertThrows(PipelineFileException.class, () -> PipelineFiles.load(dir));
        assertEquals("pipeline file " + file + ", pipelines[0]: a pipeline keeps between 2 and 20 stages, got 1", e.getMessage());
    }

    @Test
    void unknownKeysAndBadStatusesAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.yml");
        Files.writeString(file, "pipeline: []\n");
        assertEquals("pipeline file " + file + ", key 'pipeline': unknown; expected pipelines, lead-statuses, junk-reasons or loss-reasons",
                assertThrows(PipelineFileException.class, () -> PipelineFiles.load(dir)).getMessage());
        Files.writeString(file, "lead-statuses:\n  - {code: later, semantics: maybe}\n");
        assertEquals("pipeline file " + file + ", lead-statuses[0]: status semantics must be one of in-progress, converted, junk",
                assertThrows(PipelineFileException.class, () -> PipelineFiles.load(dir)).getMessage());
        Files.writeString(file, "pipelines:\n  - name: P\n    stages:\n      - {name: A, colour: red}\n");
        assertEquals("pipeline file " + file + ", pipelines[0].stages[0], key 'colour': unknown; expected one of color, name, semantics",
                assertThrows(PipelineFileException.class, () -> PipelineFiles.load(dir)).getMessage());
    }
}
