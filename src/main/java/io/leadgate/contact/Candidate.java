package io.leadgate.contact;

import java.util.List;

/**
 * A card that may be the same person, with the score and the reasons.
 *
 * @param rule    the strongest signal, which auto-merge rules are named by: {@code shared-identity},
 *                {@code phone-country-code}, {@code email-mailbox}, a phone slip ({@code phone-transposition},
 *                {@code phone-digit-missing}, {@code phone-digit-doubled}) or {@code same-name}
 * @param reasons every signal and the name agreement, e.g. {@code [phone-country-code, name-transliteration]}, and
 *                what weighs against it ({@code phone-contradicts}: both cards' phones tell them apart)
 */
public record Candidate(long contactId, double score, String rule, List<String> reasons) {

    public Candidate {
        reasons = List.copyOf(reasons);
    }

    /** The same candidate for another card (after following a merge). */
    public Candidate withContact(long id) {
        return new Candidate(id, score, rule, reasons);
    }
}
