package io.leadgate.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One person's cards: the surviving card and every card merged into it, directly or through a card merged into it
 * later. A merge leaves its source as a card pointing to the target ({@code merged_into}), with the source's name and
 * matching keys and the events about it, so what is done for a person (export, erasure) is done for all of them.
 */
@ApplicationScoped
public class MergedCards {

    /** Merge chains are short (a card merged into a merged card is refused); the bound only guards the loop. */
    private static final int MAX_DEPTH = 1_000;
    private static final int MAX_ATTEMPTS = 10;

    private final EntityManager em;

    MergedCards(EntityManager em) {
        this.em = em;
    }

    /** A person's card ids: the survivor first, then the cards merged into it in ascending id order. */
    public record Person(long survivor, List<Long> merged) {

        public List<Long> all() {
            List<Long> all = new ArrayList<>(merged.size() + 1);
            all.add(survivor);
            all.addAll(merged);
            return all;
        }
    }

    /** The person that card {@code id} belongs to (it may be the survivor or a merged card); empty for no such card. */
    public Optional<Person> of(long id) {
        return survivor(id).map(root -> new Person(root, mergedInto(root)));
    }

    /**
     * As {@link #of(long)}, with every card of the person locked for the transaction. Merge records are locked first,
     * then the cards in ascending id order, the order merge and undo take them, and the person is read again under
     * the locks: a merge or undo that committed in between is seen and locked too.
     */
    public Optional<Person> lock(long id) {
        Optional<Person> person = of(id);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && person.isPresent(); attempt++) {
            List<Long> cards = person.get().all();
            em.createNativeQuery("select id from contact_merge where target_id in (?1) or source_id in (?1) "
                    + "order by id for update").setParameter(1, cards).getResultList();
            em.createNativeQuery("select id from contact where id in (?1) order by id for update")
                    .setParameter(1, cards).getResultList();
            Optional<Person> again = of(id);
            if (again.equals(person)) {
                return person;
            }
            person = again;
        }
        if (person.isPresent()) {
            throw new IllegalStateException("the cards of contact " + id + " kept changing while being locked");
        }
        return person;
    }

    private Optional<Long> survivor(long id) {
        Long current = id;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            List<?> row = em.createNativeQuery("select merged_into from contact where id = ?1")
                    .setParameter(1, current).getResultList();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (row.get(0) == null) {
                return Optional.of(current);
            }
            current = ((Number) row.get(0)).longValue();
        }
        throw new IllegalStateException("contact " + id + " is merged in a cycle");
    }

    private List<Long> mergedInto(long survivor) {
        List<Long> merged = new ArrayList<>();
        List<Long> level = List.of(survivor);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            level = em.createNativeQuery("select id from contact where merged_into is not null and merged_into in (?1) "
                    + "order by id").setParameter(1, level).getResultList().stream()
                    .map(n -> ((Number) n).longValue()).toList();
            merged.addAll(level);
        }
        merged.sort(null);
        return List.copyOf(merged);
    }
}
