package io.leadgate.delivery.crm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and records {@link CrmLink}s (contacts, leads, deals, identities given, and what an event created), each write committed at once in its own transaction: what the CRM created
 * stays known even when the push that created it fails later. Only one replica pushes to a CRM at a time (the
 * cursor row lock), so there is no race on a link.
 */
@ApplicationScoped
public class CrmLinks {

    public static final String CONTACT = "contact";
    public static final String LEAD = "lead";
    public static final String DEAL = "deal";
    /**
     * A client whose data a CRM lead carries instead of a CRM contact (Bitrix24 in lead mode, {@code contacts=when-needed});
     * local id: the contact card's, remote: that lead. Tells that the client's next lead or deal needs a contact.
     */
    public static final String CLIENT = "client";
    /** A contact identity (phone, email) given to the CRM contact; local id: the identity's. */
    public static final String IDENTITY = "identity";
    /** Something an event created without a key of its own (a comment, a note); local id: the event's feed position. */
    public static final String EVENT = "event";

    /** The link of a local contact or lead, if any (its remote id is empty while a create is in flight). */
    public Optional<CrmLink> find(String crm, String entity, Long localId) {
        if (localId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> CrmLink.<CrmLink>find(
                "crm = ?1 and entity = ?2 and localId = ?3", crm, entity, localId).firstResultOptional());
    }

    /**
     * The local lead or deal a CRM record is linked to (the reverse of {@link #find}): {@code remoteType} is the CRM's
     * entity type ({@code lead}, {@code deal}); the oldest link wins.
     */
    public Optional<CrmLink> findByRemote(String crm, String remoteType, String remoteId) {
        if (remoteId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> CrmLink.<CrmLink>find(
                "crm = ?1 and remoteType = ?2 and remoteId = ?3 and entity not in (?4, ?5) order by id", crm, remoteType,
                remoteId, CONTACT, CLIENT).firstResultOptional());
    }

    /** The CRM's id of a local contact or lead, once known. */
    public Optional<String> remoteId(String crm, String entity, Long localId) {
        return find(crm, entity, localId).map(l -> l.remoteId);
    }

    /** The links of many local ids of one entity at once (one query), by local id; ids without a link are absent. */
    public Map<Long, CrmLink> findAll(String crm, String entity, Collection<Long> localIds) {
        List<Long> ids = localIds.stream().filter(id -> id != null).distinct().toList();
        Map<Long, CrmLink> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int from = 0; from < ids.size(); from += 1000) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                for (CrmLink link : CrmLink.<CrmLink>list("crm = ?1 and entity = ?2 and localId in ?3", crm, entity, part)) {
                    found.put(link.localId, link);
                }
            }
        });
        return found;
    }

    /** One link to write with {@link #saveAll}: a null {@code remoteId} marks a create in flight. */
    public record Pending(String entity, long localId, String remoteType, String remoteId) {
    }

    /** Writes many links in one transaction (as {@link #markPending} and {@link #link} each do). */
    public void saveAll(String crm, List<Pending> all) {
        if (all.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, List<Pending>> byEntity = new HashMap<>();
            all.forEach(p -> byEntity.computeIfAbsent(p.entity(), k -> new ArrayList<>()).add(p));
            for (Map.Entry<String, List<Pending>> group : byEntity.entrySet()) {
                Map<Long, CrmLink> existing = new HashMap<>();
                List<Long> ids = group.getValue().stream().map(Pending::localId).distinct().toList();
                for (int from = 0; from < ids.size(); from += 1000) {
                    CrmLink.<CrmLink>list("crm = ?1 and entity = ?2 and localId in ?3", crm, group.getKey(),
                            ids.subList(from, Math.min(ids.size(), from + 1000))).forEach(l -> existing.put(l.localId, l));
                }
                for (Pending p : group.getValue()) {
                    CrmLink link = existing.get(p.localId());
                    if (link == null) {
                        link = new CrmLink();
                        link.crm = crm;
                        link.entity = p.entity();
                        link.localId = p.localId();
                        link.createdAt = now;
                        existing.put(p.localId(), link);
                    } else if (p.remoteId() == null && link.remoteId != null) {
                        continue; // never forget a known id
                    }
                    link.remoteType = p.remoteType();
                    link.remoteId = p.remoteId();
                    link.updatedAt = now;
                    link.persist();
                }
            }
        });
    }

    /** Notes that a create is about to be sent, so a crash before its answer is recorded can be resolved later. */
    public void markPending(String crm, String entity, long localId, String remoteType) {
        save(crm, entity, localId, remoteType, null);
    }

    /** Records the CRM's id of a local contact or lead. */
    public void link(String crm, String entity, long localId, String remoteType, String remoteId) {
        save(crm, entity, localId, remoteType, remoteId);
    }

    private void save(String crm, String entity, long localId, String remoteType, String remoteId) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            CrmLink link = CrmLink.<CrmLink>find("crm = ?1 and entity = ?2 and localId = ?3", crm, entity, localId)
                    .firstResult();
            if (link == null) {
                link = new CrmLink();
                link.crm = crm;
                link.entity = entity;
                link.localId = localId;
                link.createdAt = now;
            } else if (remoteId == null && link.remoteId != null) {
                return; // never forget a known id
            }
            link.remoteType = remoteType;
            link.remoteId = remoteId;
            link.updatedAt = now;
            link.persist();
        });
    }
}
