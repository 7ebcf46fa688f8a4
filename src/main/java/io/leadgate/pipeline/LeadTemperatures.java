package io.leadgate.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Open leads (new, in progress) as cold, warm or hot by the rules of {@link Temperature}: the last activity is the
 * client's latest inquiry on the lead, the inquiries are the lead's count, and a lead has no stage probability.
 */
@ApplicationScoped
public class LeadTemperatures {

    /** The leads shown at most, hottest and most recent first. */
    static final int MAX_LEADS = 200;

    /** One open lead and its temperature. */
    public record Entry(String leadId, String temperature, Instant lastInquiryAt, int inquiries, String source,
                       String channelId, String responsible) {
    }

    /** Counts per temperature of all open leads that pass the filters, and the first {@link #MAX_LEADS} of them. */
    public record Answer(Instant at, Map<String, Long> counts, List<Entry> leads) {
    }

    private final EntityManager em;
    private final TemperatureConfig rules;
    private final Clock clock;

    LeadTemperatures(EntityManager em, TemperatureConfig rules, Clock clock) {
        this.em = em;
        this.rules = rules;
        this.clock = clock;
    }

    /** {@code temperature}, {@code source}, {@code channelId}, {@code manager}: each given one must hold. */
    public Answer of(String temperature, String source, String channelId, String manager) {
        Temperature wanted = null;
        if (temperature != null && !temperature.isBlank()) {
            wanted = Temperature.parse(temperature).orElseThrow(() ->
                    PipelineException.invalid("temperature must be cold, warm or hot"));
        }
        StringBuilder sql = new StringBuilder("select l.id, l.inquiry_count, l.source, l.channel_id, l.responsible, "
                + "(select max(i.received_at) from inquiry i where i.lead_id = l.id), l.created_at "
                + "from lead l where l.status in ('NEW', 'IN_PROGRESS')");
        List<Object> params = new ArrayList<>();
        for (String[] f : new String[][]{{"l.source", source}, {"l.channel_id", channelId}, {"l.responsible", manager}}) {
            if (f[1] != null && !f[1].isBlank()) {
                params.add(f[1].strip());
                sql.append(" and ").append(f[0]).append(" = ?").append(params.size());
            }
        }
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        Instant now = clock.instant();
        Map<Temperature, Long> counts = new EnumMap<>(Temperature.class);
        for (Temperature t : Temperature.values()) {
            counts.put(t, 0L);
        }
        List<Entry> leads = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Instant last = instant(r[5] != null ? r[5] : r[6]);
            int inquiries = ((Number) r[1]).intValue();
            Temperature t = Temperature.of(last, inquiries, 0, now, rules);
            if (wanted != null && t != wanted) {
                continue;
            }
            counts.merge(t, 1L, Long::sum);
            leads.add(new Entry(String.valueOf(((Number) r[0]).longValue()), t.code(), last, inquiries, (String) r[2],
                    (String) r[3], (String) r[4]));
        }
        leads.sort(Comparator.comparing((Entry e) -> Temperature.parse(e.temperature()).orElseThrow()).reversed()
                .thenComparing(Entry::lastInquiryAt, Comparator.reverseOrder()));
        Map<String, Long> byCode = new java.util.LinkedHashMap<>();
        counts.forEach((t, n) -> byCode.put(t.code(), n));
        return new Answer(now, byCode, leads.size() > MAX_LEADS ? List.copyOf(leads.subList(0, MAX_LEADS)) : leads);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
