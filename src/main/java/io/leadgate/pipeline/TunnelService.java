package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tunnels: "when a deal enters stage S of pipeline A, copy it (linked) or move it into stage T of pipeline B".
 * Chains are allowed; a rule that would close a loop (counting automated moves too) is refused when saved.
 */
@ApplicationScoped
public class TunnelService {

    public static final String COPY = "copy";
    public static final String MOVE = "move";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PipelineService pipelines;

    TunnelService(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    public List<TunnelView> list(String pipelineId) {
        if (pipelineId == null || pipelineId.isBlank()) {
            return Tunnel.<Tunnel>list("order by id").stream().map(TunnelView::of).toList();
        }
        long p = PipelineService.parseId("pipelineId", pipelineId);
        return Tunnel.<Tunnel>list("fromPipelineId = ?1 or toPipelineId = ?1 order by id", p).stream()
                .map(TunnelView::of).toList();
    }

    @Transactional
    public TunnelView create(String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                             String mode) {
        String m = mode == null ? "" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        if (!COPY.equals(m) && !MOVE.equals(m)) {
            throw PipelineException.invalid("mode must be copy or move");
        }
        Stage from = stageIn("from", fromPipelineId, fromStageId);
        Stage to = stageIn("to", toPipelineId, toStageId);
        if (from.pipelineId.equals(to.pipelineId)) {
            throw PipelineException.invalid("a tunnel leads into another pipeline; within one pipeline use an automated move");
        }
        lockRules();
        if (Tunnel.count("fromStageId = ?1 and toStageId = ?2", from.id, to.id) > 0) {
            throw PipelineException.conflict("this tunnel exists");
        }
        if (MOVE.equals(m) && Tunnel.count("fromStageId = ?1 and mode = ?2", from.id, MOVE) > 0) {
            throw PipelineException.conflict("stage " + from.id + " already moves its deals elsewhere; a deal can be moved to one place only");
        }
        refuseLoop(from.id, to.id);
        Tunnel t = new Tunnel();
        t.fromPipelineId = from.pipelineId;
        t.fromStageId = from.id;
        t.toPipelineId = to.pipelineId;
        t.toStageId = to.id;
        t.mode = m;
        t.createdAt = Instant.now();
        t.persist();
        return TunnelView.of(t);
    }

    @Transactional
    public void delete(long id) {
        if (!Tunnel.deleteById(id)) {
            throw PipelineException.notFound("no tunnel " + id);
        }
    }

    /** One rule change at a time (all pipeline rows locked), so two concurrent saves cannot close a loop together. */
    static void lockRules() {
        Pipeline.find("order by id").withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Refuses (409) a new edge from → to that would close a loop over tunnels and automated moves. */
    void refuseLoop(long from, long to) {
        Optional<List<Long>> loop = TunnelGraph.loopWith(edges(), new TunnelGraph.Edge(from, to));
        if (loop.isPresent()) {
            throw PipelineException.conflict("this rule would close a loop: " + loop.get().stream()
                    .map(TunnelService::describe).collect(Collectors.joining(" → ")));
        }
    }

    /** Every "entering X leads into Y" edge: tunnels and automation moves. */
    static List<TunnelGraph.Edge> edges() {
        List<TunnelGraph.Edge> edges = new ArrayList<>();
        for (Tunnel t : Tunnel.<Tunnel>listAll()) {
            edges.add(new TunnelGraph.Edge(t.fromStageId, t.toStageId));
        }
        for (AutomationRule r : AutomationRule.<AutomationRule>list("action", AutomationAction.MOVE.code())) {
            moveTarget(r.params).ifPresent(target -> edges.add(new TunnelGraph.Edge(r.stageId, target)));
        }
        return edges;
    }

    static Optional<Long> moveTarget(String params) {
        try {
            JsonNode id = MAPPER.readTree(params).path("stageId");
            return id.isMissingNode() || id.isNull() ? Optional.empty() : Optional.of(Long.parseLong(id.asText()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(long stageId) {
        Stage s = Stage.findById(stageId);
        if (s == null) {
            return String.valueOf(stageId);
        }
        Pipeline p = Pipeline.findById(s.pipelineId);
        return (p == null ? "?" : p.name) + "/" + s.name;
    }

    private Stage stageIn(String side, String pipelineId, String stageId) {
        if (pipelineId == null || pipelineId.isBlank() || stageId == null || stageId.isBlank()) {
            throw PipelineException.invalid(side + "PipelineId and " + side + "StageId are required");
        }
        Pipeline p = Pipeline.findById(PipelineService.parseId(side + "PipelineId", pipelineId));
        if (p == null) {
            throw PipelineException.invalid("no pipeline " + pipelineId);
        }
        Stage s = pipelines.requestedStage(stageId);
        if (!s.pipelineId.equals(p.id)) {
            throw PipelineException.invalid("stage " + stageId + " is not in pipeline " + pipelineId);
        }
        return s;
    }
}
