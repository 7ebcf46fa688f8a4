package io.leadgate.console.settings;

import io.leadgate.pipeline.AutomationRuleView;
import io.leadgate.pipeline.AutomationService;
import io.leadgate.pipeline.PipelineException;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.PipelineView;
import io.leadgate.pipeline.StageView;
import io.leadgate.pipeline.TunnelService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline settings page: one pipeline's stages (with their deal counts and automation rules), the tunnels from
 * and into it, and the stages of the other pipelines a tunnel can lead into. Reads through the pipeline services.
 */
@ApplicationScoped
public class SettingsQuery {

    /** The stage count the validator advises (it warns outside it). */
    public static final int FEWEST_STAGES = 6;
    public static final int MOST_STAGES = 14;

    /** A stage with its colour as {@code #rrggbb} (for the colour input), its deals and its automation rules. */
    public record StageRow(String id, String name, String color, String semantics, long deals,
                           List<Rule> rules, boolean first, boolean last) {
    }

    /** An automation rule: its parameters as JSON text (a webhook secret masked by the service), delay in ISO. */
    public record Rule(String id, String action, String params, String delay) {
    }

    /** A tunnel with the names of both ends ("pipeline / stage"). */
    public record TunnelRow(String id, String from, String to, String mode, boolean outgoing) {
    }

    /** A stage of another pipeline, a tunnel's possible target. */
    public record Target(String stageId, String label) {
    }

    public record View(List<PipelineView> pipelines, PipelineView pipeline, List<StageRow> stages,
                       List<TunnelRow> tunnels, List<Target> targets, List<StageView> allStages) {

        public int fewest() {
            return FEWEST_STAGES;
        }

        public int most() {
            return MOST_STAGES;
        }
    }

    private final PipelineService pipelines;
    private final TunnelService tunnels;
    private final AutomationService automations;
    private final EntityManager em;

    SettingsQuery(PipelineService pipelines, TunnelService tunnels, AutomationService automations, EntityManager em) {
        this.pipelines = pipelines;
        this.tunnels = tunnels;
        this.automations = automations;
        this.em = em;
    }

    /** The page of one pipeline (null or blank: the default one); an unknown pipeline is not found. */
    @Transactional
    public View view(String pipelineRef) {
        List<PipelineView> all = pipelines.list();
        PipelineView current;
        try {
            current = pipelineRef == null || pipelineRef.isBlank()
                    ? pipelines.view(pipelines.defaultPipeline())
                    : pipelines.get(Long.parseLong(pipelineRef.strip()));
        } catch (NumberFormatException | PipelineException e) {
            throw new NotFoundException();
        }
        long pipelineId = Long.parseLong(current.id());
        Map<String, Long> deals = dealsPerStage(pipelineId);
        Map<String, List<Rule>> rules = new HashMap<>();
        for (AutomationRuleView r : automations.list(current.id(), null)) {
            rules.computeIfAbsent(r.stageId(), k -> new java.util.ArrayList<>()).add(new Rule(r.id(), r.action(),
                    r.params().toString(), r.delaySeconds() == 0 ? null : Duration.ofSeconds(r.delaySeconds()).toString()));
        }
        List<StageView> stages = current.stages();
        List<StageRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageView s = stages.get(i);
            rows.add(new StageRow(s.id(), s.name(), hex6(s.color()), s.semantics(), deals.getOrDefault(s.id(), 0L),
                    rules.getOrDefault(s.id(), List.of()), i == 0, i == stages.size() - 1));
        }
        Map<String, String> labels = new HashMap<>();
        List<Target> targets = new java.util.ArrayList<>();
        List<StageView> allStages = new java.util.ArrayList<>();
        for (PipelineView p : all) {
            for (StageView s : p.stages()) {
                String label = p.name() + " / " + s.name();
                labels.put(s.id(), label);
                if (!p.id().equals(current.id())) {
                    targets.add(new Target(s.id(), label));
                }
                allStages.add(s);
            }
        }
        List<TunnelRow> tunnelRows = tunnels.list(current.id()).stream().map(t -> new TunnelRow(t.id(),
                labels.getOrDefault(t.fromStageId(), t.fromStageId()), labels.getOrDefault(t.toStageId(), t.toStageId()),
                t.mode(), t.fromPipelineId().equals(current.id()))).toList();
        return new View(all, current, rows, tunnelRows, targets, allStages);
    }

    /** The pipeline a stage belongs to (for a tunnel's target); null when there is no such live stage. */
    @Transactional
    public String pipelineOf(String stageId) {
        try {
            return String.valueOf(pipelines.requestedStage(stageId).pipelineId);
        } catch (PipelineException e) {
            return null;
        }
    }

    private Map<String, Long> dealsPerStage(long pipelineId) {
        Map<String, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select d.stageId, count(d) from Deal d where d.pipelineId = ?1 group by d.stageId")
                .setParameter(1, pipelineId).getResultList();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** {@code #abc} → {@code #aabbcc}: the colour input takes the long form only. */
    static String hex6(String color) {
        if (color != null && color.length() == 4 && color.startsWith("#")) {
            return "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2) + color.charAt(3)
                    + color.charAt(3);
        }
        return color;
    }
}
