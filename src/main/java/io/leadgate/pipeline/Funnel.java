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

    /**
     * What a database sums up about a pipeline's stage entries in a period, by stage position (index into the stage
     * list): {@code spans} deals by [first, furthest] non-lost position entered (a deal that entered only lost
     * stages under {@code [-1, -1]}); {@code lostDeals} deals that entered each lost stage; {@code lostReasons} deals
     * by the reason of their last loss; {@code medianSeconds} the median time in each stage of the entries that left.
     */
    public record Tally(Map<Span, Long> spans, Map<Integer, Long> lostDeals, Map<String, Long> lostReasons,
                        Map<Integer, Long> medianSeconds) {
    }

    /** The first and furthest stage positions a deal entered ({@code -1} when none). */
    public record Span(int first, int last) {
    }

    public static Report compute(List<StageInfo> stages, List<Entry> entries) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            position.put(stages.get(i).id(), i);
        }
        Map<Long, int[]> span = new LinkedHashMap<>();          // deal → [first, furthest] non-lost position
        Map<Integer, java.util.Set<Long>> lostIn = new HashMap<>(); // lost stage → deals
        Map<Long, Entry> lastLoss = new HashMap<>();             // deal → its last loss
        Map<Integer, List<Long>> durations = new HashMap<>();
        for (Entry e : entries) {
            Integer p = position.get(e.stageId());
            if (p == null) {
                continue; // a deleted stage
            }
            if (e.leftAt() != null) {
                durations.computeIfAbsent(p, k -> new ArrayList<>())
                        .add(Math.max(0, Duration.between(e.at(), e.leftAt()).toSeconds()));
            }
            if (stages.get(p).semantics() == Semantics.LOST) {
                lostIn.computeIfAbsent(p, k -> new java.util.HashSet<>()).add(e.dealId());
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
        Map<Span, Long> spans = new HashMap<>();
        span.values().forEach(s -> spans.merge(new Span(s[0], s[1]), 1L, Long::sum));
        lastLoss.keySet().stream().filter(d -> !span.containsKey(d))
                .forEach(d -> spans.merge(new Span(-1, -1), 1L, Long::sum));
        Map<Integer, Long> lostDeals = new HashMap<>();
        lostIn.forEach((p, deals) -> lostDeals.put(p, (long) deals.size()));
        Map<String, Long> reasons = new HashMap<>();
        lastLoss.values().forEach(e -> reasons.merge(reason(e.lossReason()), 1L, Long::sum));
        Map<Integer, Long> medians = new HashMap<>();
        durations.forEach((p, list) -> medians.put(p, median(list)));
        return compute(stages, new Tally(spans, lostDeals, reasons, medians));
    }

    /** The report from a tally (see {@link Tally}). */
    public static Report compute(List<StageInfo> stages, Tally tally) {
        long[] counts = new long[stages.size()];
        long deals = 0;
        for (Map.Entry<Span, Long> s : tally.spans().entrySet()) {
            deals += s.getValue();
            for (int i = Math.max(0, s.getKey().first()); i <= s.getKey().last() && i < stages.size(); i++) {
                counts[i] += stages.get(i).semantics() == Semantics.LOST ? 0 : s.getValue();
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).semantics() == Semantics.LOST) {
                counts[i] = tally.lostDeals().getOrDefault(i, 0L);
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
                    ratio(counts[i], first), step, tally.medianSeconds().get(i)));
        }
        return new Report(rows, new TreeMap<>(tally.lostReasons()), deals, won, ratio(won, first));
    }

    /** A loss reason as counted: blank = {@link #UNSPECIFIED}. */
    public static String reason(String lossReason) {
        return lossReason == null || lossReason.isBlank() ? UNSPECIFIED : lossReason;
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
