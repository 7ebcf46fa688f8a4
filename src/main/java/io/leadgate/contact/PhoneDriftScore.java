package io.leadgate.contact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a typing slip in a phone with the name as the second signal: a swap, a missing or a doubled digit beside
 * the same name is strong evidence (listed near the top, below the automatic-merge score); beside no name it is
 * listed low; beside a different name it is nothing. A replaced digit never scores here: beside the same name it is
 * a contradiction like any other number ({@link #contradict}, {@link MatchScorer}). Pure.
 */
final class PhoneDriftScore {

    static final double TRANSPOSITION_BASE = 0.45;
    static final double SLIP_BASE = 0.4;

    private PhoneDriftScore() {
    }

    /** The strongest slip between any phone of the probe and any of the card (normalised or as written). */
    static Optional<PhoneDrift.Kind> drift(List<String> probe, List<String> card) {
        PhoneDrift.Kind best = null;
        for (String p : probe) {
            String tail = BlockingKeys.phoneTail(p);
            for (String q : card) {
                Optional<PhoneDrift.Kind> kind = PhoneDrift.classify(tail, BlockingKeys.phoneTail(q));
                if (kind.isPresent() && (best == null || kind.get().ordinal() < best.ordinal())) {
                    best = kind.get();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * True when both sides have a phone and no tail of one is a tail of the other: the numbers tell two people apart
     * unless a slip relates them, which the caller has ruled out (a replaced digit is no slip).
     */
    static boolean contradict(List<String> probe, List<String> card) {
        Set<String> ours = tails(probe);
        Set<String> theirs = tails(card);
        return !ours.isEmpty() && !theirs.isEmpty() && Collections.disjoint(ours, theirs);
    }

    private static Set<String> tails(List<String> phones) {
        Set<String> tails = new HashSet<>();
        for (String phone : phones) {
            String tail = BlockingKeys.phoneTail(phone);
            if (tail != null) {
                tails.add(tail);
            }
        }
        return tails;
    }

    /** The candidate a slip makes with the names' agreement; empty for a replaced digit or different names. */
    static Optional<Candidate> score(long contactId, PhoneDrift.Kind kind, NameMatch names) {
        if (kind == PhoneDrift.Kind.DIGIT_SUBSTITUTED || names.level() == NameMatch.Level.DIFFERENT) {
            return Optional.empty();
        }
        double base = kind == PhoneDrift.Kind.TRANSPOSITION ? TRANSPOSITION_BASE : SLIP_BASE;
        double bonus = switch (names.level()) {
            case SAME -> 0.4;
            case TYPO -> 0.35;
            case PARTIAL -> 0.15;
            default -> 0.0;
        };
        List<String> reasons = new ArrayList<>(List.of(kind.code()));
        reasons.addAll(names.reasons());
        return Optional.of(new Candidate(contactId, Math.round((base + bonus) * 1000) / 1000.0, kind.code(), reasons));
    }
}
