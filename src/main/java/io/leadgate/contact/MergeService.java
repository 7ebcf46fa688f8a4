package io.leadgate.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges one card into another and undoes merges. The target keeps every identity of the source, and every row
 * other packages keep per contact (inquiries, leads, calls, deals) moves with it through their
 * {@link MergeParticipant}; the source stays as an empty card pointing to the target, so its id still resolves.
 * What moved is kept as a snapshot on the merge record (with the ids of the target's own rows), and the undo moves exactly those rows
 * back and restores both cards' fields. Rows that came to the target while merged go back when they came by the
 * source's identities ({@link Arrivals}); what went back is added to the snapshot under {@code returned}.
 * Both cards are locked (lowest id first) for the transaction; runs in the caller's transaction when there is one.
 */
@ApplicationScoped
public class MergeService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** This package's own table whose contact_id moves with a merge; other packages' rows move by participants. */
    private static final String IDENTITIES = "contact_identity";

    private final EntityManager em;
    private final EventLog outbox;
    private final Instance<MergeParticipant> participants;
    private final ObjectMapper json;
    private final ContactKeys keys;
    private final ContactLeads leads;

    MergeService(EntityManager em, EventLog outbox, Instance<MergeParticipant> participants, ObjectMapper json,
                 ContactKeys keys, ContactLeads leads) {
        this.em = em;
        this.leads = leads;
        this.keys = keys;
        this.json = json;
        this.outbox = outbox;
        this.participants = participants;
    }

    /**
     * Merges {@code sourceId} into {@code targetId}. A refusal is thrown before anything is written, so it does not
     * doom the caller's transaction (the write path keeps going and lists the pair instead).
     */
    @Transactional(dontRollbackOn = MergeException.class)
    public MergeView merge(long targetId, long sourceId, ContactMerge.Origin origin, Candidate why, Instant now) {
        return merge(targetId, sourceId, origin, why, null, now);
    }

    /** As {@link #merge(long, long, ContactMerge.Origin, Candidate, Instant)}, recording {@code actor} as who merged. */
    @Transactional(dontRollbackOn = MergeException.class)
    public MergeView merge(long targetId, long sourceId, ContactMerge.Origin origin, Candidate why, String actor,
                           Instant now) {
        if (targetId == sourceId) {
            throw new MergeException(MergeException.Reason.SAME_CONTACT, ContactRefusal.MERGE_SAME_CONTACT,
                    "a contact cannot be merged into itself");
        }
        em.flush();
        Contact[] locked = lockBoth(targetId, sourceId);
        Contact target = locked[0];
        Contact source = locked[1];
        if (source.mergedInto != null || target.mergedInto != null) {
            long merged = source.mergedInto != null ? sourceId : targetId;
            throw new MergeException(MergeException.Reason.ALREADY_MERGED, ContactRefusal.MERGE_ALREADY_MERGED, "contact "
                    + merged + " was merged into another contact", merged);
        }
        if (origin == ContactMerge.Origin.AUTO && MergeCandidate.count("contactId = ?1 and otherId = ?2 and status = ?3",
                Math.min(targetId, sourceId), Math.max(targetId, sourceId), MergeCandidate.DISTINCT) > 0) {
            throw new MergeException(MergeException.Reason.DISTINCT, ContactRefusal.MERGE_DISTINCT, "contacts " + targetId
                    + " and " + sourceId + " were marked as not the same person", targetId, sourceId);
        }
        ObjectNode snapshot = MAPPER.createObjectNode();
        ObjectNode moved = snapshot.putObject("moved");
        ArrayNode identities = moved.putArray(IDENTITIES);
        identityIds(sourceId).forEach(id -> identities.add(id.longValue()));
        ArrayNode kept = snapshot.putObject("kept").putArray(IDENTITIES);
        identityIds(targetId).forEach(id -> kept.add(id.longValue()));
        em.createNativeQuery("update contact_identity set contact_id = ?1 where contact_id = ?2")
                .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
        ObjectNode others = snapshot.putObject("participants");
        for (MergeParticipant participant : participants) {
            others.set(participant.name(), participant.merge(sourceId, targetId));
        }
        snapshot.set("target", fields(target));
        snapshot.set("source", fields(source));
        if (target.name == null) {
            target.name = source.name;
        }
        target.updatedAt = now;
        source.mergedInto = targetId;
        source.updatedAt = now;
        MergeCandidate.update("status = ?1, updatedAt = ?2 where contactId = ?3 and otherId = ?4",
                MergeCandidate.MERGED, now, Math.min(targetId, sourceId), Math.max(targetId, sourceId));

        ContactMerge record = new ContactMerge();
        record.targetId = targetId;
        record.sourceId = sourceId;
        record.origin = origin.name().toLowerCase();
        record.rule = why == null ? null : why.rule();
        record.score = why == null ? null : why.score();
        record.reasons = why == null ? null : String.join(",", why.reasons());
        record.snapshot = write(snapshot);
        record.createdAt = now;
        record.mergedBy = actor;
        record.persist();
        MergeView view = MergeView.of(record);
        outbox.append(EventTypes.CONTACT_MERGED, null, targetId, null, null, json.valueToTree(view), now);
        return view;
    }

    /**
     * "Not the same person": an open candidate pair is closed for good. It is never listed again (a better score
     * later does not reopen it) and a rule never merges the two cards; an operator still may.
     */
    @Transactional
    public void markDistinct(long candidateId, Instant now) {
        markDistinct(candidateId, null, now);
    }

    /** As {@link #markDistinct(long, Instant)}, recording {@code actor} as who decided. */
    @Transactional
    public void markDistinct(long candidateId, String actor, Instant now) {
        MergeCandidate pair = em.find(MergeCandidate.class, candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (pair == null) {
            throw new MergeException(MergeException.Reason.NOT_FOUND, "no duplicate pair " + candidateId);
        }
        if (MergeCandidate.MERGED.equals(pair.status)) {
            throw new MergeException(MergeException.Reason.ALREADY_MERGED, ContactRefusal.MERGE_PAIR_MERGED,
                    "the pair " + candidateId + " was merged", candidateId);
        }
        pair.status = MergeCandidate.DISTINCT;
        pair.decidedBy = actor;
        pair.updatedAt = now;
    }

    /** Undoes a merge: the moved rows go back to the source and both cards get their fields back. */
    @Transactional
    public MergeView undo(long mergeId, Instant now) {
        return undo(mergeId, null, now);
    }

    /** As {@link #undo(long, Instant)}, recording {@code actor} as who undid it. */
    @Transactional
    public MergeView undo(long mergeId, String actor, Instant now) {
        ContactMerge record = em.find(ContactMerge.class, mergeId, LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            throw new MergeException(MergeException.Reason.NOT_FOUND, "no merge " + mergeId);
        }
        if (record.undoneAt != null) {
            throw new MergeException(MergeException.Reason.ALREADY_UNDONE, ContactRefusal.MERGE_UNDONE_ALREADY,
                    "merge " + mergeId + " was undone already", mergeId);
        }
        em.flush();
        Contact[] locked = lockBoth(record.targetId, record.sourceId);
        Contact target = locked[0];
        Contact source = locked[1];
        if (target.mergedInto != null || !record.targetId.equals(source.mergedInto)) {
            throw new MergeException(MergeException.Reason.CHANGED_SINCE, ContactRefusal.MERGE_MERGED_AGAIN,
                    "contact " + record.targetId + " was merged again since; undo that merge first", record.targetId);
        }
        JsonNode snapshot = read(record.snapshot);
        List<Long> identities = MovedRows.ids(snapshot.path("moved").path(IDENTITIES));
        if (!identities.isEmpty()) {
            MovedRows.requireAll("identities", em.createNativeQuery(
                            "update contact_identity set contact_id = ?1 where contact_id = ?2 and id in (?3)")
                    .setParameter(1, record.sourceId).setParameter(2, record.targetId).setParameter(3, identities)
                    .executeUpdate(), identities);
        }
        for (MergeParticipant participant : participants) {
            JsonNode state = snapshot.path("participants").path(participant.name());
            if (state.isMissingNode()) { // a merge made when this table moved with the contact's own ("moved")
                state = snapshot.path("moved").path(participant.name());
            }
            if (!state.isMissingNode()) {
                participant.undo(record.sourceId, record.targetId, state);
            }
        }
        ObjectNode returned = undoArrivals(record, snapshot);
        restore(target, snapshot.path("target"));
        restore(source, snapshot.path("source"));
        if (!returned.isEmpty()) {
            source.updatedAt = now;
            ((ObjectNode) snapshot).set("returned", returned);
            record.snapshot = write(snapshot);
        }
        source.mergedInto = null;
        reopen(record, now);
        record.undoneAt = now;
        record.undoneBy = actor;
        MergeView view = MergeView.of(record);
        outbox.append(EventTypes.CONTACT_UNMERGED, null, record.targetId, null, null, json.valueToTree(view), now);
        return view;
    }

    /**
     * The rows that came to the target while merged and belong to the source: the participants decide in stage order
     * ({@link Arrivals}), then the identities first seen with an inquiry that went back follow it. Nothing for merges
     * recorded before the target's identities were kept in the snapshot. Returns what went back, by participant.
     */
    private ObjectNode undoArrivals(ContactMerge record, JsonNode snapshot) {
        ObjectNode returned = MAPPER.createObjectNode();
        JsonNode kept = snapshot.path("kept").path(IDENTITIES);
        if (kept.isMissingNode()) {
            return returned;
        }
        em.flush();
        Set<Long> before = new HashSet<>(MovedRows.ids(kept));
        List<Object[]> onTarget = identities(record.targetId);
        Map<String, Long> fresh = new LinkedHashMap<>();
        List<String> targetKeys = new ArrayList<>();
        for (Object[] row : onTarget) {
            String key = ArrivalSides.key(IdentityKind.valueOf((String) row[1]), (String) row[2]);
            if (before.contains(((Number) row[0]).longValue())) {
                targetKeys.add(key);
            } else {
                fresh.put(key, ((Number) row[0]).longValue());
            }
        }
        List<String> sourceKeys = identities(record.sourceId).stream()
                .map(row -> ArrivalSides.key(IdentityKind.valueOf((String) row[1]), (String) row[2])).toList();
        Arrivals arrivals = new Arrivals(record.sourceId, record.targetId,
                new ArrivalSides(sourceKeys, targetKeys, fresh.keySet()), leads);
        participants.stream().sorted(Comparator.comparingInt(MergeParticipant::arrivalStage))
                .forEach(participant -> {
                    JsonNode state = snapshot.path("participants").path(participant.name());
                    if (!state.isMissingNode()) {
                        participant.undoArrivals(arrivals, state);
                    }
                });
        List<String> identityKeys = arrivals.sides().freshToSource();
        List<Long> identityIds = identityKeys.stream().map(fresh::get).toList();
        if (!identityIds.isEmpty()) {
            em.createNativeQuery("update contact_identity set contact_id = ?1 where contact_id = ?2 and id in (?3)")
                    .setParameter(1, record.sourceId).setParameter(2, record.targetId).setParameter(3, identityIds)
                    .executeUpdate();
            keys.write(record.sourceId, values(identityKeys, IdentityKind.PHONE),
                    values(identityKeys, IdentityKind.EMAIL), null);
            returned.set(IDENTITIES, MovedRows.toJson(identityIds));
        }
        arrivals.returned().forEach((name, ids) -> returned.set(name, MovedRows.toJson(ids)));
        return returned;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> identities(long contactId) {
        return em.createNativeQuery("select id, kind, identity_value from contact_identity where contact_id = ?1"
                        + " order by id")
                .setParameter(1, contactId).getResultList();
    }

    private static List<String> values(List<String> keys, IdentityKind kind) {
        String prefix = kind.name() + ":";
        return keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
    }

    /**
     * The undone pair is listed again for an operator to decide: its candidate row is reopened, or, for a merge a
     * rule made without the pair ever being listed, a row is written with the merge's rule, score and reasons.
     */
    private static void reopen(ContactMerge record, Instant now) {
        long a = Math.min(record.targetId, record.sourceId);
        long b = Math.max(record.targetId, record.sourceId);
        int reopened = MergeCandidate.update("status = ?1, updatedAt = ?2 where contactId = ?3 and otherId = ?4",
                MergeCandidate.OPEN, now, a, b);
        if (reopened > 0 || record.rule == null || record.score == null) {
            return;
        }
        MergeCandidate pair = new MergeCandidate();
        pair.contactId = a;
        pair.otherId = b;
        pair.score = record.score;
        pair.rule = record.rule;
        pair.reasons = record.reasons == null ? record.rule : record.reasons;
        pair.status = MergeCandidate.OPEN;
        pair.createdAt = now;
        pair.updatedAt = now;
        pair.persist();
    }

    /** Locks both cards, lowest id first (so two merges of one pair cannot deadlock); [target, source]. */
    private Contact[] lockBoth(long targetId, long sourceId) {
        long first = Math.min(targetId, sourceId);
        long second = Math.max(targetId, sourceId);
        Contact a = em.find(Contact.class, first, LockModeType.PESSIMISTIC_WRITE);
        Contact b = em.find(Contact.class, second, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.erasedAt != null || b == null || b.erasedAt != null) { // an erased card is gone
            throw new MergeException(MergeException.Reason.NOT_FOUND, "no contact "
                    + (a == null || a.erasedAt != null ? first : second));
        }
        return first == targetId ? new Contact[] {a, b} : new Contact[] {b, a};
    }

    @SuppressWarnings("unchecked")
    private List<Number> identityIds(long contactId) {
        return em.createNativeQuery("select id from contact_identity where contact_id = ?1 order by id")
                .setParameter(1, contactId).getResultList();
    }

    private static ObjectNode fields(Contact contact) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("name", contact.name);
        json.put("updatedAt", contact.updatedAt.toString());
        return json;
    }

    private static void restore(Contact contact, JsonNode fields) {
        contact.name = fields.path("name").isNull() ? null : fields.path("name").asText();
        contact.updatedAt = Instant.parse(fields.path("updatedAt").asText());
    }

    private static String write(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
