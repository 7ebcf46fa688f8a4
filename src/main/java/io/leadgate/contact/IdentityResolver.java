package io.leadgate.contact;

import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.Handle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the contact card an inquiry belongs to by exact normalised identities (E.164 phone, lower-cased email,
 * messenger handle), or creates one. Runs inside the write path's transaction: the chosen card is locked so that
 * concurrent inquiries of one person are serialised, and a new identity that another transaction claimed first
 * surfaces as a unique-key violation, on which the write path retries.
 */
@ApplicationScoped
public class IdentityResolver {

    /** The identity keys of an inquiry's contact, in order: phones, emails, handles. */
    public static Map<String, IdentityKind> keysOf(ContactInfo contact) {
        Map<String, IdentityKind> keys = new LinkedHashMap<>();
        contact.phones().forEach(p -> keys.put(p, IdentityKind.PHONE));
        contact.emails().forEach(e -> keys.put(e, IdentityKind.EMAIL));
        contact.handles().forEach(h -> keys.put(h.key(), IdentityKind.HANDLE));
        return keys;
    }

    /**
     * @param createWhenUnknown false for updates: they join a known card but never create one
     */
    public Resolution resolve(ContactInfo info, boolean createWhenUnknown, Instant now) {
        Map<String, IdentityKind> keys = keysOf(info);
        if (keys.isEmpty()) {
            return createWhenUnknown
                    ? new Resolution(create(info, now), Resolution.Decision.ANONYMOUS, List.of(), List.of())
                    : new Resolution(null, Resolution.Decision.NONE, List.of(), List.of());
        }
        List<ContactIdentity> known = ContactIdentity.list("identityValue in ?1", List.copyOf(keys.keySet()));
        known.removeIf(identity -> keys.get(identity.identityValue) != identity.kind);
        if (known.isEmpty()) {
            if (!createWhenUnknown) {
                return new Resolution(null, Resolution.Decision.NONE, List.of(), List.of());
            }
            Contact contact = create(info, now);
            addIdentities(contact, info, keys, List.of(), now);
            return new Resolution(contact, Resolution.Decision.NEW, List.of(), List.of());
        }
        Map<Long, List<String>> byContact = new LinkedHashMap<>();
        for (ContactIdentity identity : known) {
            byContact.computeIfAbsent(identity.contactId, id -> new ArrayList<>())
                    .add(identity.kind.name().toLowerCase() + ":" + identity.identityValue);
        }
        // The strongest match: most identities, then the oldest card.
        Long chosen = byContact.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, List<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        Contact contact = Contact.findById(chosen, LockModeType.PESSIMISTIC_WRITE);
        if (contact.erasedAt != null) {
            // Erased (GDPR) after its identities were read: a serialisation failure makes the write path run again,
            // and then no identity points to the erased card.
            throw new IllegalStateException(new java.sql.SQLException("contact erased meanwhile", "40001"));
        }
        List<Long> conflicting = byContact.keySet().stream().filter(id -> !id.equals(chosen)).sorted().toList();
        addIdentities(contact, info, keys, known, now);
        if (contact.name == null && info.name() != null) {
            contact.name = info.name();
        }
        contact.updatedAt = now;
        return new Resolution(contact, conflicting.isEmpty() ? Resolution.Decision.MATCHED : Resolution.Decision.CONFLICT,
                byContact.get(chosen), conflicting);
    }

    private Contact create(ContactInfo info, Instant now) {
        Contact contact = new Contact();
        contact.name = info.name();
        contact.createdAt = now;
        contact.updatedAt = now;
        contact.persist();
        return contact;
    }

    /** Adds the inquiry's identities that no card holds yet; those of other cards stay where they are. */
    private void addIdentities(Contact contact, ContactInfo info, Map<String, IdentityKind> keys,
                               List<ContactIdentity> known, Instant now) {
        for (Map.Entry<String, IdentityKind> key : keys.entrySet()) {
            boolean taken = known.stream().anyMatch(k -> k.identityValue.equals(key.getKey()) && k.kind == key.getValue());
            if (taken) {
                continue;
            }
            ContactIdentity identity = new ContactIdentity();
            identity.contactId = contact.id;
            identity.kind = key.getValue();
            identity.identityValue = key.getKey();
            identity.label = key.getValue() == IdentityKind.HANDLE ? labelOf(info, key.getKey()) : null;
            identity.createdAt = now;
            identity.persist();
        }
    }

    private static String labelOf(ContactInfo info, String handleKey) {
        return info.handles().stream().filter(h -> h.key().equals(handleKey)).findFirst()
                .map(Handle::username).orElse(null);
    }

    /** Marks email addresses that bounced as undeliverable on the cards holding them; returns how many. */
    public int markUndeliverable(java.util.Collection<String> emails) {
        if (emails.isEmpty()) {
            return 0;
        }
        return ContactIdentity.update("undeliverable = true where kind = ?1 and identityValue in ?2 and undeliverable = false",
                IdentityKind.EMAIL, List.copyOf(emails));
    }
}
