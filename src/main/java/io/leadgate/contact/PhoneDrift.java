package io.leadgate.contact;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Typing slips between two phone numbers, read on their last ten digits: two adjacent digits swapped, one digit
 * missing, one digit doubled, or one digit replaced by another. The first three are what people do to their own
 * number; a replaced digit is as often another person's number, so it is told apart and weighs nothing by itself.
 * Numbers one slip apart meet under a <em>near key</em>: a tail with one digit deleted (a deletion neighbourhood),
 * so finding them is an indexed equality lookup. Pure.
 */
public final class PhoneDrift {

    /** Kinds of slip, strongest evidence first. */
    public enum Kind {
        /** Two adjacent digits swapped: {@code …105 62 34} for {@code …150 62 34}. */
        TRANSPOSITION("phone-transposition"),
        /** One digit left out. */
        DIGIT_MISSING("phone-digit-missing"),
        /** One digit typed twice. */
        DIGIT_DOUBLED("phone-digit-doubled"),
        /** One digit replaced by another: a slip, or a neighbour's number; weak. */
        DIGIT_SUBSTITUTED("phone-digit-substituted");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The reason (and rule) name. */
        public String code() {
            return code;
        }
    }

    static final int TAIL = 10;

    private PhoneDrift() {
    }

    /** The near keys a card stores for a phone tail: the tail with each one digit deleted (ten-digit tails only). */
    public static Set<String> storedKeys(String tail) {
        Set<String> keys = new LinkedHashSet<>();
        if (tail != null && tail.length() == TAIL) {
            for (int i = 0; i < tail.length(); i++) {
                keys.add(deleteAt(tail, i));
            }
        }
        return keys;
    }

    /**
     * The near keys to look a written phone's tail up by: its one-digit deletions, or, for a nine-digit tail (a digit
     * missing from a number written without prefix), the tail itself.
     */
    public static Set<String> probeKeys(String tail) {
        Set<String> keys = storedKeys(tail);
        if (tail != null && tail.length() == TAIL - 1) {
            keys.add(tail);
        }
        return keys;
    }

    /**
     * The slip that turns the card's tail into the probe's, if one does. A typing slip is preferred to a replaced
     * digit when both explain the difference: a number with a digit doubled or left out near its start shifts the
     * ten-digit window, so its tail differs from the card's in the first digit only ({@code 988 538 32 07 5} for
     * {@code 985 383 20 75} ends in {@code 8853832075}), which reads as a replaced digit but is not one.
     *
     * @param probe the tail of the number as the inquiry wrote it (seven to ten digits)
     * @param card  the tail of a number the card holds
     */
    public static Optional<Kind> classify(String probe, String card) {
        if (probe == null || card == null || card.length() != TAIL || probe.equals(card)) {
            return Optional.empty();
        }
        int diffs = 0;
        if (probe.length() == TAIL) {
            int first = -1;
            for (int i = 0; i < TAIL; i++) {
                if (probe.charAt(i) != card.charAt(i)) {
                    first = diffs == 0 ? i : first;
                    diffs++;
                }
            }
            if (diffs == 2 && first + 1 < TAIL && probe.charAt(first) == card.charAt(first + 1)
                    && probe.charAt(first + 1) == card.charAt(first)) {
                return Optional.of(Kind.TRANSPOSITION);
            }
            if (doubled(probe, card)) {
                return Optional.of(Kind.DIGIT_DOUBLED);
            }
        }
        if (probe.length() >= TAIL - 1 && missing(probe.substring(probe.length() - (TAIL - 1)), card,
                probe.length() < TAIL)) {
            return Optional.of(Kind.DIGIT_MISSING);
        }
        return diffs == 1 ? Optional.of(Kind.DIGIT_SUBSTITUTED) : Optional.empty();
    }

    /** The probe's last nine digits are the card's tail with one digit left out (not its first, unless shorter). */
    private static boolean missing(String nine, String card, boolean shorter) {
        for (int i = shorter ? 0 : 1; i < TAIL; i++) {
            if (deleteAt(card, i).equals(nine)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The probe's tail is the card's with one digit typed twice: dropping a repeated digit from the probe leaves the
     * card's last nine.
     */
    private static boolean doubled(String probe, String card) {
        String nine = card.substring(1);
        for (int i = 1; i < TAIL; i++) {
            if (probe.charAt(i) == probe.charAt(i - 1) && deleteAt(probe, i).equals(nine)) {
                return true;
            }
        }
        return false;
    }

    private static String deleteAt(String s, int i) {
        return s.substring(0, i) + s.substring(i + 1);
    }
}
