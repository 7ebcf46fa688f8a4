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
 * {@code GET /api/analytics/funnel}: the stage entries of a pipeline in a period, summed up in SQL (one statement per
 * funnel) and turned into a report by {@link Funnel}; groups by manager, source, channel, UTM campaign or the day,
 * week or month (in the period's time zone) of the deal's first entry in the period. Lead counts: {@link LeadStats}.
 */
@ApplicationScoped
public class FunnelQuery {

    public static final List<String> GROUPINGS = List.of("manager", "source", "channel", "campaign", "day", "week",
            "month");
    static final String NONE = "none";
    private static final String MEDIAN = "cast(floor(percentile_cont(0.5) within group"
            + " (order by greatest(0, floor(extract(epoch from (e.left_at - e.moved_at)))))) as bigint)";

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

    public Answer funnel(String pipelineId, String from, String to, String by) {
        return funnel(pipelineId, period(from, to, null), by, false);
    }

    public Answer funnel(String pipelineId, AnalyticsPeriod period, String by, boolean compare) {
        Pipeline p = pipelines.requested(pipelineId);
        String grouping = grouping(by, GROUPINGS);
        List<Stage> live = Stage.of(p.id);
        List<Funnel.StageInfo> stages = live.stream().map(s -> new Funnel.StageInfo(s.id, s.name, s.semantics()))
                .toList();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = live.size() - 1; i >= 0; i--) {
            index.put(live.get(i).position, i);
        }
        Map<String, Funnel.Report> groups = new TreeMap<>();
        Funnel.Report all;
        Tallies tallies = tallies(p.id, period, grouping, index);
        if (grouping == null) {
            all = Funnel.compute(stages, tallies.groups().getOrDefault("", empty()));
        } else {
            // every deal is in exactly one group: the whole is the groups summed up, but for the medians
            tallies.groups().forEach((k, t) -> groups.put(k, Funnel.compute(stages, t)));
            Funnel.Tally whole = new Funnel.Tally(new HashMap<>(), new HashMap<>(), new HashMap<>(),
                    tallies.wholeMedians());
            tallies.groups().values().forEach(t -> {
                t.spans().forEach((k, n) -> whole.spans().merge(k, n, Long::sum));
                t.lostDeals().forEach((k, n) -> whole.lostDeals().merge(k, n, Long::sum));
                t.lostReasons().forEach((k, n) -> whole.lostReasons().merge(k, n, Long::sum));
            });
            all = Funnel.compute(stages, whole);
        }
        Previous previous = !compare ? null : period.previous()
                .map(before -> new Previous(before.from(), before.to(), Funnel.compute(stages,
                        tallies(p.id, before, null, index).groups().getOrDefault("", empty()))))
                .orElse(null);
        return new Answer(String.valueOf(p.id), p.name, period.from(), period.to(), period.sqlZone(), grouping,
                all.stages(), all.lost(), all.deals(), all.won(), all.conversion(), groups, previous);
    }

    private static Funnel.Tally empty() {
        return new Funnel.Tally(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    /** The tallies per group key ({@code ""} without a grouping) and the medians of the whole pipeline. */
    private record Tallies(Map<String, Funnel.Tally> groups, Map<Integer, Long> wholeMedians) {
    }

    /** One statement: spans, lost deals, last-loss reasons and medians per group key, and the whole's medians. */
    private Tallies tallies(long pipelineId, AnalyticsPeriod period, String grouping, Map<Integer, Integer> index) {
        String sql = talliesSql(grouping, period);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, pipelineId)
                .setParameter(2, Sql.time(period.from())).setParameter(3, Sql.time(period.to())).getResultList();
        Map<String, Funnel.Tally> tallies = new HashMap<>();
        Map<Integer, Long> whole = new HashMap<>();
        for (Object[] r : rows) {
            long n = ((Number) r[6]).longValue();
            if (r[0].equals("whole")) {
                whole.put(position(index, r[2]), n);
                continue;
            }
            String k = grouping == null ? "" : key((String) r[1]);
            Funnel.Tally t = tallies.computeIfAbsent(k, x -> empty());
            if (r[0].equals("deals")) {
                t.spans().merge(new Funnel.Span(position(index, r[2]), position(index, r[3])), n, Long::sum);
                long lostIn = r[4] == null ? 0 : ((Number) r[4]).longValue();
                for (int at = 0; at < 63; at++) {
                    if ((lostIn & (1L << at)) != 0) {
                        t.lostDeals().merge(position(index, at), n, Long::sum);
                    }
                }
                if (lostIn != 0) {
                    t.lostReasons().merge(Funnel.reason((String) r[5]), n, Long::sum);
                }
            } else {
                t.medianSeconds().put(position(index, r[2]), n);
            }
        }
        return new Tallies(tallies, grouping == null ? Map.of() : whole);
    }

    /**
     * The statement of {@link #tallies}: rows (kind, group key, a, b, lost, reason, n) for pipeline ?1 and [?2, ?3).
     * Stage entries are read once ({@code e}) and summed up per deal once ({@code g}: first and furthest non-lost
     * position, the lost stages it entered as a bit mask of positions, the reason of its last loss, its group key);
     * then {@code deals} rows count deals per (key, first, furthest, lost mask, reason), and {@code median} rows give
     * each key's median time in each stage ({@code whole} the pipeline's, when grouped). Live stage positions are
     * 0 to {@value PipelineValidator#MAX_STAGES}, so the mask fits a bigint.
     */
    static String talliesSql(String grouping, AnalyticsPeriod period) {
        // a bare '' is a char(0) in H2, which Hibernate reads as a Character and fails on: the key is a varchar
        String key = grouping == null ? "cast('' as varchar)" : "coalesce(" + dealKey(grouping, period) + ", '')";
        return "with e as (select m.id, m.deal_id, m.moved_at, m.left_at, m.loss_reason, s.position, s.semantics"
                + " from deal_move m join stage s on s.id = m.to_stage_id"
                + " where m.to_pipeline_id = ?1 and m.moved_at >= ?2 and m.moved_at < ?3 and s.deleted = false),"
                + " p as (select e.deal_id, min(e.moved_at) as first_at,"
                + " min(case when e.semantics <> 'lost' then e.position end) as lo,"
                + " max(case when e.semantics <> 'lost' then e.position end) as hi,"
                + " bit_or(case when e.semantics = 'lost' then cast(power(2, e.position) as bigint) end) as lost"
                + " from e group by e.deal_id),"
                + " r as (select distinct on (e.deal_id) e.deal_id, e.loss_reason, e.moved_at, e.id from e"
                + " where e.semantics = 'lost'"
                + " order by e.deal_id, e.moved_at desc, e.id desc),"
                + " g as (select p.deal_id, p.lo, p.hi, p.lost, r.loss_reason, " + key + " as k"
                + " from p left join r on r.deal_id = p.deal_id"
                + (grouping == null ? "" : " left join deal d on d.id = p.deal_id")
                + (grouping != null && grouping.equals("campaign") ? " left join lead l on l.id = d.lead_id" : "")
                + ")"
                + " select 'deals' as kind, g.k, g.lo as a, g.hi as b, g.lost, g.loss_reason as r, count(*) as n"
                + " from g group by g.k, g.lo, g.hi, g.lost, g.loss_reason"
                + (grouping == null
                ? " union all select 'median', '', e.position, null, null, null, " + MEDIAN
                + " from e where e.left_at is not null group by e.position"
                : " union all select 'median', g.k, e.position, null, null, null, " + MEDIAN
                + " from e join g on g.deal_id = e.deal_id where e.left_at is not null group by g.k, e.position"
                + " union all select 'whole', '', e.position, null, null, null, " + MEDIAN
                + " from e where e.left_at is not null group by e.position");
    }

    private static int position(Map<Integer, Integer> index, Object position) {
        return position == null ? -1 : index.getOrDefault(((Number) position).intValue(), -1);
    }

    /** The SQL group key of a deal in {@code g} (deal {@code d}, lead {@code l}, first entry {@code p}). */
    private static String dealKey(String grouping, AnalyticsPeriod period) {
        return switch (grouping) {
            case "manager" -> "d.responsible";
            case "source" -> "d.source";
            case "channel" -> "d.channel_id";
            case "campaign" -> "l.utm_campaign";
            default -> Sql.bucket(grouping, "p.first_at", period);
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
