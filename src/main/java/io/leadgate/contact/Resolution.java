package io.leadgate.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * How an inquiry's contact was chosen, stored on the inquiry and shown by the read API.
 *
 * @param contact     the card the inquiry goes to, locked for the rest of the transaction (null: no card, for an
 *                    update that names nobody, or when every identity was excluded)
 * @param matchedBy   the identity keys that pointed to this card ({@code phone:+7916…}), or for a fuzzy match the
 *                    reasons it was taken
 * @param conflicting other cards that some of the inquiry's identities belong to (never merged silently)
 * @param candidates  cards that may be the same person, scored with reasons (listed as merge candidates)
 * @param merges      merges a rule made for this inquiry ({@code leadgate.identity.auto-merge})
 * @param excluded    kinds of identity removed by the exclusion list ({@code phone}, {@code email})
 */
public record Resolution(Contact contact, Decision decision, List<String> matchedBy, List<Long> conflicting,
                         List<Candidate> candidates, List<MergeView> merges, List<String> excluded) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Resolution {
        matchedBy = List.copyOf(matchedBy);
        conflicting = List.copyOf(conflicting);
        candidates = List.copyOf(candidates);
        merges = List.copyOf(merges);
        excluded = List.copyOf(excluded);
    }

    public Resolution(Contact contact, Decision decision, List<String> matchedBy, List<Long> conflicting) {
        this(contact, decision, matchedBy, conflicting, List.of(), List.of(), List.of());
    }

    /** The outcome of identity resolution. */
    public enum Decision {
        /** No identity was known: a new card. */
        NEW("new"),
        /** The identities point to one existing card. */
        MATCHED("matched"),
        /** No identity was known, but a rule took an existing card by a fuzzy match above the merge score. */
        MATCHED_FUZZY("matched-fuzzy"),
        /** The identities point to several cards: the strongest match was taken, the others recorded. */
        CONFLICT("conflict"),
        /** The identities pointed to several cards and a rule merged them into the strongest match. */
        MERGED("merged"),
        /** The inquiry names no phone, email or handle: a new card that nothing can match later. */
        ANONYMOUS("anonymous"),
        /** Every phone and email of the inquiry is on the exclusion list: no card. */
        EXCLUDED("excluded"),
        /** An update that names nobody: no card. */
        NONE("none");

        private final String code;

        Decision(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public boolean createdContact() {
        return decision == Decision.NEW || decision == Decision.ANONYMOUS;
    }

    /** {@code {"decision", "matchedBy", "conflictingContactIds", "candidates", "merges", "excluded"}} */
    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("decision", decision.code());
        matchedBy.forEach(json.putArray("matchedBy")::add);
        ArrayNode conflictingIds = json.putArray("conflictingContactIds");
        conflicting.forEach(id -> conflictingIds.add(String.valueOf(id)));
        ArrayNode candidateList = json.putArray("candidates");
        for (Candidate c : candidates) {
            ObjectNode node = candidateList.addObject();
            node.put("contactId", String.valueOf(c.contactId()));
            node.put("score", c.score());
            node.put("rule", c.rule());
            c.reasons().forEach(node.putArray("reasons")::add);
        }
        ArrayNode mergeList = json.putArray("merges");
        for (MergeView m : merges) {
            ObjectNode node = mergeList.addObject();
            node.put("mergeId", m.id());
            node.put("sourceId", m.sourceId());
            node.put("rule", m.rule());
            node.put("score", m.score());
        }
        if (!excluded.isEmpty()) {
            excluded.forEach(json.putArray("excluded")::add);
        }
        return json;
    }
}
