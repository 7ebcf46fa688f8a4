package io.leadgate.console.duplicates;

import io.leadgate.contact.Contact;
import io.leadgate.contact.ContactMerge;
import io.leadgate.contact.ContactQueries;
import io.leadgate.contact.ContactView;
import io.leadgate.contact.DuplicateQueries;
import io.leadgate.contact.MergeCandidate;
import io.leadgate.contact.MergeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The duplicates page: the open candidate pairs (from the same query as {@code GET /api/contacts/duplicates}) with
 * both cards side by side, and the merge history newest first.
 */
@ApplicationScoped
public class DuplicatesQuery {

    static final int PAIRS = 50;
    static final int HISTORY = 50;

    /** One card of a pair: identities and the channels its inquiries came through. */
    public record Side(String id, String name, List<String> phones, List<String> emails, List<String> handles,
                       List<String> channels, Instant createdAt) {
    }

    /** A candidate pair with both cards. */
    public record Pair(DuplicateQueries.DuplicateView pair, Side first, Side second) {

        /** The score with two decimals. */
        public String score() {
            return String.format(java.util.Locale.ROOT, "%.2f", pair.score());
        }
    }

    /** A merge with the names of both cards. */
    public record MergeLine(MergeView merge, String targetName, String sourceName) {
    }

    private final DuplicateQueries duplicates;
    private final ContactQueries contacts;
    private final EntityManager em;

    DuplicatesQuery(DuplicateQueries duplicates, ContactQueries contacts, EntityManager em) {
        this.duplicates = duplicates;
        this.contacts = contacts;
        this.em = em;
    }

    @Transactional
    public List<Pair> pairs() {
        List<DuplicateQueries.DuplicateView> open = duplicates.open(null, 0, PAIRS, 0);
        List<Long> ids = new ArrayList<>();
        open.forEach(p -> p.contactIds().forEach(id -> ids.add(Long.parseLong(id))));
        Map<Long, List<String>> channels = channels(ids);
        List<Pair> out = new ArrayList<>();
        for (DuplicateQueries.DuplicateView p : open) {
            Optional<Side> a = side(Long.parseLong(p.contactIds().get(0)), channels);
            Optional<Side> b = side(Long.parseLong(p.contactIds().get(1)), channels);
            if (a.isPresent() && b.isPresent()) {
                out.add(new Pair(p, a.get(), b.get()));
            }
        }
        return out;
    }

    /** The two cards of an open pair, {@code [first, second]}; empty when there is no such open pair. */
    @Transactional
    public Optional<long[]> openPair(long pairId) {
        MergeCandidate pair = MergeCandidate.findById(pairId);
        return pair == null || !MergeCandidate.OPEN.equals(pair.status) ? Optional.empty()
                : Optional.of(new long[] {pair.contactId, pair.otherId});
    }

    /** Merges newest first, by operators and by rules. */
    @Transactional
    public List<MergeLine> history() {
        List<ContactMerge> merges = ContactMerge.<ContactMerge>find("order by id desc").page(0, HISTORY).list();
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        merges.forEach(m -> {
            ids.add(m.targetId);
            ids.add(m.sourceId);
        });
        if (!ids.isEmpty()) {
            Contact.<Contact>list("id in ?1", ids).forEach(c -> names.put(c.id, c.erasedAt == null ? c.name : null));
        }
        return merges.stream().map(m -> new MergeLine(MergeView.of(m), names.get(m.targetId), names.get(m.sourceId)))
                .toList();
    }

    private Optional<Side> side(long id, Map<Long, List<String>> channels) {
        return contacts.byId(id).map(c -> new Side(c.id(), c.name(), c.phones(), c.emails(), handles(c),
                channels.getOrDefault(id, List.of()), c.createdAt()));
    }

    private static List<String> handles(ContactView c) {
        return c.handles().stream().map(h -> h.provider() + ": " + (h.username() == null ? h.id() : h.username()))
                .toList();
    }

    /** The channels each card's inquiries came through, most used first. */
    private Map<Long, List<String>> channels(List<Long> contactIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (contactIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select contact_id, channel_id from inquiry where contact_id in (?1) "
                + "group by contact_id, channel_id order by contact_id, count(*) desc, channel_id")
                .setParameter(1, contactIds).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
        }
        out.replaceAll((k, v) -> List.copyOf(new LinkedHashSet<>(v)));
        return out;
    }
}
