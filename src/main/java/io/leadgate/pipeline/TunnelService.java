package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
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
    private final SettingsChanges changes;

    TunnelService(PipelineService pipelines, SettingsChanges changes) {
        this.pipelines = pipelines;
        this.changes = changes;
    }

    public List<TunnelView> list(String pipelineId) {
        if (pipelineId == null || pipelineId.isBlank()) {
            return Tunnel.<Tunnel>list("order by id").stream().map(TunnelView::of).toList();
        }
        long p = PipelineService.parseId("pipelineId", pipelineId);
        return Tunnel.<Tunnel>list("fromPipelineId = ?1 or toPipelineId = ?1 order by id", p).stream()
                .map(TunnelView::of).toList();
    }

    /** How a tunnel treats the deal it carries: title prefix and suffix, and (copies) the fields that travel. */
    public record Carriage(String titlePrefix, String titleSuffix, List<String> carry) {

        public static final Carriage NONE = new Carriage(null, null, null);
    }

    @Transactional
    public TunnelView create(String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                             String mode) {
        return create(fromPipelineId, fromStageId, toPipelineId, toStageId, mode, Carriage.NONE, null);
    }

    /** A new tunnel; {@code actor} (a console username, the API's actor, or null for the system) is recorded. */
    @Transactional
    public TunnelView create(String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                             String mode, Carriage carriage, String actor) {
        String m = mode(mode);
        Stage from = stageIn("from", fromPipelineId, fromStageId);
        Stage to = target(from, toPipelineId, toStageId);
        lockRules();
        if (Tunnel.count("fromStageId = ?1 and toStageId = ?2", from.id, to.id) > 0) {
            throw PipelineException.conflict(Refusal.TUNNEL_EXISTS, "this tunnel exists");
        }
        if (MOVE.equals(m) && Tunnel.count("fromStageId = ?1 and mode = ?2", from.id, MOVE) > 0) {
            throw PipelineException.conflict(Refusal.TUNNEL_MOVES_ELSEWHERE, "stage " + from.id
                    + " already moves its deals elsewhere; a deal can be moved to one place only", from.id);
        }
        refuseLoop(from.id, to.id);
        Tunnel t = new Tunnel();
        t.fromPipelineId = from.pipelineId;
        t.fromStageId = from.id;
        t.toPipelineId = to.pipelineId;
        t.toStageId = to.id;
        t.mode = m;
        carriage(t, carriage);
        t.createdAt = Instant.now();
        t.persist();
        changes.record(actor, Kind.TUNNEL_CREATED, t.id, summary(t));
        return TunnelView.of(t);
    }

    /**
     * Edits a tunnel: {@code {toPipelineId?, toStageId?, mode?, titlePrefix?, titleSuffix?, carry?}} (a key given as
     * null clears it). A new target or mode goes through the same checks as a new tunnel.
     */
    @Transactional
    public TunnelView update(long id, com.fasterxml.jackson.databind.node.ObjectNode patch, String actor) {
        lockRules();
        Tunnel t = Tunnel.findById(id);
        if (t == null) {
            throw PipelineException.notFound("no tunnel " + id);
        }
        String m = patch.has("mode") ? mode(patch.get("mode").asText(null)) : t.mode;
        Stage from = Stage.findById(t.fromStageId);
        Stage to = Stage.findById(t.toStageId);
        if (patch.has("toStageId") || patch.has("toPipelineId")) {
            to = target(from, text(patch, "toPipelineId", String.valueOf(t.toPipelineId)),
                    text(patch, "toStageId", null));
        }
        if (!to.id.equals(t.toStageId)) {
            if (Tunnel.count("fromStageId = ?1 and toStageId = ?2 and id <> ?3", from.id, to.id, t.id) > 0) {
                throw PipelineException.conflict(Refusal.TUNNEL_EXISTS, "this tunnel exists");
            }
            List<TunnelGraph.Edge> others = edges().stream()
                    .filter(e -> !(e.from() == t.fromStageId && e.to() == t.toStageId)).toList();
            refuseLoop(others, from.id, to.id);
        }
        if (MOVE.equals(m) && Tunnel.count("fromStageId = ?1 and mode = ?2 and id <> ?3", from.id, MOVE, t.id) > 0) {
            throw PipelineException.conflict(Refusal.TUNNEL_MOVES_ELSEWHERE, "stage " + from.id
                    + " already moves its deals elsewhere; a deal can be moved to one place only", from.id);
        }
        t.toPipelineId = to.pipelineId;
        t.toStageId = to.id;
        t.mode = m;
        Carriage c = new Carriage(
                patch.has("titlePrefix") ? text(patch, "titlePrefix", null) : t.titlePrefix,
                patch.has("titleSuffix") ? text(patch, "titleSuffix", null) : t.titleSuffix,
                patch.has("carry") ? carryList(patch.get("carry")) : TunnelCarry.list(t.carry));
        carriage(t, c);
        changes.record(actor, Kind.TUNNEL_UPDATED, t.id, summary(t));
        return TunnelView.of(t);
    }

    private static String mode(String mode) {
        String m = mode == null ? "" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        if (!COPY.equals(m) && !MOVE.equals(m)) {
            throw PipelineException.invalid(Refusal.TUNNEL_MODE, "mode must be copy or move");
        }
        return m;
    }

    /**
     * The stage a tunnel leads into: in another pipeline, and not a lost stage (a loss needs a reason an operator
     * chooses).
     */
    private Stage target(Stage from, String toPipelineId, String toStageId) {
        Stage to = stageIn("to", toPipelineId, toStageId);
        if (from.pipelineId.equals(to.pipelineId)) {
            throw PipelineException.invalid(Refusal.TUNNEL_SAME_PIPELINE,
                    "a tunnel leads into another pipeline; within one pipeline use an automated move");
        }
        if (to.semantics() == Semantics.LOST) {
            throw PipelineException.invalid(Refusal.TUNNEL_INTO_LOST,
                    "a tunnel cannot lead into a lost stage: a loss needs a reason from the list");
        }
        return to;
    }

    private static void carriage(Tunnel t, Carriage c) {
        t.titlePrefix = affix("titlePrefix", c.titlePrefix());
        t.titleSuffix = affix("titleSuffix", c.titleSuffix());
        t.carry = TunnelCarry.parse(c.carry());
        if (t.carry != null && MOVE.equals(t.mode)) {
            throw PipelineException.invalid("carry applies to copy tunnels; a move tunnel takes the whole deal along");
        }
    }

    /** A title prefix or suffix: kept as written (spaces matter: "Installation failed: "), 1 to 200 characters. */
    private static String affix(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.isBlank() || value.length() > 200) {
            throw PipelineException.invalid(name + " is 1 to 200 characters, not only spaces");
        }
        return value;
    }

    private static String text(com.fasterxml.jackson.databind.node.ObjectNode patch, String key, String fallback) {
        JsonNode n = patch.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static List<String> carryList(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw PipelineException.invalid("carry must be a list of field names");
        }
        List<String> names = new ArrayList<>();
        n.forEach(x -> names.add(x.asText()));
        return names;
    }

    @Transactional
    public void delete(long id, String actor) {
        Tunnel t = Tunnel.findById(id);
        if (t == null) {
            throw PipelineException.notFound("no tunnel " + id);
        }
        String what = summary(t);
        t.delete();
        changes.record(actor, Kind.TUNNEL_DELETED, id, what);
    }

    /** For the settings log: {@code copy stage 3 (pipeline 1) → stage 9 (pipeline 2)}. */
    private static String summary(Tunnel t) {
        return t.mode + " stage " + t.fromStageId + " (pipeline " + t.fromPipelineId + ") → stage " + t.toStageId
                + " (pipeline " + t.toPipelineId + ")";
    }

    /** One rule change at a time (all pipeline rows locked), so two concurrent saves cannot close a loop together. */
    static void lockRules() {
        Pipeline.find("order by id").withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Refuses (409) a new edge from → to that would close a loop over tunnels and automated moves. */
    void refuseLoop(long from, long to) {
        refuseLoop(edges(), from, to);
    }

    private static void refuseLoop(List<TunnelGraph.Edge> edges, long from, long to) {
        Optional<List<Long>> loop = TunnelGraph.loopWith(edges, new TunnelGraph.Edge(from, to));
        if (loop.isPresent()) {
            String path = loop.get().stream().map(TunnelService::describe).collect(Collectors.joining(" → "));
            throw PipelineException.conflict(Refusal.TUNNEL_LOOP, "this rule would close a loop: " + path, path);
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
