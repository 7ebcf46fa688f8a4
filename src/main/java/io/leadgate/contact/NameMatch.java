package io.leadgate.contact;

import java.util.ArrayList;
import java.util.List;

/**
 * How two written names relate, graded: the same person's name written differently (transliterated, a diminutive,
 * first and last name swapped), a typo within a bounded edit distance, one name part of the other, or different.
 * Pure.
 *
 * @param reasons what made the names meet: {@code name-transliteration}, {@code name-diminutive},
 *                {@code name-swapped}, {@code name-typo}, {@code name-partial}; or {@code name-differs}
 */
public record NameMatch(Level level, List<String> reasons) {

    /** Grades of name agreement, strongest first. */
    public enum Level {
        /** The same canonical tokens (possibly written differently). */
        SAME,
        /** The same number of tokens, each within a small edit distance of its partner. */
        TYPO,
        /** Every token of the shorter name is in the longer one (a first name alone, say). */
        PARTIAL,
        /** At least one side has no name. */
        UNKNOWN,
        /** Both have names and they disagree. */
        DIFFERENT
    }

    public static NameMatch compare(String a, String b) {
        List<String> wa = NameKey.words(a);
        List<String> wb = NameKey.words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return new NameMatch(Level.UNKNOWN, List.of());
        }
        List<String> ta = wa.stream().map(NameKey::canonical).toList();
        List<String> tb = wb.stream().map(NameKey::canonical).toList();
        List<String> reasons = new ArrayList<>();
        if (sameMultiset(ta, tb)) {
            if (!ta.equals(tb)) {
                reasons.add("name-swapped");
            }
            if (script(a) != script(b)) {
                reasons.add("name-transliteration");
            }
            if (wa.stream().anyMatch(NameKey::isDiminutive) || wb.stream().anyMatch(NameKey::isDiminutive)) {
                if (!wa.stream().map(NameKey::fold).sorted().toList().equals(wb.stream().map(NameKey::fold).sorted().toList())) {
                    reasons.add("name-diminutive");
                }
            }
            if (reasons.isEmpty()) {
                reasons.add("same-name");
            }
            return new NameMatch(Level.SAME, reasons);
        }
        if (ta.size() == tb.size() && covered(ta, tb, true)) {
            return new NameMatch(Level.TYPO, List.of("name-typo"));
        }
        List<String> shorter = ta.size() <= tb.size() ? ta : tb;
        List<String> longer = shorter == ta ? tb : ta;
        if (shorter.size() < longer.size() && covered(shorter, longer, true)) {
            return new NameMatch(Level.PARTIAL, List.of("name-partial"));
        }
        return new NameMatch(Level.DIFFERENT, List.of("name-differs"));
    }

    /** True when every token of {@code small} finds its own partner in {@code large}, exactly or within a typo. */
    private static boolean covered(List<String> small, List<String> large, boolean typos) {
        List<String> pool = new ArrayList<>(large);
        for (String token : small) {
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < pool.size(); i++) {
                int d = genderPair(token, pool.get(i)) ? Integer.MAX_VALUE
                        : boundedDistance(token, pool.get(i), typos ? allowedTypos(token, pool.get(i)) : 0);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            if (best < 0 || bestDistance == Integer.MAX_VALUE) {
                return false;
            }
            pool.remove(best);
        }
        return true;
    }

    /** Иванов / Иванова, Вяземский / Вяземская: a husband and a wife, not a typo. */
    static boolean genderPair(String a, String b) {
        return a.equals(b + "a") || b.equals(a + "a") || gendered(a, b) || gendered(b, a);
    }

    private static boolean gendered(String male, String female) {
        return male.endsWith("ski") && female.endsWith("skaia")
                && male.substring(0, male.length() - 3).equals(female.substring(0, female.length() - 5));
    }

    /** Typos allowed between two tokens: none for short ones, one from four letters, two from eight. */
    static int allowedTypos(String a, String b) {
        int len = Math.min(a.length(), b.length());
        return len >= 8 ? 2 : len >= 4 ? 1 : 0;
    }

    /**
     * Damerau-Levenshtein (optimal string alignment) distance when it is at most {@code max}, else
     * {@code Integer.MAX_VALUE}; the work is bounded by the band of width {@code 2·max+1}.
     */
    static int boundedDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return Integer.MAX_VALUE;
        }
        if (a.equals(b)) {
            return 0;
        }
        int n = a.length();
        int m = b.length();
        int big = max + 1;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                d[i][j] = big;
            }
        }
        for (int i = 0; i <= Math.min(n, max); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= Math.min(m, max); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(m, i + max);
            int rowMin = big;
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = Math.min(v, big);
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return Integer.MAX_VALUE;
            }
        }
        return d[n][m] <= max ? d[n][m] : Integer.MAX_VALUE;
    }

    private static boolean sameMultiset(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().sorted().toList().equals(b.stream().sorted().toList());
    }

    private static Character.UnicodeScript script(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isLetter(name.charAt(i))) {
                return Character.UnicodeScript.of(name.charAt(i));
            }
        }
        return Character.UnicodeScript.COMMON;
    }
}
