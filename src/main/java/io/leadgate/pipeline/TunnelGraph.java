package io.leadgate.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loop detection over stage entries. A node is "a deal enters stage X"; an edge X → Y says entering X makes a deal
 * enter Y (a tunnel, or an automated move). Chains are fine; a new edge is refused when Y already leads back to X,
 * because deals would then circle (or multiply, for copies) forever. Pure.
 */
public final class TunnelGraph {

    private TunnelGraph() {
    }

    /** An edge between two stage ids. */
    public record Edge(long from, long to) {
    }

    /**
     * The loop the added edge would close, as the stage ids along it starting and ending with {@code added.from},
     * or empty when the graph stays free of loops.
     */
    public static Optional<List<Long>> loopWith(List<Edge> existing, Edge added) {
        if (added.from() == added.to()) {
            return Optional.of(List.of(added.from(), added.to()));
        }
        Map<Long, List<Long>> next = new HashMap<>();
        for (Edge e : existing) {
            next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        // breadth-first from added.to looking for added.from, remembering parents to print the path
        Map<Long, Long> parent = new HashMap<>();
        Deque<Long> queue = new ArrayDeque<>();
        queue.add(added.to());
        parent.put(added.to(), null);
        while (!queue.isEmpty()) {
            long node = queue.poll();
            if (node == added.from()) {
                List<Long> path = new ArrayList<>();
                for (Long at = node; at != null; at = parent.get(at)) {
                    path.add(at);
                }
                Collections.reverse(path); // added.to … added.from
                List<Long> loop = new ArrayList<>();
                loop.add(added.from());
                loop.addAll(path);
                return Optional.of(loop);
            }
            for (long n : next.getOrDefault(node, List.of())) {
                if (!parent.containsKey(n)) {
                    parent.put(n, node);
                    queue.add(n);
                }
            }
        }
        return Optional.empty();
    }
}
