package io.leadgate.contact;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.Handle;
import io.leadgate.jdbc.Rows;
import io.leadgate.jdbc.Writes;
import io.leadgate.policy.ExclusionList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the contact card an inquiry belongs to, or creates one. Runs inside the write path's transaction.
 *
 * <ol>
 *   <li>Phones and emails on the exclusion list are dropped.</li>
 *   <li>Exact match on normalised identities (E.164 phone, lower-cased email, messenger handle), one indexed
 *       lookup each. The strongest card (most identities, then the oldest) is locked, so concurrent inquiries of one
 *       person are serialised; a new identity another transaction claimed first surfaces as a unique-key violation,
 *       on which the write path retries. Identities of other cards make them merge candidates
 *       ({@code shared-identity}); they are merged only when {@code leadgate.identity.auto-merge} is on and the rule
 *       scores at least {@code auto-merge-score}.</li>
 *   <li>With no exact match, fuzzy candidates are looked up by blocking keys and scored ({@link MatchScorer}): above
 *       the merge score, with auto-merge on, the inquiry joins that card; otherwise a new card is created and the
 *       candidates listed.</li>
 * </ol>
 */
@ApplicationScoped
public class IdentityResolver {

    private static final int ROUNDS = 4;

    private final EntityManager em;
    private final ContactKeys keys;
    private final MergeService merges;
    private final Exclusions exclusions;
    private final LeadgateConfig.Identity config;
    private final ContactRows rows;

    IdentityResolver(EntityManager em, ContactKeys keys, MergeService merges, Exclusions exclusions,
                     LeadgateConfig config, ContactRows rows) {
        this.em = em;
        this.rows = rows;
        this.keys = keys;
        this.merges = merges;
        this.exclusions = exclusions;
        this.config = config.identity();
    }

    private record Known(long contactId, IdentityKind kind, String value) {
    }

    /** The identity keys of an inquiry's contact, in order: phones, emails, handles. */
    public static Map<String, IdentityKind> keysOf(ContactInfo contact) {
        Map<String, IdentityKind> keys = new LinkedHashMap<>();
        contact.phones().forEach(p -> keys.put(p, IdentityKind.PHONE));
        contact.emails().forEach(e -> keys.put(e, IdentityKind.EMAIL));
        contact.handles().forEach(h -> keys.put(h.key(), IdentityKind.HANDLE));
        return keys;
    }

    /** Resolves without a channel (no channel exclusions). */
    public Resolution resolve(ContactInfo info, boolean createWhenUnknown, Instant now) {
        return resolve(ExclusionList.NONE, info, createWhenUnknown, now);
    }

    /**
     * @param channelExclusions the own exclusion list of the inquiry's channel, on top of the global one
     * @param createWhenUnknown false for updates: they join a known card but never create one
     */
    public Resolution resolve(ExclusionList channelExclusions, ContactInfo received, boolean createWhenUnknown, Instant now) {
        Exclusions.Result filtered = exclusions.apply(channelExclusions, received);
        ContactInfo info = filtered.info();
        Map<String, IdentityKind> ids = keysOf(info);
        if (ids.isEmpty()) {
            if (!filtered.excluded().isEmpty()) {
                return new Resolution(null, Resolution.Decision.EXCLUDED, List.of(), List.of(), List.of(), List.of(),
                        filtered.excluded());
            }
            if (!createWhenUnknown) {
                return new Resolution(null, Resolution.Decision.NONE, List.of(), List.of());
            }
            Writes writes = new Writes();
            Contact anonymous = create(info, now, writes);
            writes.send(em);
            return new Resolution(anonymous, Resolution.Decision.ANONYMOUS, List.of(), List.of());
        }
        for (int round = 1; ; round++) {
            List<Known> known = lookup(ids);
            Optional<Resolution> resolution = known.isEmpty()
                    ? Optional.of(unknown(info, ids, createWhenUnknown, filtered.excluded(), now))
                    : known(info, ids, known, filtered.excluded(), now);
            if (resolution.isPresent()) {
                return resolution.get();
            }
            if (round == ROUNDS) {
                throw new IllegalStateException("identity resolution kept meeting concurrent merges");
            }
        }
    }

    /**
     * The cards holding the identities, in the identities' order: one fixed-shape statement for all of them (the
     * values bound as one {@code text[]}, probes of the unique {@code (identity_value, kind)} index; a value held
     * under another kind is dropped here).
     */
    private List<Known> lookup(Map<String, IdentityKind> ids) {
        Map<String, Long> owners = new java.util.HashMap<>();
        for (Object[] row : keys.byTexts(BY_IDENTITIES, List.copyOf(ids.keySet()))) {
            owners.put(row[2] + ":" + row[1], ((Number) row[0]).longValue());
        }
        List<Known> known = new ArrayList<>();
        ids.forEach((value, kind) -> {
            Long owner = owners.get(kind.name() + ":" + value);
            if (owner != null) {
                known.add(new Known(owner, kind, value));
            }
        });
        return known;
    }

    private static final String BY_IDENTITIES =
            "select contact_id, identity_value, kind from contact_identity where identity_value = any(?)";

