package io.leadgate.pipeline;

import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pipelines and their stages: create, rename, reorder, recolour, add and delete (empty) stages. Every change is
 * checked by building the resulting definition and running it through {@link PipelineValidator}, the same one
 * pipeline files go through, and recorded with its actor (a console username, the API's actor, or null for the
 * system) in the settings change log ({@link SettingsChanges}).
 */
@ApplicationScoped
public class PipelineService {

    public static final String DEFAULT_NAME = "Sales";

    /** The seeded default pipeline: 7 stages. */
    public static final PipelineSpec DEFAULT = new PipelineSpec(DEFAULT_NAME, List.of(
            new StageSpec("New", "#39a8ef", "in-progress"),
            new StageSpec("Qualification", "#2fc6f6", "in-progress"),
            new StageSpec("Proposal", "#55d0e0", "in-progress"),
            new StageSpec("Negotiation", "#47e4c2", "in-progress"),
            new StageSpec("Invoice", "#ffa900", "in-progress"),
            new StageSpec("Won", "#7bd500", "won"),
            new StageSpec("Lost", "#ff5752", "lost")));

    private final SettingsChanges changes;
    private final FunnelSummary summary;

    PipelineService(SettingsChanges changes, FunnelSummary summary) {
        this.changes = changes;
        this.summary = summary;
    }

    public List<PipelineView> list() {
        return Pipeline.<Pipeline>list("order by id").stream().map(this::view).toList();
    }

    public PipelineView get(long id) {
        return view(find(id));
    }

    public Pipeline find(long id) {
        Pipeline p = Pipeline.findById(id);
        if (p == null) {
            throw PipelineException.notFound("no pipeline " + id);
        }
        return p;
    }

