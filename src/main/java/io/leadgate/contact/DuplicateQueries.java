package io.leadgate.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads merge candidates and merges for the API. */
@ApplicationScoped
public class DuplicateQueries {

    /** A candidate pair as {@code GET /api/contacts/duplicates} shows it. */
    public record DuplicateView(String id, List<String> contactIds, List<String> names, double score, String rule,
                                List<String> reasons, Instant createdAt, Instant updatedAt) {
    }

    private final EntityManager em;

    DuplicateQueries(EntityManager em) {
        this.em = em;
    }

    /** Open pairs whose cards are both still cards of their own, oldest first. */
    @Transactional
    public List<DuplicateView> open(Long contactId, double minScore, int limit, int offset) {
        String sql = "select m.id, m.contact_id, m.other_id, a.name, b.name, m.score, m.rule, m.reasons, m.created_at, "
                + "m.updated_at from merge_candidate m join contact a on a.id = m.contact_id "
                + "join contact b on b.id = m.other_id where m.status = 'open' and a.merged_into is null "
                + "and b.merged_into is null and m.score >= ?1 "
                + (contactId == null ? "" : "and (m.contact_id = ?2 or m.other_id = ?2) ")
                + "order by m.id limit " + limit + " offset " + offset;
        var query = em.createNativeQuery(sql).setParameter(1, minScore);
        if (contactId != null) {
            query.setParameter(2, contactId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<DuplicateView> out = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> names = new ArrayList<>();
            names.add((String) r[3]);
            names.add((String) r[4]);
            out.add(new DuplicateView(String.valueOf(r[0]), List.of(String.valueOf(r[1]), String.valueOf(r[2])), names,
                    ((Number) r[5]).doubleValue(), (String) r[6], Arrays.asList(((String) r[7]).split(",")),
                    instant(r[8]), instant(r[9])));
        }
        return out;
    }

    @Transactional
    public Optional<MergeView> merge(long id) {
        return ContactMerge.<ContactMerge>findByIdOptional(id).map(MergeView::of);
    }

    /** Merges, oldest first, optionally those touching one contact. */
    @Transactional
    public List<MergeView> merges(Long contactId, int limit, int offset) {
        var query = contactId == null ? ContactMerge.<ContactMerge>find("order by id")
                : ContactMerge.<ContactMerge>find("targetId = ?1 or sourceId = ?1 order by id", contactId);
        return query.range(offset, offset + limit - 1).stream().map(MergeView::of).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
