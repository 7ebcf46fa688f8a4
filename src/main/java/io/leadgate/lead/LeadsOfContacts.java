package io.leadgate.lead;

import io.leadgate.contact.ContactLeads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lead ids of contacts, for contact views and merge undos. */
@ApplicationScoped
public class LeadsOfContacts implements ContactLeads {

    private final EntityManager em;

    LeadsOfContacts(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<Long, List<String>> leadIds(List<Long> contactIds) {
        Map<Long, List<String>> leads = new LinkedHashMap<>();
        Lead.<Lead>find("contactId in ?1 order by id", contactIds).stream()
                .forEach(l -> leads.computeIfAbsent(l.contactId, k -> new ArrayList<>()).add(String.valueOf(l.id)));
        return leads;
    }

    @Override
    public Set<Long> ofContact(long contactId, Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Set.of();
        }
        // ids only: a selected scalar is read from the database, never from an entity loaded before the move
        return Set.copyOf(em.createQuery("select l.id from Lead l where l.contactId = ?1 and l.id in ?2", Long.class)
                .setParameter(1, contactId).setParameter(2, leadIds).getResultList());
    }
}