    /** No identity is known: a fuzzy match above the merge score, or a new card with its candidates listed. */
    private Resolution unknown(ContactInfo info, Map<String, IdentityKind> ids, boolean create, List<String> excluded,
                               Instant now) {
        if (!create) {
            return new Resolution(null, Resolution.Decision.NONE, List.of(), List.of(), List.of(), List.of(), excluded);
        }
        List<Candidate> candidates = config.fuzzy()
                ? keys.candidates(details(info, info.name()), Set.of(), true) : List.of();
        Contact contact = null;
        Candidate taken = null;
        for (Candidate candidate : candidates) {
            if (!mayMerge(candidate)) {
                continue;
            }
            Contact found = em.find(Contact.class, candidate.contactId(), LockModeType.PESSIMISTIC_WRITE);
            if (found != null && found.mergedInto == null) {
                contact = found;
                taken = candidate;
                break;
            }
        }
        Resolution.Decision decision = contact == null ? Resolution.Decision.NEW : Resolution.Decision.MATCHED_FUZZY;
        Writes writes = new Writes(); // a new card, its identities and keys: one round trip
        if (contact == null) {
            contact = create(info, now, writes);
        } else {
            fillName(contact, info, now);
        }
        addIdentities(contact, info, ids, List.of(), now, writes);
        keys.write(contact.id, asWritten(info.phones(), info), info.emails(), info.name(),
                decision == Resolution.Decision.NEW, writes);
        writes.send(em);
        for (Candidate candidate : candidates) {
            if (candidate != taken) {
                keys.record(contact.id, candidate, now);
            }
        }
        return new Resolution(contact, decision, taken == null ? List.of() : taken.reasons(), List.of(), candidates,
                List.of(), excluded);
    }

