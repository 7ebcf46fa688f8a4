package io.leadgate.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Funnel arithmetic over stage entries of one pipeline in a period. Pure.
 *
 * <p>A deal reached an in-progress or won stage when it entered it, or entered a stage before and a later one
 * after it (skipping a stage still passes it): it counts for every such stage from the first it entered to the
 * furthest. A deal reached a lost stage only by entering it. {@code conversion} is a stage's count over the first
 * stage's count; {@code stepConversion} over the previous in-progress or won stage's count; the report's
 * {@code conversion} is won over first. Lost deals count once, under the reason of their last loss.
 */
public final class Funnel {

    private Funnel() {
    }

    /** A stage of the pipeline, in display order. */
    public record StageInfo(long id, String name, Semantics semantics) {
    }

    /** One entry of a deal into a stage; {@code leftAt} null while it is still there. */
    public record Entry(long dealId, long stageId, Instant at, Instant leftAt, String lossReason) {
    }

    public record StageRow(String stageId, String name, String semantics, long count, double conversion,
                           Double stepConversion, Long medianSecondsInStage) {
    }

    public record Report(List<StageRow> stages, Map<String, Long> lost, long deals, long won, double conversion) {
    }

    public static final String UNSPECIFIED = "unspecified";

    public static Report compute(List<StageInfo> stages, List<Entry> entries) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            position.put(stages.get(i).id(), i);
        }
        Map<Long, int[]> span = new LinkedHashMap<>();          // deal → [first, furthest] non-lost position
        Map<Long, Map<Long, Boolean>> lostIn = new HashMap<>();  // lost stage → deals
        Map<Long, Entry> lastLoss = new HashMap<>();             // deal → its last loss
        Map<Long, List<Long>> durations = new HashMap<>();
        for (Entry e : entries) {
            Integer p = position.get(e.stageId());
            if (p == null) {
                continue; // a deleted stage
            }
            if (e.leftAt() != null) {
                durations.computeIfAbsent(e.stageId(), k -> new ArrayList<>())
                        .add(Math.max(0, Duration.between(e.at(), e.leftAt()).toSeconds()));
            }
            if (stages.get(p).semantics() == Semantics.LOST) {
                lostIn.computeIfAbsent(e.stageId(), k -> new HashMap<>()).put(e.dealId(), true);
                Entry last = lastLoss.get(e.dealId());
                if (last == null || !e.at().isBefore(last.at())) {
                    lastLoss.put(e.dealId(), e);
                }
            } else {
                int[] s = span.computeIfAbsent(e.dealId(), k -> new int[]{p, p});
                s[0] = Math.min(s[0], p);
                s[1] = Math.max(s[1], p);
            }
        }
        long[] counts = new long[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).semantics() == Semantics.LOST) {
                counts[i] = lostIn.getOrDefault(stages.get(i).id(), Map.of()).size();
            } else {
                for (int[] s : span.values()) {
                    counts[i] += s[0] <= i && i <= s[1] ? 1 : 0;
                }
            }
        }
        long first = stages.isEmpty() ? 0 : counts[0];
        List<StageRow> rows = new ArrayList<>();
        long previous = -1;
        long won = 0;
        for (int i = 0; i < stages.size(); i++) {
            StageInfo stage = stages.get(i);
            Double step = null;
            if (stage.semantics() != Semantics.LOST) {
                step = previous < 0 ? ratio(counts[i], counts[i]) : ratio(counts[i], previous);
                previous = counts[i];
            }
            if (stage.semantics() == Semantics.WON) {
                won += counts[i];
            }
            rows.add(new StageRow(String.valueOf(stage.id()), stage.name(), stage.semantics().code(), counts[i],
                    ratio(counts[i], first), step, median(durations.get(stage.id()))));
        }
        Map<String, Long> lost = new TreeMap<>();
        for (Entry e : lastLoss.values()) {
            String reason = e.lossReason() == null || e.lossReason().isBlank() ? UNSPECIFIED : e.lossReason();
            lost.merge(reason, 1L, Long::sum);
        }
        java.util.Set<Long> deals = new java.util.HashSet<>(span.keySet());
        deals.addAll(lastLoss.keySet());
        return new Report(rows, lost, deals.size(), won, ratio(won, first));
    }

    /** The share {@code part / whole} rounded to four places; 0 when the whole is 0. */
    static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    static Long median(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
