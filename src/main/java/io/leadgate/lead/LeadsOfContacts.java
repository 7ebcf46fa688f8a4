package io.leadgate.lead;

import io.leadgate.contact.ContactLeads;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lead ids of contacts, for contact views. */
@ApplicationScoped
public class LeadsOfContacts implements ContactLeads {

    @Override
    public Map<Long, List<String>> leadIds(List<Long> contactIds) {
        Map<Long, List<String>> leads = new LinkedHashMap<>();
        Lead.<Lead>find("contactId in ?1 order by id", contactIds).stream()
                .forEach(l -> leads.computeIfAbsent(l.contactId, k -> new ArrayList<>()).add(String.valueOf(l.id)));
        return leads;
    }
}
