package io.leadgate.inquiry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Person names: control characters dropped, white space collapsed, parts from several fields joined once, and clipped
 * with a marker at {@link Limits#NAME} characters (a longer value is not a name, but it is still stored).
 */
public final class NameNormalizer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NameNormalizer() {
    }

    /** A name cleaned of control characters and extra white space, or null when nothing is left. */
    public static String clean(String written) {
        if (written == null) {
            return null;
        }
        String s = SPACES.matcher(CONTROL.matcher(written).replaceAll(" ")).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * Joins name parts taken from several fields ({@code Имя}, {@code ФИО}, first and last name, …) in order, each
     * once: a part already contained in the name so far is skipped, and a part that contains the name so far
     * replaces it. {@code "Иван"} + {@code "Иван Петров"} gives {@code "Иван Петров"}.
     */
    public static String combine(Iterable<String> parts) {
        String name = null;
        for (String part : parts) {
            String p = clean(part);
            if (p == null) {
                continue;
            }
            if (name == null || containsWords(p, name)) {
                name = p;
            } else if (!containsWords(name, p)) {
                name = name + " " + p;
            }
        }
        return clip(name);
    }

    private static String clip(String name) {
        return Limits.clip(name, Limits.NAME);
    }

    private static boolean containsWords(String haystack, String needle) {
        String h = " " + haystack.toLowerCase(Locale.ROOT) + " ";
        String n = " " + needle.toLowerCase(Locale.ROOT) + " ";
        return h.contains(n);
    }
}