    /** A pipeline named by id or by name (channel files use either); empty when there is none. */
    public Optional<Pipeline> byIdOrName(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String r = ref.strip();
        if (r.matches("\\d{1,18}")) {
            Optional<Pipeline> byId = Pipeline.findByIdOptional(Long.parseLong(r));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return Pipeline.find("lower(name) = ?1", r.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** A pipeline given in a request body: absent means the default, unknown is refused. */
    public Pipeline requested(String ref) {
        if (ref == null || ref.isBlank()) {
            return defaultPipeline();
        }
        Long id = parseId("pipelineId", ref);
        Pipeline p = Pipeline.findById(id);
        if (p == null) {
            throw PipelineException.invalid("no pipeline " + ref);
        }
        return p;
    }

    public Pipeline defaultPipeline() {
        return Pipeline.<Pipeline>find("isDefault = true order by id").firstResultOptional()
                .or(() -> Pipeline.<Pipeline>find("order by id").firstResultOptional())
                .orElseThrow(() -> PipelineException.conflict("there is no pipeline yet"));
    }

    /** A live stage given in a request body; unknown or deleted is refused. */
    public Stage requestedStage(String ref) {
        if (ref == null || ref.isBlank()) {
            throw PipelineException.invalid("stageId is required");
        }
        Stage s = Stage.findById(parseId("stageId", ref));
        if (s == null || s.deleted) {
            throw PipelineException.invalid("no stage " + ref);
        }
        return s;
    }

    /** The first stage of a pipeline: where deals enter. */
    public Stage firstStage(Pipeline p) {
        return Stage.of(p.id).get(0);
    }

    @Transactional
    public PipelineView create(PipelineSpec spec, List<String> managers, boolean makeDefault, String origin) {
        return create(spec, managers, makeDefault, origin, null);
    }

    /** As above; {@code actor} (a console username, the API's actor, or null for the system) is recorded. */
    @Transactional
    public PipelineView create(PipelineSpec spec, List<String> managers, boolean makeDefault, String origin,
                               String actor) {
        PipelineValidator.Valid valid = PipelineValidator.validate(spec);
        if (Pipeline.count("lower(name) = ?1", valid.name().toLowerCase(Locale.ROOT)) > 0) {
            throw PipelineException.conflict(Refusal.PIPELINE_NAME_TAKEN, "a pipeline named '" + valid.name() + "' exists",
                    valid.name());
        }
        Instant now = Instant.now();
        if (makeDefault) {
            Pipeline.update("isDefault = false where isDefault = true");
        }
        Pipeline p = new Pipeline();
        p.name = valid.name();
        p.isDefault = makeDefault;
        p.managers = managers(managers);
        p.origin = origin;
        p.createdAt = now;
        p.updatedAt = now;
        p.persist();
        for (int i = 0; i < valid.stages().size(); i++) {
            PipelineValidator.Stage s = valid.stages().get(i);
            Stage stage = new Stage();
            stage.pipelineId = p.id;
            stage.name = s.name();
            stage.color = s.color();
            stage.semantics = s.semantics().code();
            stage.position = i;
            stage.persist();
        }
        changes.record(actor, Kind.PIPELINE_CREATED, p.id, "'" + p.name + "', " + valid.stages().size() + " stages");
        return view(p);
    }

    /** Renames, sets the managers, or makes the pipeline the default; absent values change nothing. */
    @Transactional
    public PipelineView update(long id, String name, List<String> managers, Boolean makeDefault, String actor) {
        Pipeline p = find(id);
        if (name != null) {
            String valid = PipelineValidator.validate(new PipelineSpec(name, specs(p))).name();
            if (!valid.equalsIgnoreCase(p.name)
                    && Pipeline.count("lower(name) = ?1", valid.toLowerCase(Locale.ROOT)) > 0) {
                throw PipelineException.conflict(Refusal.PIPELINE_NAME_TAKEN, "a pipeline named '" + valid + "' exists",
                        valid);
            }
            p.name = valid;
        }
        if (managers != null) {
            p.managers = managers(managers);
        }
        if (Boolean.TRUE.equals(makeDefault) && !p.isDefault) {
            Pipeline.update("isDefault = false where isDefault = true");
            p.isDefault = true;
        }
        p.updatedAt = Instant.now();
        changes.record(actor, Kind.PIPELINE_UPDATED, p.id, "'" + p.name + "'"
                + (managers != null ? ", managers set" : "") + (Boolean.TRUE.equals(makeDefault) ? ", default" : ""));
        return view(p);
    }

    @Transactional
    public PipelineView addStage(long id, StageSpec spec, Integer position, String actor) {
        Pipeline p = find(id);
        List<Stage> stages = new ArrayList<>(Stage.of(id));
        int at = position == null ? insertionPoint(stages) : position;
        if (at < 0 || at > stages.size()) {
            throw PipelineException.invalid("position must be between 0 and " + stages.size());
        }
        List<StageSpec> specs = specs(stages);
        specs.add(at, spec);
        PipelineValidator.Valid valid = PipelineValidator.validate(new PipelineSpec(p.name, specs));
        PipelineValidator.Stage v = valid.stages().get(at);
        Stage stage = new Stage();
        stage.pipelineId = id;
        stage.name = v.name();
        stage.color = v.color();
        stage.semantics = v.semantics().code();
        stage.deleted = false;
        stages.add(at, stage);
        renumber(stages);
        stage.persist();
        p.updatedAt = Instant.now();
        changes.record(actor, Kind.STAGE_ADDED, p.id, "stage " + stage.id + " '" + stage.name + "' (" + stage.semantics
                + ") at " + (at + 1));
        summary.layoutChanged(id);
        return view(p);
    }

    /** Renames, recolours or changes the semantics of a stage; absent values change nothing. */
    @Transactional
    public PipelineView updateStage(long id, long stageId, StageSpec patch, String actor) {
        Pipeline p = find(id);
        List<Stage> stages = Stage.of(id);
        Stage stage = stages.stream().filter(s -> s.id == stageId).findFirst()
                .orElseThrow(() -> PipelineException.notFound("no stage " + stageId + " in pipeline " + id));
        List<StageSpec> specs = specs(stages);
        int at = stages.indexOf(stage);
        StageSpec old = specs.get(at);
        StageSpec merged = new StageSpec(patch.name() != null ? patch.name() : old.name(),
                patch.color() != null ? patch.color() : old.color(),
                patch.semantics() != null ? patch.semantics() : old.semantics());
        specs.set(at, merged);
        PipelineValidator.Stage v = PipelineValidator.validate(new PipelineSpec(p.name, specs)).stages().get(at);
        if (!v.semantics().code().equals(stage.semantics) && Deal.count("stageId", stage.id) > 0) {
            throw PipelineException.conflict(Refusal.STAGE_SEMANTICS_HAS_DEALS,
                    "stage " + stageId + " holds deals; move them before changing its semantics", stageId);
        }
        stage.name = v.name();
        stage.color = v.color();
        boolean meaning = !v.semantics().code().equals(stage.semantics);
        stage.semantics = v.semantics().code();
        p.updatedAt = Instant.now();
        changes.record(actor, Kind.STAGE_UPDATED, p.id, "stage " + stage.id + " '" + stage.name + "' " + stage.color
                + " (" + stage.semantics + ")");
        if (meaning) {
            summary.layoutChanged(id);
        }
        return view(p);
    }

    /** Puts the stages in the given order; the list must name every live stage once. */
    @Transactional
    public PipelineView reorder(long id, List<String> stageIds, String actor) {
        Pipeline p = find(id);
        List<Stage> stages = Stage.of(id);
        if (stageIds == null || stageIds.size() != stages.size()) {
            throw PipelineException.invalid("stageIds must list all " + stages.size() + " stages of the pipeline");
        }
        List<Stage> ordered = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String ref : stageIds) {
            long sid = parseId("stageIds", ref);
            Stage s = stages.stream().filter(x -> x.id == sid).findFirst()
                    .orElseThrow(() -> PipelineException.invalid("stage " + ref + " is not in pipeline " + id));
            if (!seen.add(sid)) {
                throw PipelineException.invalid("stage " + ref + " is listed twice");
            }
            ordered.add(s);
        }
        PipelineValidator.validate(new PipelineSpec(p.name, specs(ordered)));
        renumber(ordered);
        p.updatedAt = Instant.now();
        changes.record(actor, Kind.STAGES_REORDERED, p.id, "stages " + String.join(",", stageIds));
        summary.layoutChanged(id);
        return view(p);
    }

    /** Deletes a stage that holds no deals and no tunnel or automation refers to. */
    @Transactional
    public PipelineView deleteStage(long id, long stageId, String actor) {
        Pipeline p = find(id);
        List<Stage> stages = new ArrayList<>(Stage.of(id));
        Stage stage = stages.stream().filter(s -> s.id == stageId).findFirst()
                .orElseThrow(() -> PipelineException.notFound("no stage " + stageId + " in pipeline " + id));
        long deals = Deal.count("stageId", stage.id);
        if (deals > 0) {
            throw PipelineException.conflict(Refusal.STAGE_HOLDS_DEALS,
                    "stage '" + stage.name + "' holds " + deals + " deal(s); only empty stages can be deleted", stage.name, deals);
        }
        if (Tunnel.count("fromStageId = ?1 or toStageId = ?1", stage.id) > 0
                || AutomationRule.count("stageId", stage.id) > 0) {
            throw PipelineException.conflict(Refusal.STAGE_IN_USE,
                    "stage '" + stage.name + "' is used by a tunnel or an automation; delete those first", stage.name);
        }
        stages.remove(stage);
        PipelineValidator.validate(new PipelineSpec(p.name, specs(stages)));
        stage.deleted = true;
        stage.position = -1;
        renumber(stages);
        p.updatedAt = Instant.now();
        changes.record(actor, Kind.STAGE_DELETED, p.id, "stage " + stage.id + " '" + stage.name + "'");
        summary.layoutChanged(id);
        return view(p);
    }

    /** Deletes a pipeline that is not the default and never held a deal. */
    @Transactional
    public void delete(long id, String actor) {
        Pipeline p = find(id);
        if (p.isDefault) {
            throw PipelineException.conflict(Refusal.PIPELINE_DEFAULT_UNDELETABLE, "the default pipeline cannot be deleted");
        }
        if (Deal.count("pipelineId", id) > 0 || DealMove.count("toPipelineId", id) > 0) {
            throw PipelineException.conflict(Refusal.PIPELINE_HAS_DEALS, "pipeline " + id + " has deals", id);
        }
        if (Tunnel.count("fromPipelineId = ?1 or toPipelineId = ?1", id) > 0) {
            throw PipelineException.conflict(Refusal.PIPELINE_IN_TUNNEL, "pipeline " + id + " is used by a tunnel; delete it first",
                    id);
        }
        AutomationRule.delete("pipelineId", id);
        Stage.delete("pipelineId", id);
        p.delete();
        changes.record(actor, Kind.PIPELINE_DELETED, id, "'" + p.name + "'");
    }

    public PipelineView view(Pipeline p) {
        List<Stage> stages = Stage.of(p.id);
        List<String> warnings;
        try {
            warnings = PipelineValidator.validate(new PipelineSpec(p.name, specs(stages))).warnings();
        } catch (PipelineException e) {
            warnings = List.of(e.getMessage());
        }
        return new PipelineView(String.valueOf(p.id), p.name, p.isDefault, p.origin, p.managerList(),
                stages.stream().map(StageView::of).toList(), warnings);
    }

    private static List<StageSpec> specs(Pipeline p) {
        return specs(Stage.of(p.id));
    }

    private static List<StageSpec> specs(List<Stage> stages) {
        List<StageSpec> specs = new ArrayList<>();
        stages.forEach(s -> specs.add(new StageSpec(s.name, s.color, s.semantics)));
        return specs;
    }

    /** New stages go before the first closed (won or lost) stage. */
    private static int insertionPoint(List<Stage> stages) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).semantics() != Semantics.IN_PROGRESS) {
                return i;
            }
        }
        return stages.size();
    }

    private static void renumber(List<Stage> stages) {
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).position = i;
        }
    }

    private static String managers(List<String> managers) {
        if (managers == null || managers.isEmpty()) {
            return null;
        }
        List<String> clean = managers.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().toList();
        for (String m : clean) {
            if (m.length() > 200 || m.contains(",")) {
                throw PipelineException.invalid("manager ids are at most 200 characters, without commas");
            }
        }
        return clean.isEmpty() ? null : String.join(",", clean);
    }

    static long parseId(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw PipelineException.invalid(name + " must be a numeric id, got '" + value + "'");
        }
    }
}
