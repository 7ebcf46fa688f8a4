package io.leadgate.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/analytics/funnel}: the stage entries of a pipeline in a period, summed up in SQL (the per-deal
 * summary of {@link FunnelSummary} for the deals inside the period, the entries for those crossing its edges; the
 * medians from the stays) and turned into a report by {@link Funnel}; groups by manager, source, channel, UTM
 * campaign or the day, week or month (in the period's time zone) of the deal's first entry in the period. Lead
 * counts: {@link LeadStats}.
 */
@ApplicationScoped
public class FunnelQuery {

    public static final List<String> GROUPINGS = List.of("manager", "source", "channel", "campaign", "day", "week",
            "month");
    static final String NONE = "none";
    private static final String MEDIAN = "cast(floor(percentile_cont(0.5) within group"
            + " (order by greatest(0, floor(extract(epoch from (m.left_at - m.moved_at)))))) as bigint)";

    private final EntityManager em;
    private final PipelineService pipelines;
    private final AnalyticsSettings settings;

    FunnelQuery(EntityManager em, PipelineService pipelines, AnalyticsSettings settings) {
        this.em = em;
        this.pipelines = pipelines;
        this.settings = settings;
    }

    /**
     * The funnel answer (CONTRACT §7) plus totals; {@code groups} empty without {@code by}; {@code previous} the same
     * pipeline's report over the period before (see {@link AnalyticsPeriod#previous()}) when asked for and bounded.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Answer(String pipelineId, String name, Instant from, Instant to, String tz, String by,
                         List<Funnel.StageRow> stages, Map<String, Long> lost, long deals, long won, double conversion,
                         Map<String, Funnel.Report> groups, Previous previous) {
    }

    /** The period before and its report. */
    public record Previous(Instant from, Instant to, Funnel.Report report) {
    }

    /** The period of a request, read in {@code tz} or else the set zone ({@link AnalyticsSettings}). */
    public AnalyticsPeriod period(String from, String to, String tz) {
        if (tz != null && !tz.isBlank()) {
            return AnalyticsPeriod.parse(from, to, tz, null);
        }
        return AnalyticsPeriod.parse(from, to, null, settings.timeZone().zone());
    }

    /** The zone of a request without {@code tz}: the setting, else {@code leadgate.analytics.time-zone}. */
    public java.time.ZoneId defaultZone() {
        return settings.zone();
    }

    /** Which medians an answer holds: all (the API's JSON), or only the whole period's (pages and CSV show no more). */
    public enum Medians { ALL, SHOWN }

    public Answer funnel(String pipelineId, String from, String to, String by) {
        return funnel(pipelineId, period(from, to, null), by, false);
    }

    public Answer funnel(String pipelineId, AnalyticsPeriod period, String by, boolean compare) {
        return funnel(pipelineId, period, by, compare, Medians.ALL);
    }

    /**
     * The funnel; with {@link Medians#SHOWN} the groups' and the previous period's stages carry no median (null):
     * the console and the CSV tables show only the period's own.
     */
    public Answer funnel(String pipelineId, AnalyticsPeriod period, String by, boolean compare, Medians medians) {
        Pipeline p = pipelines.requested(pipelineId);
        String grouping = grouping(by, GROUPINGS);
        List<Stage> live = Stage.of(p.id);
        List<Funnel.StageInfo> stages = live.stream().map(s -> new Funnel.StageInfo(s.id, s.name, s.semantics()))
                .toList();
        Positions at = new Positions(new HashMap<>(), new HashMap<>());
        for (int i = live.size() - 1; i >= 0; i--) {
            at.byPosition().put(live.get(i).position, i);
            at.byStage().put(live.get(i).id, i);
        }
        boolean all = medians == Medians.ALL;
        Map<String, Funnel.Report> groups = new TreeMap<>();
        Map<String, Funnel.Tally> tallies = tallies(p.id, period, grouping, at, all && grouping != null);
        // every deal is in exactly one group: the whole is the groups summed up, but for the medians
        Funnel.Tally whole = new Funnel.Tally(new HashMap<>(), new HashMap<>(), new HashMap<>(),
                wholeMedians(p.id, period, at));
        tallies.forEach((k, t) -> {
            if (grouping != null) {
                groups.put(k, Funnel.compute(stages, t));
            }
            t.spans().forEach((x, n) -> whole.spans().merge(x, n, Long::sum));
            t.lostDeals().forEach((x, n) -> whole.lostDeals().merge(x, n, Long::sum));
            t.lostReasons().forEach((x, n) -> whole.lostReasons().merge(x, n, Long::sum));
        });
        Funnel.Report report = Funnel.compute(stages, whole);
        Previous previous = !compare ? null : period.previous().map(before -> {
            Funnel.Tally t = tallies(p.id, before, null, at, false).getOrDefault("", empty());
            if (all) {
                t.medianSeconds().putAll(wholeMedians(p.id, before, at));
            }
            return new Previous(before.from(), before.to(), Funnel.compute(stages, t));
        }).orElse(null);
        return new Answer(String.valueOf(p.id), p.name, period.from(), period.to(), period.sqlZone(), grouping,
                report.stages(), report.lost(), report.deals(), report.won(), report.conversion(), groups, previous);
    }

    private static Funnel.Tally empty() {
        return new Funnel.Tally(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    /** Live stage positions and ids → index into the stage list. */
    private record Positions(Map<Integer, Integer> byPosition, Map<Long, Integer> byStage) {
    }

    /**
     * The deals crossing the period's edges, then one statement: spans, lost deals, last-loss reasons and, when asked,
     * medians per group key ({@code ""} without a grouping).
     */
    private Map<String, Funnel.Tally> tallies(long pipelineId, AnalyticsPeriod period, String grouping, Positions at,
                                              boolean groupMedians) {
        @SuppressWarnings("unchecked")
        List<Number> crossing = em.createNativeQuery("select x.deal_id from deal_funnel x where " + CROSSING)
                .setParameter(1, pipelineId).setParameter(2, Sql.time(period.from()))
                .setParameter(3, Sql.time(period.to())).getResultList();
        // listed, the few crossing deals' entries come by deal id; the planner, given the join, scanned every entry
        String edges = crossing.isEmpty() ? "1 = 0" : crossing.size() > MAX_LISTED
                ? "m.deal_id in (select x.deal_id from deal_funnel x where " + CROSSING + ")"
                : "m.deal_id in (" + String.join(",", crossing.stream().map(n -> String.valueOf(n.longValue()))
                .toList()) + ")";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(talliesSql(grouping, period, groupMedians, edges))
                .setParameter(1, pipelineId).setParameter(2, Sql.time(period.from()))
                .setParameter(3, Sql.time(period.to())).getResultList();
        Map<String, Funnel.Tally> tallies = new HashMap<>();
        for (Object[] r : rows) {
            long n = ((Number) r[6]).longValue();
            String k = grouping == null ? "" : key((String) r[1]);
            Funnel.Tally t = tallies.computeIfAbsent(k, x -> empty());
            if (r[0].equals("deals")) {
                t.spans().merge(new Funnel.Span(position(at.byPosition(), r[2]), position(at.byPosition(), r[3])),
                        n, Long::sum);
                long lostIn = r[4] == null ? 0 : ((Number) r[4]).longValue();
                for (int bit = 0; bit < 63; bit++) {
                    if ((lostIn & (1L << bit)) != 0) {
                        t.lostDeals().merge(position(at.byPosition(), bit), n, Long::sum);
                    }
                }
                if (lostIn != 0) {
                    t.lostReasons().merge(Funnel.reason((String) r[5]), n, Long::sum);
                }
            } else {
                Integer i = at.byStage().get(((Number) r[2]).longValue());
                if (i != null) { // not a deleted stage
                    t.medianSeconds().put(i, n);
                }
            }
        }
        return tallies;
    }

    /** The pipeline's median time in each live stage over the stays that began in the period and ended. */
    private Map<Integer, Long> wholeMedians(long pipelineId, AnalyticsPeriod period, Positions at) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MEDIANS_SQL).setParameter(1, pipelineId)
                .setParameter(2, Sql.time(period.from())).setParameter(3, Sql.time(period.to())).getResultList();
        Map<Integer, Long> medians = new HashMap<>();
        for (Object[] r : rows) {
            Integer i = at.byStage().get(((Number) r[0]).longValue());
            if (i != null) {
                medians.put(i, ((Number) r[1]).longValue());
            }
        }
        return medians;
    }

    /** The summary rows of pipeline ?1 with entries both inside [?2, ?3) and outside: the deals crossing its edges. */
    private static final String CROSSING = "x.pipeline_id = ?1 and x.last_at >= ?2 and x.first_at < ?3"
            + " and (x.first_at < ?2 or x.last_at >= ?3)";
    /** Up to this many crossing deals are named in the statement; more are joined. */
    private static final int MAX_LISTED = 10_000;

    /** Read from {@code deal_move_stay_idx} alone, stage by stage (V260). */
    static final String MEDIANS_SQL = "select m.to_stage_id, " + MEDIAN + " from deal_move m"
            + " where m.to_pipeline_id = ?1 and m.moved_at >= ?2 and m.moved_at < ?3 and m.left_at is not null"
            + " group by m.to_stage_id";

    /**
     * The statement of {@link #tallies}: rows (kind, group key, a, b, lost, reason, n) for pipeline ?1 and [?2, ?3).
     * A deal whose live stage entries in the pipeline all fall in the period is read from its summary row
     * ({@link FunnelSummary}); only the deals that cross the period's edges ({@code edges}: a condition on
     * {@code m.deal_id}) have their entries in the period read and summed up ({@code e}, {@code p}, {@code r}: first
     * and furthest non-lost position, the lost stages entered as a bit mask of positions, the reason of the last
     * loss). Both ({@code u}) get their group key ({@code g}), and
     * {@code deals} rows count deals per (key, first, furthest, lost mask, reason); with {@code groupMedians},
     * {@code median} rows give each key's median time in each stage (a = the stage id). Live stage positions are
     * 0 to {@value PipelineValidator#MAX_STAGES}, so the mask fits a bigint.
     */
    static String talliesSql(String grouping, AnalyticsPeriod period, boolean groupMedians, String edges) {
        // a bare '' is a char(0) in H2, which Hibernate reads as a Character and fails on: the key is a varchar
        String key = grouping == null ? "cast('' as varchar)" : "coalesce(" + dealKey(grouping, period) + ", '')";
        return "with e as (select m.id, m.deal_id, m.moved_at, m.loss_reason, s.position, s.semantics"
                + " from deal_move m join stage s on s.id = m.to_stage_id"
                + " where " + edges + " and m.to_pipeline_id = ?1"
                + " and m.moved_at >= ?2 and m.moved_at < ?3 and s.deleted = false),"
                + " p as (select e.deal_id, min(e.moved_at) as first_at,"
                + " min(case when e.semantics <> 'lost' then e.position end) as lo,"
                + " max(case when e.semantics <> 'lost' then e.position end) as hi,"
                + " cast(sum(distinct case when e.semantics = 'lost' then cast(power(2, e.position) as bigint) end)"
                + " as bigint) as lost"
                + " from e group by e.deal_id),"
                + " r as (select distinct on (e.deal_id) e.deal_id, e.loss_reason, e.moved_at, e.id from e"
                + " where e.semantics = 'lost'"
                + " order by e.deal_id, e.moved_at desc, e.id desc),"
                + " u as (select f.deal_id, f.first_at, f.lo, f.hi, f.lost, f.loss_reason from deal_funnel f"
                + " where f.pipeline_id = ?1 and f.first_at >= ?2 and f.last_at < ?3"
                + " union all select p.deal_id, p.first_at, p.lo, p.hi, p.lost, r.loss_reason"
                + " from p left join r on r.deal_id = p.deal_id),"
                + " g as (select u.deal_id, u.lo, u.hi, u.lost, u.loss_reason, " + key + " as k from u"
                + (grouping == null || isBucket(grouping) ? "" : " left join deal d on d.id = u.deal_id")
                + (grouping != null && grouping.equals("campaign") ? " left join lead l on l.id = d.lead_id" : "")
                + ")"
                + " select 'deals' as kind, g.k, g.lo as a, g.hi as b, g.lost, g.loss_reason as r, count(*) as n"
                + " from g group by g.k, g.lo, g.hi, g.lost, g.loss_reason"
                + (!groupMedians ? ""
                : " union all select 'median', g.k, m.to_stage_id, null, null, null, " + MEDIAN
                + " from g join deal_move m on m.deal_id = g.deal_id where m.to_pipeline_id = ?1"
                + " and m.moved_at >= ?2 and m.moved_at < ?3 and m.left_at is not null group by g.k, m.to_stage_id");
    }

    private static boolean isBucket(String grouping) {
        return grouping.equals("day") || grouping.equals("week") || grouping.equals("month");
    }

    private static int position(Map<Integer, Integer> index, Object position) {
        return position == null ? -1 : index.getOrDefault(((Number) position).intValue(), -1);
    }

    /** The SQL group key of a deal in {@code g} (deal {@code d}, lead {@code l}, first entry in period {@code u}). */
    private static String dealKey(String grouping, AnalyticsPeriod period) {
        return switch (grouping) {
            case "manager" -> "d.responsible";
            case "source" -> "d.source";
            case "channel" -> "d.channel_id";
            case "campaign" -> "l.utm_campaign";
            default -> Sql.bucket(grouping, "u.first_at", period);
        };
    }

    static String key(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static String grouping(String by, List<String> allowed) {
        if (by == null || by.isBlank()) {
            return null;
        }
        String b = by.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (b.equals("junkreason")) {
            b = "junk-reason";
        }
        if (b.equals("utm-campaign")) {
            b = "campaign";
        }
        if (!allowed.contains(b)) {
            throw PipelineException.invalid("by must be one of " + String.join(", ", allowed));
        }
        return b;
    }
}
