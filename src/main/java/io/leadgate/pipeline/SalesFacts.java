package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads deals with what sales analytics groups and filters them by: stage and its probability, manager, source,
 * UTM campaign (of the lead the deal came from), products, new or repeat client, temperature.
 */
@ApplicationScoped
public class SalesFacts {

    /** new: the client had no won deal when this one was created; repeat: they had. */
    public static final List<String> CLIENT_TYPES = List.of("new", "repeat");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CHUNK = 1000;

    /** A deal as analytics sees it. {@code temperature} is null for won and lost deals. */
    public record Fact(long id, long pipelineId, long stageId, String stageName, int probability, String status,
                       String manager, String source, String campaign, BigDecimal amount, String currency,
                       LocalDate expectedClose, Instant createdAt, Instant stageEnteredAt, String clientType,
                       Temperature temperature, Instant lastActivity) {
    }

    /** Filters: every given one must hold; null = any. */
    public record Filter(String pipelineId, String productId, String client, String temperature, String manager,
                         String source, String campaign) {
    }

    private final EntityManager em;
    private final TemperatureConfig rules;
    private final Clock clock;

    SalesFacts(EntityManager em, TemperatureConfig rules, Clock clock) {
        this.em = em;
        this.rules = rules;
        this.clock = clock;
    }

    /** The deals the filter lets through, with status among {@code statuses}. */
    public List<Fact> load(Filter f, List<String> statuses) {
        StringBuilder q = new StringBuilder("select d.id, d.pipelineId, d.stageId, d.status, d.contactId, d.responsible, "
                + "d.source, d.amount, d.currency, d.expectedClose, d.createdAt, d.stageEnteredAt, d.leadId, "
                + "d.inquiryCount from Deal d where d.status in :statuses");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", statuses);
        if (notBlank(f.pipelineId())) {
            q.append(" and d.pipelineId = :pipeline");
            params.put("pipeline", PipelineService.parseId("pipelineId", f.pipelineId()));
        }
        if (notBlank(f.productId())) {
            q.append(" and exists (select 1 from DealItem i where i.dealId = d.id and i.productId = :product)");
            params.put("product", PipelineService.parseId("productId", f.productId()));
        }
        if (notBlank(f.manager())) {
            q.append(" and d.responsible = :manager");
            params.put("manager", f.manager().strip());
        }
        if (notBlank(f.source())) {
            q.append(" and d.source = :source");
            params.put("source", f.source().strip());
        }
        String client = notBlank(f.client()) ? choice("client", f.client(), CLIENT_TYPES) : null;
        Temperature wanted = notBlank(f.temperature()) ? Temperature.parse(f.temperature()).orElseThrow(() ->
                PipelineException.invalid("temperature must be one of cold, warm, hot")) : null;
        var query = em.createQuery(q.append(" order by d.id").toString(), Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();

        Map<Long, Stage> stages = new HashMap<>();
        Set<Long> contacts = new HashSet<>();
        Set<Long> leads = new HashSet<>();
        for (Object[] r : rows) {
            contacts.add((Long) r[4]);
            if (r[12] != null) {
                leads.add((Long) r[12]);
            }
        }
        Map<Long, String> campaigns = campaigns(leads);
        Map<Long, List<Instant>> wins = wins(contacts);
        Map<Long, Instant> lastInquiry = wanted != null || statuses.contains("open") ? lastInquiries(contacts) : Map.of();
        Instant now = clock.instant();
        List<Fact> facts = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            Stage s = stages.computeIfAbsent((Long) r[2], sid -> Stage.<Stage>findById(sid));
            Instant created = (Instant) r[10];
            Instant entered = (Instant) r[11];
            boolean repeat = wins.getOrDefault((Long) r[4], List.of()).stream().anyMatch(w -> w.isBefore(created));
            String campaign = r[12] == null ? null : campaigns.get((Long) r[12]);
            Temperature t = null;
            Instant last = null;
            if ("open".equals(r[3])) {
                Instant inquiry = lastInquiry.get((Long) r[4]);
                last = inquiry != null && inquiry.isAfter(entered) ? inquiry : entered;
                t = Temperature.of(last, (Integer) r[13], Probabilities.of(s), now, rules);
            }
            Fact fact = new Fact(id, (Long) r[1], s.id, s.name, Probabilities.of(s), (String) r[3], (String) r[5],
                    (String) r[6], campaign, (BigDecimal) r[7], (String) r[8], (LocalDate) r[9], created, entered,
                    repeat ? "repeat" : "new", t, last);
            if ((client == null || client.equals(fact.clientType())) && (wanted == null || wanted == t)
                    && (!notBlank(f.campaign()) || f.campaign().strip().equals(campaign))) {
                facts.add(fact);
            }
        }
        return facts;
    }

    /** utm_campaign of each lead's attribution. */
    private Map<Long, String> campaigns(Set<Long> leads) {
        Map<Long, String> out = new HashMap<>();
        for (List<Long> chunk : chunks(leads)) {
            for (Object[] r : em.createQuery("select l.id, l.attribution from Lead l where l.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                campaign((String) r[1]).ifPresent(c -> out.put((Long) r[0], c));
            }
        }
        return out;
    }

    static Optional<String> campaign(String attribution) {
        if (attribution == null) {
            return Optional.empty();
        }
        try {
            JsonNode c = MAPPER.readTree(attribution).path("utm_campaign");
            return c.isTextual() && !c.asText().isBlank() ? Optional.of(c.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** When each client's deals entered a won stage. */
    private Map<Long, List<Instant>> wins(Set<Long> contacts) {
        Map<Long, List<Instant>> out = new HashMap<>();
        for (List<Long> chunk : chunks(contacts)) {
            for (Object[] r : em.createQuery("select d.contactId, m.movedAt from DealMove m join Deal d on d.id = m.dealId "
                            + "join Stage s on s.id = m.toStageId where s.semantics = 'won' and d.contactId in :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Instant) r[1]);
            }
        }
        return out;
    }

    /** Each client's latest inquiry (the entity belongs to intake, above this package: named, not imported). */
    private Map<Long, Instant> lastInquiries(Set<Long> contacts) {
        Map<Long, Instant> out = new HashMap<>();
        for (List<Long> chunk : chunks(contacts)) {
            for (Object[] r : em.createQuery("select i.contactId, max(i.receivedAt) from StoredInquiry i "
                    + "where i.contactId in :ids group by i.contactId", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                out.put((Long) r[0], (Instant) r[1]);
            }
        }
        return out;
    }

    private static List<List<Long>> chunks(Set<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    static String choice(String name, String value, List<String> allowed) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw PipelineException.invalid(name + " must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
