package io.leadgate.console.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelFileLoader;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.events.EventTypes;
import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadStatusDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inbox: leads newest first by keyset ({@code created_at, id} on an index, so page 1 000 costs what page 1 does),
 * filtered; the first inquiry and the contact's identities are read for the page's leads only. New arrivals are read
 * from the lead-event feed by its commit-order cursor, so a lead taken by any replica shows up.
 */
@ApplicationScoped
public class InboxQuery {

    public static final int PAGE = 50;
    private static final int MAX_SEARCH_CONTACTS = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EntityManager em;
    private final OutboxSequencer sequencer;

    InboxQuery(EntityManager em, OutboxSequencer sequencer) {
        this.em = em;
        this.sequencer = sequencer;
    }

    /** A page of leads older than {@code cursor} ({@code epochMicros:id}), or the newest when null. */
    @Transactional
    public InboxPage page(InboxFilter f, String cursor) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!filter(f, where, params)) {
            return new InboxPage(List.of(), null);
        }
        if (cursor != null && cursor.matches("\\d{1,19}:\\d{1,19}")) {
            String[] parts = cursor.split(":");
            where.append(" and (l.created_at < :ct or (l.created_at = :ct and l.id < :cid))");
            params.put("ct", micros(Long.parseLong(parts[0])));
            params.put("cid", Long.parseLong(parts[1]));
        }
        List<InboxRow> rows = rows(where + " order by l.created_at desc, l.id desc", params, PAGE + 1);
        String next = null;
        if (rows.size() > PAGE) {
            rows = rows.subList(0, PAGE);
            InboxRow last = rows.get(PAGE - 1);
            next = micros(last.createdAt()) + ":" + last.id();
        }
        return new InboxPage(rows, next);
    }

    /** One lead's line, or null. */
    @Transactional
    public InboxRow row(long leadId) {
        List<InboxRow> rows = rows(" where l.id = :id", Map.of("id", leadId), 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Leads created after a feed cursor that match the filter, newest first, and the feed's cursor now. */
    public record Arrivals(List<InboxRow> rows, long cursor) {
    }

    @Transactional
    public long cursor() {
        sequencer.sequence();
        return ((Number) em.createNativeQuery("select coalesce(max(feed_position), 0) from outbox_event")
                .getSingleResult()).longValue();
    }

    @Transactional
    public Arrivals arrivedAfter(long after, InboxFilter f) {
        sequencer.sequence();
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("select feed_position, lead_id from outbox_event "
                        + "where feed_position > :after and type = :type order by feed_position")
                .setParameter("after", after).setParameter("type", EventTypes.LEAD_CREATED)
                .setMaxResults(PAGE).getResultList();
        long cursor = Math.max(after, ((Number) em.createNativeQuery(
                "select coalesce(max(feed_position), 0) from outbox_event").getSingleResult()).longValue());
        if (events.size() == PAGE) {
            cursor = ((Number) events.get(PAGE - 1)[0]).longValue(); // read the rest on the next tick
        }
        List<Long> ids = events.stream().filter(e -> e[1] != null).map(e -> ((Number) e[1]).longValue()).toList();
        if (ids.isEmpty()) {
            return new Arrivals(List.of(), cursor);
        }
        StringBuilder where = new StringBuilder(" where l.id in (:ids)");
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        if (!filter(f, where, params)) {
            return new Arrivals(List.of(), cursor);
        }
        return new Arrivals(rows(where + " order by l.created_at desc, l.id desc", params, PAGE), cursor);
    }

    /** Adds the filter's conditions; false when the search cannot match anything. */
    private boolean filter(InboxFilter f, StringBuilder where, Map<String, Object> params) {
        if (f.channel() != null) {
            where.append(" and l.channel_id = :channel");
            params.put("channel", f.channel());
        }
        if (f.source() != null) {
            where.append(" and l.source = :source");
            params.put("source", f.source());
        }
        if (f.status() != null) {
            LeadStatusDef custom = LeadStatusDef.findById(f.status().toLowerCase(Locale.ROOT));
            if (custom != null && !custom.builtin) {
                where.append(" and l.status_code = :statusCode");
                params.put("statusCode", custom.code);
            } else {
                try {
                    params.put("status", LeadStatus.fromCode(f.status()).name());
                    where.append(" and l.status = :status");
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        if (f.manager() != null) {
            where.append(" and l.responsible = :manager");
            params.put("manager", f.manager());
        }
        if (f.from() != null) {
            where.append(" and l.created_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(f.from(), java.time.ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.append(" and l.created_at < :to");
            params.put("to", OffsetDateTime.ofInstant(f.to(), java.time.ZoneOffset.UTC));
        }
        if (f.search() != null) {
            List<Long> contacts = searchContacts(f.search());
            if (contacts.isEmpty()) {
                return false;
            }
            where.append(" and l.contact_id in (:contacts)");
            params.put("contacts", contacts);
        }
        return true;
    }

    /** Contacts by phone (normalised like a hook's), email, or a part of the name. */
    @SuppressWarnings("unchecked")
    private List<Long> searchContacts(String q) {
        String digits = q.replaceAll("[^0-9]", "");
        if (digits.length() >= 5 && q.matches("[0-9+()\\-.\\s]+")) {
            if (!(PhoneNormalizer.normalize(q, ChannelFileLoader.DEFAULT_REGION) instanceof PhoneResult.Normalized n)) {
                return List.of();
            }
            return identity("PHONE", n.e164());
        }
        if (q.contains("@")) {
            return EmailNormalizer.normalize(q).map(e -> identity("EMAIL", e)).orElse(List.of());
        }
        List<Number> ids = em.createNativeQuery("select id from contact where lower(name) like :q "
                        + "and erased_at is null order by id desc")
                .setParameter("q", "%" + q.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "")
                        + "%")
                .setMaxResults(MAX_SEARCH_CONTACTS).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> identity(String kind, String value) {
        List<Number> ids = em.createNativeQuery("select contact_id from contact_identity "
                        + "where identity_value = :v and kind = :k")
                .setParameter("v", value).setParameter("k", kind).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<InboxRow> rows(String where, Map<String, Object> params, int limit) {
        Query q = em.createNativeQuery("select l.id, l.created_at, l.channel_id, l.source, l.status, l.status_code, "
                + "l.returning_client, l.callback, l.responsible, l.attribution, l.contact_id, c.name, l.inquiry_count, "
                + "l.junk_reason, l.deal_id from lead l join contact c on c.id = l.contact_id" + where);
        params.forEach(q::setParameter);
        List<Object[]> leads = q.setMaxResults(limit).getResultList();
        if (leads.isEmpty()) {
            return List.of();
        }
        List<Long> leadIds = leads.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Long> contactIds = leads.stream().map(r -> ((Number) r[10]).longValue()).distinct().toList();
        Map<Long, Object[]> first = new HashMap<>();
        List<Object[]> inquiries = em.createNativeQuery("select i.lead_id, i.provider, i.family, i.item from inquiry i "
                        + "where i.id in (select min(j.id) from inquiry j where j.lead_id in (:ids) group by j.lead_id)")
                .setParameter("ids", leadIds).getResultList();
        inquiries.forEach(r -> first.put(((Number) r[0]).longValue(), r));
        Map<Long, Map<String, String>> identities = new HashMap<>();
        List<Object[]> ids = em.createNativeQuery("select contact_id, kind, identity_value, label from contact_identity "
                        + "where contact_id in (:ids) order by id")
                .setParameter("ids", contactIds).getResultList();
        for (Object[] r : ids) {
            Map<String, String> own = identities.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashMap<>());
            String shown = "HANDLE".equals(r[1]) && r[3] != null ? r[2] + " (" + r[3] + ")" : (String) r[2];
            own.putIfAbsent((String) r[1], shown);
        }
        List<InboxRow> rows = new ArrayList<>(leads.size());
        for (Object[] r : leads) {
            long id = ((Number) r[0]).longValue();
            long contactId = ((Number) r[10]).longValue();
            Object[] inq = first.get(id);
            JsonNode item = inq == null ? null : json((String) inq[3]);
            Map<String, String> own = identities.getOrDefault(contactId, Map.of());
            LeadStatus status = LeadStatus.valueOf((String) r[4]);
            rows.add(new InboxRow(id, instant(r[1]), (String) r[2], inq == null ? null : (String) inq[1],
                    inq == null ? null : (String) inq[2], (String) r[3], campaign(json((String) r[9])),
                    status.code(), r[5] != null ? (String) r[5] : status.code(), status.open(), bool(r[6]), bool(r[7]),
                    (String) r[8], contactId, (String) r[11], own.get("PHONE"), own.get("EMAIL"), own.get("HANDLE"),
                    text(item, "subject"), text(item, "text"), ((Number) r[12]).intValue(), (String) r[13],
                    r[14] == null ? null : ((Number) r[14]).longValue()));
        }
        return rows;
    }

    /** The lead's {@code utm_campaign}, as its attribution holds it (the read API's flat shape, CONTRACT §4). */
    private static String campaign(JsonNode attribution) {
        return attribution == null ? null : attribution.path("utm_campaign").asText(null);
    }

    private static String text(JsonNode item, String field) {
        if (item == null || !item.hasNonNull(field)) {
            return null;
        }
        String t = item.get(field).asText();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    private static JsonNode json(String s) {
        try {
            return s == null ? null : MAPPER.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    public static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (o == null ? null : o.getClass()));
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static OffsetDateTime micros(long micros) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L), java.time.ZoneOffset.UTC);
    }
}
