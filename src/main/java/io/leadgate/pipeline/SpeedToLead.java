package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.jdbc.Rows;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    /** Leads past the limit handled per pass of {@link #checkBreaches}. */
    static final int BREACH_BATCH = 500;

    private static final String DUE = "select lead_id, manager, channel_id, source, arrived_at from lead_response"
            + " where first_action_at is null and breach_emitted_at is null and arrived_at < ?"
            + " order by arrived_at limit " + BREACH_BATCH + " for update skip locked";
    private static final String LEADS = "select id, status, channel_id, contact_id from lead where id = any(?)";
    private static final String MARK = "update lead_response set breached = true, breach_emitted_at = ?"
            + " where lead_id = any(?)";

    /** A row of {@link #DUE}. */
    private record Due(long leadId, String manager, String channelId, String source, Instant arrivedAt) {
    }

    /** What the event needs of a lead still open. */
    private record OpenLead(String channelId, Long contactId) {
    }

    /**
     * Marks the leads past the limit without an action as breached and announces those still open, oldest first, at
     * most {@link #BREACH_BATCH} of them; returns how many were marked (the desk calls again while a pass is full).
     * Four statements however many leads are due (the due rows, their leads, the marks, the events): a desk that fell
     * behind, after a night of unanswered leads, catches up without statements per lead.
     */
    int checkBreaches(Instant now) {
        em.flush(); // the rows are read and marked by statement below, not through entities
        List<Due> due = new ArrayList<>();
        Map<Long, OpenLead> open = new HashMap<>();
        Rows.run(em, connection -> {
            try (PreparedStatement read = connection.prepareStatement(DUE)) {
                Rows.timestamp(read, 1, now.minus(config.speedToLeadLimit()));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            if (due.isEmpty()) {
                return;
            }
            Object[] ids = due.stream().map(Due::leadId).toArray();
            try (PreparedStatement leads = connection.prepareStatement(LEADS)) {
                leads.setArray(1, connection.createArrayOf("bigint", ids));
                try (ResultSet rs = leads.executeQuery()) {
                    while (rs.next()) {
                        if (LeadStatus.valueOf(rs.getString(2)).open()) {
                            open.put(rs.getLong(1), new OpenLead(rs.getString(3), (Long) rs.getObject(4)));
                        }
                    }
                }
            }
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                Rows.timestamp(mark, 1, now);
                mark.setArray(2, connection.createArrayOf("bigint", ids));
                mark.executeUpdate();
            }
        });
        List<EventLog.Event> events = new ArrayList<>();
        for (Due d : due) { // a lead closed some other way, or gone: nobody is waiting any more, marked without an event
            OpenLead lead = open.get(d.leadId());
            if (lead != null) {
                events.add(new EventLog.Event(EventTypes.LEAD_RESPONSE_OVERDUE, lead.channelId(), lead.contactId(),
                        d.leadId(), null, overdue(d.leadId(), d.manager(), d.channelId(), d.source(), d.arrivedAt(),
                                null, null, now)));
            }
        }
        outbox.appendAll(events, now);
        return due.size();
    }

    /** A late first action after the limit, before the desk's check saw it: announced here, once. */
    private void breach(LeadResponse r, Lead lead, Instant now) {
        r.breached = true;
        if (r.breachEmittedAt != null) {
            return;
        }
        r.breachEmittedAt = now;
        outbox.append(EventTypes.LEAD_RESPONSE_OVERDUE, lead.channelId, lead.contactId, lead.id, null,
                overdue(lead.id, r.manager, r.channelId, r.source, r.arrivedAt, r.firstAction, r.firstActionAt, now),
                now);
    }

    /** The {@code leadgate.lead.response-overdue} event's data. */
    private ObjectNode overdue(long leadId, String manager, String channelId, String source, Instant arrivedAt,
                               String firstAction, Instant firstActionAt, Instant now) {
        ObjectNode data = mapper.createObjectNode();
        data.put("leadId", String.valueOf(leadId));
        data.put("manager", manager);
        data.put("channelId", channelId);
        data.put("source", source);
        data.put("arrivedAt", arrivedAt.toString());
        data.put("limitSeconds", config.speedToLeadLimit().toSeconds());
        data.put("waitedSeconds", Duration.between(arrivedAt, firstActionAt != null ? firstActionAt : now).toSeconds());
        if (firstActionAt != null) {
            data.put("firstAction", firstAction);
        }
        return data;
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
