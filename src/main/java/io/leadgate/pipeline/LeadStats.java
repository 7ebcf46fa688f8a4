package io.leadgate.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/analytics/leads}, {@code /leads/series} and {@code /won}: leads received in a period (by source,
 * channel, junk reason, status, UTM campaign or calendar bucket), lead → deal → won conversion, and the amounts of
 * deals won in the period. Counted in SQL; calendar buckets in the period's time zone.
 */
@ApplicationScoped
public class LeadStats {

    public static final List<String> GROUPINGS = List.of("source", "channel", "junk-reason", "status", "campaign",
            "day", "week", "month");
    public static final List<String> BUCKETS = List.of("day", "week", "month");
    public static final List<String> WON_GROUPINGS = List.of("manager", "source", "channel", "campaign");

    private final EntityManager em;

    LeadStats(EntityManager em) {
        this.em = em;
    }

    /**
     * Leads received in the period: {@code total}, {@code junk}, {@code converted} (status converted), {@code deals}
     * (leads that became a deal) and {@code won} (whose deal is won); {@code groups} counted by {@code by}.
     */
    public record LeadAnswer(Instant from, Instant to, String tz, String by, long total, long junk, long converted,
                             long deals, long won, double dealConversion, double wonConversion,
                             Map<String, Long> groups) {
    }

    /** Leads per bucket and channel: {@code rows} in bucket, then channel order. */
    public record Series(Instant from, Instant to, String tz, String bucket, List<String> channels,
                         List<SeriesRow> rows) {
    }

    public record SeriesRow(String period, String channel, long count) {
    }

    /** Deals won in the period (each deal once; tunnel copies not again), by manager, source, channel or campaign. */
    public record Won(Instant from, Instant to, String tz, String by, List<WonRow> rows) {
    }

    public record WonRow(String key, String currency, long deals, BigDecimal amount) {
    }

    public LeadAnswer leads(AnalyticsPeriod period, String by) {
        String grouping = FunnelQuery.grouping(by, GROUPINGS);
        Object[] t = (Object[]) em.createNativeQuery("select count(*),"
                        + " coalesce(sum(case when l.status = 'JUNK' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when l.status = 'CONVERTED' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when l.deal_id is not null then 1 else 0 end), 0),"
                        + " coalesce(sum(case when d.status = 'won' then 1 else 0 end), 0)"
                        + " from lead l left join deal d on d.id = l.deal_id"
                        + " where l.created_at >= ?1 and l.created_at < ?2")
                .setParameter(1, Sql.time(period.from())).setParameter(2, Sql.time(period.to())).getSingleResult();
        Map<String, Long> groups = new TreeMap<>();
        if (grouping != null) {
            String key = switch (grouping) {
                case "source" -> "l.source";
                case "channel" -> "l.channel_id";
                case "junk-reason" -> "l.junk_reason";
                case "status" -> "coalesce(l.status_code, lower(replace(l.status, '_', '-')))";
                case "campaign" -> "l.utm_campaign";
                default -> Sql.bucket(grouping, "l.created_at", period);
            };
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + key + " as k, count(*) from lead l"
                            + " where l.created_at >= ?1 and l.created_at < ?2"
                            + (grouping.equals("junk-reason") ? " and l.status = 'JUNK'" : "") + " group by " + key)
                    .setParameter(1, Sql.time(period.from())).setParameter(2, Sql.time(period.to())).getResultList();
            rows.forEach(r -> groups.merge(FunnelQuery.key((String) r[0]), ((Number) r[1]).longValue(), Long::sum));
        }
        long total = n(t[0]);
        long deals = n(t[3]);
        long won = n(t[4]);
        return new LeadAnswer(period.from(), period.to(), period.sqlZone(), grouping, total, n(t[1]), n(t[2]), deals,
                won, Funnel.ratio(deals, total), Funnel.ratio(won, total), groups);
    }

    /** Leads received per {@code bucket} (day, week, month; default day) and channel. */
    public Series series(AnalyticsPeriod period, String bucket) {
        String unit = bucket == null || bucket.isBlank() ? "day" : FunnelQuery.grouping(bucket, BUCKETS);
        String key = Sql.bucket(unit, "l.created_at", period);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + key + " as b, l.channel_id, count(*) from lead l"
                        + " where l.created_at >= ?1 and l.created_at < ?2 group by " + key + ", l.channel_id"
                        + " order by 1, 2")
                .setParameter(1, Sql.time(period.from())).setParameter(2, Sql.time(period.to())).getResultList();
        List<SeriesRow> out = new ArrayList<>();
        java.util.SortedSet<String> channels = new java.util.TreeSet<>();
        for (Object[] r : rows) {
            out.add(new SeriesRow((String) r[0], (String) r[1], n(r[2])));
            channels.add((String) r[1]);
        }
        return new Series(period.from(), period.to(), period.sqlZone(), unit, List.copyOf(channels), out);
    }

    /** Deals that entered a won stage in the period, by {@code by} (default manager) and currency. */
    public Won won(AnalyticsPeriod period, String by) {
        String grouping = by == null || by.isBlank() ? "manager" : FunnelQuery.grouping(by, WON_GROUPINGS);
        String key = switch (grouping) {
            case "manager" -> "d.responsible";
            case "source" -> "d.source";
            case "channel" -> "d.channel_id";
            default -> "l.utm_campaign";
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + key + " as k, d.currency, count(*), sum(d.amount)"
                        + " from deal d" + (grouping.equals("campaign") ? " left join lead l on l.id = d.lead_id" : "")
                        + " where d.source_deal_id is null and d.id in (select m.deal_id from deal_move m"
                        + " join stage s on s.id = m.to_stage_id where s.semantics = 'won'"
                        + " and m.moved_at >= ?1 and m.moved_at < ?2)"
                        + " group by " + key + ", d.currency")
                .setParameter(1, Sql.time(period.from())).setParameter(2, Sql.time(period.to())).getResultList();
        List<WonRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new WonRow(FunnelQuery.key((String) r[0]), (String) r[1], n(r[2]),
                    r[3] == null ? BigDecimal.ZERO : new BigDecimal(r[3].toString())));
        }
        out.sort(java.util.Comparator.comparing(WonRow::amount).reversed().thenComparing(WonRow::key));
        return new Won(period.from(), period.to(), period.sqlZone(), grouping, out);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
