package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.jdbc.Rows;
import io.leadgate.lead.Lead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Speed to lead: the time from a lead's arrival to the first action on it (accepted, junked, a completed task, a
 * note), reported by manager, channel and source. A lead that waits longer than {@code leadgate.desk.speed-to-lead-limit}
 * is a breach: counted, and announced once with {@code leadgate.lead.response-overdue} — when the limit passes with no
 * action (by the desk's check), or at a late first action if the check had not seen it yet.
 */
@ApplicationScoped
public class SpeedToLead {

    /** What counts as a first action. */
    public enum Action {
        ACCEPT, JUNK, TASK, NOTE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One group of the report: times in seconds (null without any answered lead). */
    public record Group(String key, int leads, int answered, int breaches, Long medianSeconds, Long averageSeconds) {
    }

    public record Report(long limitSeconds, Group total, List<Group> groups) {
    }

    private final EntityManager em;
    private final EventLog outbox;
    private final ObjectMapper mapper;
    private final DeskConfig config;
    private final Clock clock;

    SpeedToLead(EntityManager em, EventLog outbox, ObjectMapper mapper, DeskConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    private static final String ARRIVED = "insert into lead_response (lead_id, manager, channel_id, source, arrived_at,"
            + " breached) values (?, ?, ?, ?, ?, false) on conflict do nothing";

    /**
     * The leads' rows, made on first sight (from the feed or at a first action, whichever comes first): one
     * fixed-shape insert batch on the transaction's connection, after the rows Hibernate holds are flushed (once,
     * however many leads).
     */
    void arrived(Collection<Lead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        em.flush();
        Rows.run(em, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(ARRIVED)) {
                for (Lead lead : leads) {
                    insert.setLong(1, lead.id);
                    insert.setString(2, lead.responsible);
                    insert.setString(3, lead.channelId);
                    insert.setString(4, lead.source);
                    Rows.timestamp(insert, 5, lead.createdAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Records an action on the lead; only the first one counts. */
    public void acted(Lead lead, Action action, String actor, Instant now) {
        arrived(List.of(lead));
        LeadResponse r = em.find(LeadResponse.class, lead.id, LockModeType.PESSIMISTIC_WRITE);
        if (r.firstActionAt != null) {
            return;
        }
        r.firstAction = action.code();
        r.firstActionBy = actor;
        r.firstActionAt = now;
        if (lead.responsible != null) {
            r.manager = lead.responsible;
        }
        if (Duration.between(r.arrivedAt, now).compareTo(config.speedToLeadLimit()) > 0) {
            breach(r, lead, now);
        }
    }

    /** A note on a contact is a first action on each of the contact's leads that has none yet. */
    @Transactional
    public void noted(long contactId, String actor) {
        Instant now = clock.instant();
        for (Lead lead : Lead.<Lead>list("contactId = ?1 and createdAt <= ?2 order by id", contactId, now)) {
            if (lead.status.open()) {
                acted(Lead.findById(lead.id, LockModeType.PESSIMISTIC_WRITE), Action.NOTE, actor, now);
            }
        }
    }

    /** Marks every lead past the limit without an action as breached and announces it; returns how many. */
    int checkBreaches(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select lead_id from lead_response where first_action_at is null"
                        + " and breach_emitted_at is null and arrived_at < ?1 order by arrived_at limit 500"
                        + " for update skip locked")
                .setParameter(1, now.minus(config.speedToLeadLimit())).getResultList();
        for (Number id : ids) {
            LeadResponse r = em.find(LeadResponse.class, id.longValue());
            Lead lead = Lead.findById(r.leadId);
            if (lead != null && lead.status.open()) {
                breach(r, lead, now);
            } else {
                r.breachEmittedAt = now; // the lead was closed some other way: nobody is waiting any more
                r.breached = true;
            }
        }
        return ids.size();
    }

    private void breach(LeadResponse r, Lead lead, Instant now) {
        r.breached = true;
        if (r.breachEmittedAt != null) {
            return;
        }
        r.breachEmittedAt = now;
        ObjectNode data = mapper.createObjectNode();
        data.put("leadId", String.valueOf(lead.id));
        data.put("manager", r.manager);
        data.put("channelId", r.channelId);
        data.put("source", r.source);
        data.put("arrivedAt", r.arrivedAt.toString());
        data.put("limitSeconds", config.speedToLeadLimit().toSeconds());
        data.put("waitedSeconds", Duration.between(r.arrivedAt, r.firstActionAt != null ? r.firstActionAt : now).toSeconds());
        if (r.firstActionAt != null) {
            data.put("firstAction", r.firstAction);
        }
        outbox.append(EventTypes.LEAD_RESPONSE_OVERDUE, lead.channelId, lead.contactId, lead.id, null, data, now);
    }

    /** The report of leads that arrived in [from, to), grouped by manager, channel or source (or not grouped). */
    public Report report(Instant from, Instant to, String by) {
        Function<LeadResponse, String> key = switch (by == null || by.isBlank() ? "" : by.strip().toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "manager" -> r -> Optional.ofNullable(r.manager).orElse("(none)");
            case "channel" -> r -> r.channelId;
            case "source" -> r -> Optional.ofNullable(r.source).orElse("(none)");
            default -> throw PipelineException.invalid("by must be manager, channel or source");
        };
        Instant now = clock.instant();
        List<LeadResponse> rows = LeadResponse.list("arrivedAt >= ?1 and arrivedAt < ?2 order by arrivedAt",
                from == null ? Instant.EPOCH : from, to == null ? now.plusSeconds(1) : to);
        List<Group> groups = new ArrayList<>();
        if (key != null) {
            Map<String, List<LeadResponse>> byKey = new LinkedHashMap<>();
            rows.forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
            byKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> groups.add(group(e.getKey(), e.getValue(), now)));
        }
        return new Report(config.speedToLeadLimit().toSeconds(), group(null, rows, now), groups);
    }

    private Group group(String key, List<LeadResponse> rows, Instant now) {
        List<Long> seconds = rows.stream().filter(r -> r.firstActionAt != null)
                .map(r -> Duration.between(r.arrivedAt, r.firstActionAt).toSeconds()).sorted(Comparator.naturalOrder())
                .toList();
        int breaches = (int) rows.stream().filter(r -> r.breached || r.firstActionAt == null
                && Duration.between(r.arrivedAt, now).compareTo(config.speedToLeadLimit()) > 0).count();
        Long median = seconds.isEmpty() ? null : seconds.size() % 2 == 1 ? seconds.get(seconds.size() / 2)
                : (seconds.get(seconds.size() / 2 - 1) + seconds.get(seconds.size() / 2)) / 2;
        Long average = seconds.isEmpty() ? null : Math.round(seconds.stream().mapToLong(Long::longValue).average().orElse(0));
        return new Group(key, rows.size(), seconds.size(), breaches, median, average);
    }
}
