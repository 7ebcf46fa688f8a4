package io.leadgate.pipeline;

import io.leadgate.contact.Contact;
import io.leadgate.contact.ContactRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who gets a lead or deal: a returning client's own manager while active, otherwise the next active manager of a
 * channel's or pipeline's list in turn, skipping those outside working hours or absent ({@link Availability}) (round robin; the position is kept per scope in the database, locked for the
 * transaction, so parallel assignments do not pick the same turn).
 */
@ApplicationScoped
public class Assigner {

    private final EntityManager em;
    private final Availability availability;
    private final Clock clock;
    private final ContactRows cards;

    Assigner(EntityManager em, Availability availability, Clock clock, ContactRows cards) {
        this.em = em;
        this.cards = cards;
        this.availability = availability;
        this.clock = clock;
    }

    /** A manager is active unless marked inactive. */
    public boolean active(String manager) {
        Manager m = Manager.findById(manager);
        return m == null || m.active;
    }

    /** The contact's manager, when set and active. */
    public Optional<String> clientManager(Long contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        Contact contact = Contact.findById(contactId);
        return contact == null || contact.responsible == null || !active(contact.responsible) ? Optional.empty()
                : Optional.of(contact.responsible);
    }

    /** The client's manager, else the next of {@code managers} in turn; remembers the choice on the contact. */
    public Optional<String> assign(Long contactId, String scope, List<String> managers) {
        Optional<String> chosen = clientManager(contactId).or(() -> next(scope, managers));
        chosen.ifPresent(manager -> remember(contactId, manager));
        return chosen;
    }

    /**
     * As {@link #assign}, for the lead of a card the same transaction created: it has no manager yet, so none is
     * looked up, and the chosen one is kept on it with one update (the card was written without an entity).
     */
    public Optional<String> assignNewCard(long contactId, String scope, List<String> managers) {
        Optional<String> chosen = next(scope, managers);
        chosen.ifPresent(manager -> cards.keepResponsible(contactId, manager));
        return chosen;
    }

    /** Keeps a manager on the contact when it has no active one yet. */
    public void remember(Long contactId, String manager) {
        if (contactId == null || manager == null) {
            return;
        }
        Contact contact = Contact.findById(contactId);
        if (contact != null && (contact.responsible == null || !active(contact.responsible))) {
            contact.responsible = manager;
        }
    }

    /** The next active manager of the list in turn, or empty when none is active. */
    public Optional<String> next(String scope, List<String> managers) {
        if (managers.isEmpty()) {
            return Optional.empty();
        }
        Set<String> inactive = new HashSet<>(em.createQuery(
                        "select m.id from Manager m where m.active = false and m.id in ?1", String.class)
                .setParameter(1, managers).getResultList());
        List<String> active = managers.stream().filter(m -> !inactive.contains(m)).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        // off duty (outside working hours, absent) is skipped; when nobody is on duty the turn goes round all active
        List<String> onDuty = availability.working(active, clock.instant());
        List<String> candidates = onDuty.isEmpty() ? active : onDuty;
        em.createNativeQuery("insert into assignment_cursor (scope, next_index) values (?1, 0) on conflict do nothing")
                .setParameter(1, scope).executeUpdate();
        long index = ((Number) em.createNativeQuery(
                        "select next_index from assignment_cursor where scope = ?1 for update")
                .setParameter(1, scope).getSingleResult()).longValue();
        em.createNativeQuery("update assignment_cursor set next_index = next_index + 1 where scope = ?1")
                .setParameter(1, scope).executeUpdate();
        return Optional.of(candidates.get((int) (index % candidates.size())));
    }
}
