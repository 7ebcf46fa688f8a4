package io.leadgate.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads contact cards with their identities and leads, for the API. */
@ApplicationScoped
public class ContactQueries {

    private final ContactLeads leads;

    ContactQueries(ContactLeads leads) {
        this.leads = leads;
    }

    @Transactional
    public Optional<ContactView> byId(long id) {
        Contact contact = Contact.findById(id);
        return contact == null || contact.erasedAt != null ? Optional.empty() : Optional.of(views(List.of(contact)).get(0));
    }

    /** Contacts holding an identity, or every contact not merged into another when none is given, oldest first. */
    @Transactional
    public List<ContactView> find(IdentityKind kind, String value, int limit, int offset) {
        List<Contact> contacts;
        if (kind == null) {
            contacts = Contact.<Contact>find("erasedAt is null and mergedInto is null order by id")
                    .range(offset, offset + limit - 1).list();
        } else {
            List<Long> ids = ContactIdentity.<ContactIdentity>find("identityValue = ?1 and kind = ?2", value, kind)
                    .stream().map(i -> i.contactId).distinct().sorted().toList();
            contacts = ids.isEmpty() ? List.of()
                    : Contact.<Contact>find("id in ?1 order by id", ids).range(offset, offset + limit - 1).list();
        }
        return views(contacts);
    }

    /** The company written on the card, if any. */
    @Transactional
    public Optional<String> company(long id) {
        Contact contact = Contact.findById(id);
        return contact == null ? Optional.empty() : Optional.ofNullable(contact.company);
    }

    private List<ContactView> views(Collection<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = contacts.stream().map(c -> c.id).toList();
        Map<Long, List<ContactIdentity>> identities = new LinkedHashMap<>();
        ContactIdentity.<ContactIdentity>find("contactId in ?1 order by id", ids).stream()
                .forEach(i -> identities.computeIfAbsent(i.contactId, k -> new ArrayList<>()).add(i));
        Map<Long, List<String>> leadIds = leads.leadIds(ids);
        List<ContactView> views = new ArrayList<>();
        for (Contact c : contacts) {
            List<ContactIdentity> own = identities.getOrDefault(c.id, List.of());
            views.add(new ContactView(String.valueOf(c.id), c.name,
                    values(own, IdentityKind.PHONE), values(own, IdentityKind.EMAIL),
                    own.stream().filter(i -> i.kind == IdentityKind.EMAIL && i.undeliverable).map(i -> i.identityValue).toList(),
                    own.stream().filter(i -> i.kind == IdentityKind.HANDLE).map(ContactQueries::handle).toList(),
                    leadIds.getOrDefault(c.id, List.of()), c.createdAt, c.updatedAt,
                    c.mergedInto == null ? null : String.valueOf(c.mergedInto)));
        }
        return views;
    }

    private static List<String> values(List<ContactIdentity> identities, IdentityKind kind) {
        return identities.stream().filter(i -> i.kind == kind).map(i -> i.identityValue).toList();
    }

    private static ContactView.HandleView handle(ContactIdentity identity) {
        int colon = identity.identityValue.indexOf(':');
        return new ContactView.HandleView(identity.identityValue.substring(0, colon),
                identity.identityValue.substring(colon + 1), identity.label);
    }
}
