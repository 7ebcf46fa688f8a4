package io.leadgate.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/analytics/funnel} and {@code /api/analytics/leads}: loads the stage entries of a pipeline in a
 * period and hands them to {@link Funnel}; groups by manager, source, channel or day (of the deal's first entry in
 * the period).
 */
@ApplicationScoped
public class FunnelQuery {

    public static final List<String> GROUPINGS = List.of("manager", "source", "channel", "day");
    public static final List<String> LEAD_GROUPINGS = List.of("source", "channel", "junk-reason", "status", "day");
    static final String NONE = "none";

    private final EntityManager em;
    private final PipelineService pipelines;

    FunnelQuery(EntityManager em, PipelineService pipelines) {
        this.em = em;
        this.pipelines = pipelines;
    }

    /** The funnel answer (CONTRACT §7) plus totals; {@code groups} empty without {@code by}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Answer(String pipelineId, String name, Instant from, Instant to, String by,
                         List<Funnel.StageRow> stages, Map<String, Long> lost, long deals, long won, double conversion,
                         Map<String, Funnel.Report> groups) {
    }

    public record LeadAnswer(Instant from, Instant to, String by, long total, long junk, long converted,
                             Map<String, Long> groups) {
    }

    public Answer funnel(String pipelineId, String from, String to, String by) {
        Pipeline p = pipelines.requested(pipelineId);
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        String grouping = grouping(by, GROUPINGS);
        List<Funnel.StageInfo> stages = Stage.of(p.id).stream()
                .map(s -> new Funnel.StageInfo(s.id, s.name, s.semantics())).toList();
        List<Object[]> rows = em.createQuery("select m.dealId, m.toStageId, m.movedAt, m.leftAt, m.lossReason, "
                        + "d.responsible, d.source, d.channelId from DealMove m join Deal d on d.id = m.dealId "
                        + "where m.toPipelineId = ?1 and m.movedAt >= ?2 and m.movedAt < ?3 order by m.movedAt, m.id",
                Object[].class).setParameter(1, p.id).setParameter(2, start).setParameter(3, end).getResultList();
        List<Funnel.Entry> entries = new ArrayList<>();
        Map<Long, String> groupOf = new HashMap<>();
        for (Object[] r : rows) {
            Funnel.Entry e = new Funnel.Entry((Long) r[0], (Long) r[1], (Instant) r[2], (Instant) r[3], (String) r[4]);
            entries.add(e);
            if (grouping != null) {
                groupOf.putIfAbsent(e.dealId(), key(switch (grouping) {
                    case "manager" -> (String) r[5];
                    case "source" -> (String) r[6];
                    case "channel" -> (String) r[7];
                    default -> LocalDate.ofInstant(e.at(), ZoneOffset.UTC).toString(); // rows come in time order
                }));
            }
        }
        Funnel.Report all = Funnel.compute(stages, entries);
        Map<String, Funnel.Report> groups = new TreeMap<>();
        if (grouping != null) {
            Map<String, List<Funnel.Entry>> split = new LinkedHashMap<>();
            for (Funnel.Entry e : entries) {
                split.computeIfAbsent(groupOf.get(e.dealId()), k -> new ArrayList<>()).add(e);
            }
            split.forEach((k, list) -> groups.put(k, Funnel.compute(stages, list)));
        }
        return new Answer(String.valueOf(p.id), p.name, start, end, grouping, all.stages(), all.lost(), all.deals(),
                all.won(), all.conversion(), groups);
    }

    /** Leads created in the period, counted by source, channel, junk reason, status or day. */
    public LeadAnswer leads(String from, String to, String by) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        String grouping = grouping(by, LEAD_GROUPINGS);
        List<Lead> leads = Lead.list("createdAt >= ?1 and createdAt < ?2", start, end);
        Map<String, Long> groups = new TreeMap<>();
        long junk = 0;
        long converted = 0;
        for (Lead l : leads) {
            junk += l.status == LeadStatus.JUNK ? 1 : 0;
            converted += l.status == LeadStatus.CONVERTED ? 1 : 0;
            if (grouping == null) {
                continue;
            }
            if (grouping.equals("junk-reason") && l.status != LeadStatus.JUNK) {
                continue;
            }
            groups.merge(key(switch (grouping) {
                case "source" -> l.source;
                case "channel" -> l.channelId;
                case "junk-reason" -> l.junkReason;
                case "status" -> l.statusCode();
                default -> LocalDate.ofInstant(l.createdAt, ZoneOffset.UTC).toString();
            }), 1L, Long::sum);
        }
        return new LeadAnswer(start, end, grouping, leads.size(), junk, converted, groups);
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String grouping(String by, List<String> allowed) {
        if (by == null || by.isBlank()) {
            return null;
        }
        String b = by.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (b.equals("junkreason")) {
            b = "junk-reason";
        }
        if (!allowed.contains(b)) {
            throw PipelineException.invalid("by must be one of " + String.join(", ", allowed));
        }
        return b;
    }

    /** An instant, or a date (from: its start; to: the end of that day, UTC); absent = unbounded. Pure. */
    static Instant instant(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return end ? Instant.parse("9999-12-31T00:00:00Z") : Instant.EPOCH;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.matches(".*([zZ]|[+-]\\d{2}:?\\d{2})$")) {
                return java.time.OffsetDateTime.parse(v).toInstant();
            }
            return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC); // no offset: UTC
        } catch (DateTimeParseException e) {
            throw PipelineException.invalid(name + " must be a date (2025-01-31) or an instant (2025-01-31T12:00:00Z)");
        }
    }
}