    /** Some identities are known: the strongest card; empty when it was merged meanwhile (look again). */
    private Optional<Resolution> known(ContactInfo info, Map<String, IdentityKind> ids, List<Known> known,
                                       List<String> excluded, Instant now) {
        Map<Long, List<String>> byContact = new LinkedHashMap<>();
        for (Known identity : known) {
            byContact.computeIfAbsent(identity.contactId(), id -> new ArrayList<>())
                    .add(identity.kind().name().toLowerCase() + ":" + identity.value());
        }
        // The strongest match: most identities, then the oldest card.
        long chosen = byContact.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, List<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        Contact contact = em.find(Contact.class, chosen, LockModeType.PESSIMISTIC_WRITE);
        if (contact != null && contact.erasedAt != null) {
            // Erased (GDPR) after its identities were read: a serialisation failure makes the write path run again,
            // and then no identity points to the erased card.
            throw new IllegalStateException(new java.sql.SQLException("contact erased meanwhile", "40001"));
        }
        if (contact == null || contact.mergedInto != null) {
            return Optional.empty();
        }
        List<Long> conflicting = byContact.keySet().stream().filter(id -> id != chosen).sorted().toList();
        Writes writes = new Writes(); // the card's new identities and keys: sent together below
        List<String> added = addIdentities(contact, info, ids, known, now, writes);
        String nameBefore = contact.name;
        boolean renamed = fillName(contact, info, now);

        List<Candidate> candidates = new ArrayList<>();
        for (long other : conflicting) {
            keys.live(other).filter(card -> card.id() != contact.id)
                    .ifPresent(card -> candidates.add(MatchScorer.sharedIdentity(card.id(), contact.name, card.name())));
        }
        List<String> newPhones = info.phones().stream().filter(added::contains).toList();
        List<String> newEmails = info.emails().stream().filter(added::contains).toList();
        if (config.fuzzy() && (!newPhones.isEmpty() || !newEmails.isEmpty())) {
            Set<Long> exclude = new HashSet<>(byContact.keySet());
            candidates.addAll(keys.candidates(new MatchScorer.Details(contact.name, newPhones,
                    newPhones.isEmpty() ? List.of() : info.writtenPhones(), newEmails), exclude, false));
        }
        // a name written as the card's is already keyed: no statement for the common repeat inquiry
        String newName = info.name() != null
                && !java.util.Objects.equals(NameKey.blockingKey(info.name()), NameKey.blockingKey(nameBefore))
                ? info.name() : null;
        if (!newPhones.isEmpty() || !newEmails.isEmpty() || newName != null) {
            keys.write(contact.id, newPhones.isEmpty() ? newPhones : asWritten(newPhones, info), newEmails, newName,
                    false, writes);
        }
        writes.send(em); // before the merges, which read the card's identities
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::contactId));
        List<MergeView> merged = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (mayMerge(candidate)) {
                try {
                    merged.add(merges.merge(contact.id, candidate.contactId(), ContactMerge.Origin.AUTO, candidate, now));
                    continue;
                } catch (MergeException e) {
                    // merged elsewhere meanwhile: it stays a candidate
                }
            }
            keys.record(contact.id, candidate, now);
        }
        if (renamed) {
            merged.addAll(rescore(contact, now));
        }
        Resolution.Decision decision = !merged.isEmpty() ? Resolution.Decision.MERGED
                : conflicting.isEmpty() ? Resolution.Decision.MATCHED : Resolution.Decision.CONFLICT;
        return Optional.of(new Resolution(contact, decision, byContact.get(chosen), conflicting, candidates, merged,
                excluded));
    }

    private boolean mayMerge(Candidate candidate) {
        return config.autoMerge() && candidate.score() >= config.autoMergeScore()
                && config.autoMergeRules().contains(candidate.rule());
    }

    private static MatchScorer.Details details(ContactInfo info, String name) {
        List<String> written = new ArrayList<>(info.rawPhones());
        written.addAll(info.writtenPhones());
        return new MatchScorer.Details(name, info.phones(), written, info.emails());
    }

    /** Phones and the numbers as written whose digits parsing changed, whose tails are keyed too. */
    private static List<String> asWritten(List<String> phones, ContactInfo info) {
        List<String> all = new ArrayList<>(phones);
        all.addAll(info.writtenPhones());
        return all;
    }

    /**
     * The card takes the inquiry's name when it has none, or when the inquiry's is a fuller form of it; true when
     * the name changed.
     */
    private static boolean fillName(Contact contact, ContactInfo info, Instant now) {
        contact.updatedAt = now;
        if (info.name() == null) {
            return false;
        }
        if (contact.name == null || NameKey.words(info.name()).size() > NameKey.words(contact.name).size()
                && NameMatch.compare(contact.name, info.name()).level() == NameMatch.Level.PARTIAL) {
            contact.name = info.name(); // "Саша" → "Александр Иванов"
            return true;
        }
        return false;
    }

    /**
     * A card got a (fuller) name: its open candidate pairs are scored again with it, since a pair listed for want of
     * a name (a phone with another country code, from a call) may now pass a rule.
     */
    private List<MergeView> rescore(Contact contact, Instant now) {
        List<MergeView> merged = new ArrayList<>();
        List<Long> others = keys.openPairs(contact.id);
        if (others.isEmpty()) {
            return merged;
        }
        em.flush();
        Optional<ContactKeys.Card> self = keys.live(contact.id);
        if (self.isEmpty()) {
            return merged;
        }
        MatchScorer.Details probe = self.get().details();
        for (long other : others) {
            Optional<ContactKeys.Card> card = keys.live(other).filter(c -> c.id() != contact.id);
            Optional<Candidate> candidate = card.flatMap(c -> MatchScorer.score(c.id(), probe, c.details()));
            if (candidate.isEmpty()) {
                continue;
            }
            if (mayMerge(candidate.get())) {
                try {
                    merged.add(merges.merge(contact.id, candidate.get().contactId(), ContactMerge.Origin.AUTO,
                            candidate.get(), now));
                    continue;
                } catch (MergeException e) {
                    // merged elsewhere meanwhile: it stays a candidate
                }
            }
            keys.record(contact.id, candidate.get(), now);
        }
        return merged;
    }

    private Contact create(ContactInfo info, Instant now, Writes writes) {
        Contact contact = new Contact();
        contact.name = info.name();
        contact.createdAt = now;
        contact.updatedAt = now;
        rows.insert(contact, writes); // no entity: see ContactRows
        return contact;
    }

    /**
     * Adds the inquiry's identities that no card holds yet; those of other cards stay where they are. The rows are
     * one fixed-shape multi-row insert added to {@code writes} (after the new card's own), their ids from the entity's
     * own generator (no entity is kept for them); a matched card's pending change is flushed first. One taken
     * meanwhile by another transaction fails the insert with a unique-key violation, on which the write path runs
     * again.
     */
    private List<String> addIdentities(Contact contact, ContactInfo info, Map<String, IdentityKind> keys,
                                       List<Known> known, Instant now, Writes writes) {
        List<String> added = new ArrayList<>();
        List<ContactIdentity> rows = new ArrayList<>();
        for (Map.Entry<String, IdentityKind> key : keys.entrySet()) {
            boolean taken = known.stream().anyMatch(k -> k.value().equals(key.getKey()) && k.kind() == key.getValue());
            if (taken) {
                continue;
            }
            ContactIdentity identity = new ContactIdentity();
            identity.contactId = contact.id;
            identity.kind = key.getValue();
            identity.identityValue = key.getKey();
            identity.label = key.getValue() == IdentityKind.HANDLE ? labelOf(info, key.getKey()) : null;
            identity.createdAt = now;
            rows.add(identity);
            added.add(key.getKey());
        }
        if (!rows.isEmpty()) {
            insert(rows, writes);
        }
        return added;
    }

    private static final String INSERT_IDENTITY = "insert into contact_identity (id, contact_id, kind, identity_value, "
            + "label, undeliverable, created_at) values";

    private void insert(List<ContactIdentity> rows, Writes writes) {
        em.flush(); // a matched card's pending change
        Rows.Ids ids = Rows.ids(em, ContactIdentity.class);
        rows.forEach(row -> row.id = ids.next());
        writes.addRows(INSERT_IDENTITY, 7, rows, "", (values, row) -> values.bigint(row.id).bigint(row.contactId)
                .text(row.kind.name()).text(row.identityValue).text(row.label).bool(row.undeliverable)
                .timestamp(row.createdAt));
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
