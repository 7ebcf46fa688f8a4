package io.leadgate.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Scores how likely an inquiry's details and a contact card are the same person, in [0, 1], with reasons. A
 * contact point (a phone that differs only in country code, an address of the same mailbox, an inquiry that
 * names identities of both cards) anchors the score; the names then raise it or, when they disagree, pull it
 * down. With no contact point, a phone one typing slip away ({@link PhoneDrift}) is scored with the name by
 * {@link PhoneDriftScore}. A full name alone is weak ({@link #NAME_ONLY}), and weaker still when both sides have
 * phones and they contradict it ({@link #NAME_AGAINST_PHONES}): both stay below the default listing threshold. Pure.
 */
public final class MatchScorer {

    public static final String SHARED_IDENTITY = "shared-identity";
    public static final String PHONE_COUNTRY_CODE = "phone-country-code";
    public static final String EMAIL_MAILBOX = "email-mailbox";
    public static final String SAME_NAME = "same-name";
    /** Both sides have phones and no number of one is the other's or one typing slip from it. */
    public static final String PHONE_CONTRADICTS = "phone-contradicts";

    static final double SHARED_IDENTITY_BASE = 0.7;
    static final double PHONE_BASE = 0.65;
    static final double MAILBOX_BASE = 0.9;
    /** The same full name and nothing else to compare: a namesake as often as the same person. */
    static final double NAME_ONLY = 0.35;
    /** The same full name, and phones on both sides that tell the two apart. */
    static final double NAME_AGAINST_PHONES = 0.2;
    private static final double EXTRA_ANCHOR = 0.05;

    /** Contact details on one side of a comparison: an inquiry's or a card's. */
    public record Details(String name, Collection<String> phones, Collection<String> rawPhones,
                          Collection<String> emails) {
    }

    private MatchScorer() {
    }

    /** Scores a card found through blocking keys against an inquiry's details; empty when nothing ties them. */
    public static Optional<Candidate> score(long contactId, Details probe, Details card) {
        List<String> anchors = new ArrayList<>();
        if (phonesMeet(probe, card)) {
            anchors.add(PHONE_COUNTRY_CODE);
        }
        if (mailboxesMeet(probe, card)) {
            anchors.add(EMAIL_MAILBOX);
        }
        NameMatch names = NameMatch.compare(probe.name(), card.name());
        Optional<PhoneDrift.Kind> drift = anchors.contains(PHONE_COUNTRY_CODE) ? Optional.empty()
                : PhoneDriftScore.drift(forms(probe), forms(card));
        if (anchors.isEmpty()) {
            Optional<Candidate> typo = drift.flatMap(kind -> PhoneDriftScore.score(contactId, kind, names));
            if (typo.isPresent()) {
                return typo;
            }
            boolean fullNames = NameKey.tokens(probe.name()).size() >= 2 && NameKey.tokens(card.name()).size() >= 2;
            if (names.level() != NameMatch.Level.SAME || !fullNames) {
                return Optional.empty();
            }
            List<String> reasons = new ArrayList<>(List.of(SAME_NAME));
            names.reasons().stream().filter(r -> !r.equals(SAME_NAME)).forEach(reasons::add);
            if (!PhoneDriftScore.contradict(forms(probe), forms(card))) {
                return Optional.of(new Candidate(contactId, NAME_ONLY, SAME_NAME, reasons));
            }
            // a number one digit off is as often a neighbour's (a family plan, the next SIM) as a slip: it
            // contradicts like any other number, and is named so the reasons say how close it came
            reasons.add(PHONE_CONTRADICTS);
            drift.ifPresent(kind -> reasons.add(kind.code()));
            return Optional.of(new Candidate(contactId, NAME_AGAINST_PHONES, SAME_NAME, reasons));
        }
        String rule = anchors.contains(EMAIL_MAILBOX) ? EMAIL_MAILBOX : PHONE_COUNTRY_CODE;
        double score = base(rule) + bonus(rule, names.level()) + EXTRA_ANCHOR * (anchors.size() - 1);
        List<String> reasons = new ArrayList<>(anchors);
        drift.ifPresent(kind -> reasons.add(kind.code()));
        reasons.addAll(names.reasons());
        return Optional.of(new Candidate(contactId, clamp(score), rule, reasons));
    }

    /** Scores two cards an inquiry's identities both point to; {@code name} is each card's name. */
    public static Candidate sharedIdentity(long otherId, String chosenName, String otherName) {
        NameMatch names = NameMatch.compare(chosenName, otherName);
        List<String> reasons = new ArrayList<>(List.of(SHARED_IDENTITY));
        reasons.addAll(names.reasons());
        return new Candidate(otherId, clamp(SHARED_IDENTITY_BASE + bonus(SHARED_IDENTITY, names.level())),
                SHARED_IDENTITY, reasons);
    }

    private static double base(String rule) {
        return switch (rule) {
            case EMAIL_MAILBOX -> MAILBOX_BASE;
            case PHONE_COUNTRY_CODE -> PHONE_BASE;
            default -> SHARED_IDENTITY_BASE;
        };
    }

    /** What the names add to a contact point's score. */
    private static double bonus(String rule, NameMatch.Level level) {
        return switch (level) {
            case SAME -> 0.3;
            case TYPO -> 0.25;
            // one name part of the other (a given name alone): enough beside ten equal digits, weak beside the rest
            case PARTIAL -> rule.equals(PHONE_COUNTRY_CODE) ? 0.25 : rule.equals(EMAIL_MAILBOX) ? 0.05 : 0.1;
            case UNKNOWN -> rule.equals(SHARED_IDENTITY) ? 0.2 : 0.0;
            case DIFFERENT -> -0.3;
        };
    }

    /**
     * True when a phone of the probe (normalised or as written) and one of the card's have the same tail; the card's
     * numbers as written ({@code rawPhones}) count too, an identical normalised number does not (that is no fuzz).
     */
    private static boolean phonesMeet(Details probe, Details card) {
        for (String p : forms(probe)) {
            String tail = BlockingKeys.phoneTail(p);
            if (tail == null) {
                continue;
            }
            for (String q : card.phones()) {
                if (!q.equals(p) && tail.equals(BlockingKeys.phoneTail(q))) {
                    return true;
                }
            }
            for (String q : card.rawPhones()) {
                if (tail.equals(BlockingKeys.phoneTail(q))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A side's phones: normalised, then as written. */
    private static List<String> forms(Details side) {
        List<String> all = new ArrayList<>(side.phones());
        all.addAll(side.rawPhones());
        return all;
    }

    private static boolean mailboxesMeet(Details probe, Details card) {
        for (String e : probe.emails()) {
            String box = BlockingKeys.mailbox(e);
            for (String f : card.emails()) {
                if (!f.equals(e) && box.equals(BlockingKeys.mailbox(f))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double clamp(double score) {
        return Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
    }
}
