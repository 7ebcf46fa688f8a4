package io.leadgate.contact;

import java.util.List;

/**
 * How an inquiry's contact was chosen.
 *
 * @param contact     the card the inquiry goes to, locked for the rest of the transaction (null: no card, for an
 *                    update that names nobody)
 * @param matchedBy   the identity keys that pointed to this card ({@code phone:+7916…})
 * @param conflicting other cards that some of the inquiry's identities belong to (never merged silently)
 */
public record Resolution(Contact contact, Decision decision, List<String> matchedBy, List<Long> conflicting) {

    /** The outcome of identity resolution. */
    public enum Decision {
        /** No identity was known: a new card. */
        NEW,
        /** The identities point to one existing card. */
        MATCHED,
        /** The identities point to several cards: the strongest match was taken, the others recorded. */
        CONFLICT,
        /** The inquiry names no phone, email or handle: a new card that nothing can match later. */
        ANONYMOUS,
        /** An update that names nobody: no card. */
        NONE
    }

    public boolean createdContact() {
        return decision == Decision.NEW || decision == Decision.ANONYMOUS;
    }
}
