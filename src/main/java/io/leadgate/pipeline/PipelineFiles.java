package io.leadgate.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Reads pipeline files: every {@code *.yaml} / {@code *.yml} directly inside the directory may hold
 * {@code pipelines} (name, stages, optional default and managers), {@code lead-statuses} (code, name, semantics),
 * {@code junk-reasons} and {@code loss-reasons} (codes, or code and name). Pipelines go through {@link PipelineValidator} and the rest
 * through {@link CatalogValidator}, exactly as over the API.
 */
public final class PipelineFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("pipelines", "lead-statuses", "junk-reasons", "loss-reasons");
    private static final Set<String> PIPELINE_KEYS = Set.of("name", "stages", "default", "managers");
    private static final Set<String> STAGE_KEYS = Set.of("name", "color", "semantics");

    private PipelineFiles() {
    }

    public record FilePipeline(PipelineSpec spec, boolean isDefault, List<String> managers) {
    }

    public record Content(List<FilePipeline> pipelines, List<CatalogValidator.Status> statuses,
                          List<CatalogValidator.Reason> reasons, List<CatalogValidator.Reason> lossReasons) {
    }

    /** Everything defined in the directory, files in name order; a missing directory defines nothing. */
    public static Content load(Path dir) {
        List<FilePipeline> pipelines = new ArrayList<>();
        List<CatalogValidator.Status> statuses = new ArrayList<>();
        List<CatalogValidator.Reason> reasons = new ArrayList<>();
        List<CatalogValidator.Reason> lossReasons = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Content(pipelines, statuses, reasons, lossReasons);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).+\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new PipelineFileException(dir, null, "cannot list the directory: " + e.getMessage());
        }
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            Content c = loadFile(file);
            for (FilePipeline p : c.pipelines()) {
                if (!names.add(p.spec().name().toLowerCase(Locale.ROOT))) {
                    throw new PipelineFileException(file, "pipeline '" + p.spec().name() + "'", "defined twice");
                }
            }
            pipelines.addAll(c.pipelines());
            statuses.addAll(c.statuses());
            reasons.addAll(c.reasons());
            lossReasons.addAll(c.lossReasons());
        }
        if (pipelines.stream().filter(FilePipeline::isDefault).count() > 1) {
            throw new PipelineFileException(dir, null, "more than one pipeline is marked default");
        }
        return new Content(pipelines, statuses, reasons, lossReasons);
    }

    /** One file. */
    public static Content loadFile(Path file) {
        Object tree;
        try {
            tree = YAML.readValue(file.toFile(), Object.class);
        } catch (JacksonException e) {
            throw new PipelineFileException(file, null, "not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new PipelineFileException(file, null, "cannot read: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new PipelineFileException(file, null, "expected a mapping with pipelines, lead-statuses, junk-reasons or loss-reasons");
        }
        for (Object key : root.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new PipelineFileException(file, "key '" + key + "'", "unknown; expected pipelines, lead-statuses, junk-reasons or loss-reasons");
            }
        }
        List<FilePipeline> pipelines = new ArrayList<>();
        List<?> list = list(file, "pipelines", root.get("pipelines"));
        for (int i = 0; i < list.size(); i++) {
            String where = "pipelines[" + i + "]";
            Map<?, ?> p = map(file, where, list.get(i));
            known(file, where, p, PIPELINE_KEYS);
            List<StageSpec> stages = new ArrayList<>();
            List<?> stageList = list(file, where + ".stages", p.get("stages"));
            for (int j = 0; j < stageList.size(); j++) {
                String at = where + ".stages[" + j + "]";
                Map<?, ?> s = map(file, at, stageList.get(j));
                known(file, at, s, STAGE_KEYS);
                stages.add(new StageSpec(text(s.get("name")), text(s.get("color")), text(s.get("semantics"))));
            }
            PipelineSpec spec = new PipelineSpec(text(p.get("name")), stages);
            PipelineValidator.Valid valid;
            try {
                valid = PipelineValidator.validate(spec);
            } catch (PipelineException e) {
                throw new PipelineFileException(file, where, e.getMessage());
            }
            List<String> managers = new ArrayList<>();
            list(file, where + ".managers", p.get("managers")).forEach(m -> managers.add(String.valueOf(m).strip()));
            pipelines.add(new FilePipeline(new PipelineSpec(valid.name(), stages),
                    Boolean.parseBoolean(String.valueOf(p.get("default"))), managers));
        }
        List<CatalogValidator.Status> statuses = new ArrayList<>();
        List<?> statusList = list(file, "lead-statuses", root.get("lead-statuses"));
        for (int i = 0; i < statusList.size(); i++) {
            String where = "lead-statuses[" + i + "]";
            Map<?, ?> s = map(file, where, statusList.get(i));
            try {
                statuses.add(CatalogValidator.status(text(s.get("code")), text(s.get("name")), text(s.get("semantics"))));
            } catch (PipelineException e) {
                throw new PipelineFileException(file, where, e.getMessage());
            }
        }
        List<CatalogValidator.Reason> reasons = reasons(file, "junk-reasons", root, CatalogValidator::reason);
        List<CatalogValidator.Reason> lossReasons = reasons(file, "loss-reasons", root, CatalogValidator::lossReason);
        return new Content(pipelines, statuses, reasons, lossReasons);
    }

    private static List<CatalogValidator.Reason> reasons(Path file, String key, Map<?, ?> root,
                                                         BiFunction<String, String, CatalogValidator.Reason> check) {
        List<CatalogValidator.Reason> reasons = new ArrayList<>();
        List<?> reasonList = list(file, key, root.get(key));
        for (int i = 0; i < reasonList.size(); i++) {
            String where = key + "[" + i + "]";
            Object r = reasonList.get(i);
            try {
                reasons.add(r instanceof Map<?, ?> m ? check.apply(text(m.get("code")), text(m.get("name")))
                        : check.apply(text(r), null));
            } catch (PipelineException e) {
                throw new PipelineFileException(file, where, e.getMessage());
            }
        }
        return reasons;
    }

    private static List<?> list(Path file, String where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new PipelineFileException(file, where, "expected a list");
        }
        return l;
    }

    private static Map<?, ?> map(Path file, String where, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new PipelineFileException(file, where, "expected a mapping");
        }
        return m;
    }

    private static void known(Path file, String where, Map<?, ?> map, Set<String> keys) {
        for (Object key : map.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw new PipelineFileException(file, where + ", key '" + key + "'", "unknown; expected one of "
                        + String.join(", ", keys.stream().sorted().toList()));
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
