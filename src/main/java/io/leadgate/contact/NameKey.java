package io.leadgate.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Person names reduced to comparable tokens: Cyrillic transliterated to Latin, Latin spelling variants folded
 * ({@code x/ks}, {@code kh/h}, {@code j/y/i}, doubled letters…), patronymics dropped, and given names mapped to
 * one form through a small curated table of diminutives and Latin spellings ({@code identity/name-variants.txt}):
 * Александр, Alexander and Саша all become {@code aleksandr}. Pure and thread-safe.
 */
public final class NameKey {

    private static final Pattern NON_LETTER = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PATRONYMIC = Pattern.compile(".+(ovic|evic|ovna|evna|icna|inicna)");
    private static final String[] CYRILLIC = {
            "а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ж", "zh", "з", "z", "и", "i", "й", "y",
            "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t", "у", "u",
            "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "", "э", "e",
            "ю", "yu", "я", "ya", "і", "i", "ї", "yi", "є", "ye", "ґ", "g"};
    private static final String VOWELS = "аеёиоуыэюяієї";
    private static final Map<Character, String> TRANSLIT = new HashMap<>();

    static {
        for (int i = 0; i < CYRILLIC.length; i += 2) {
            TRANSLIT.put(CYRILLIC[i].charAt(0), CYRILLIC[i + 1]);
        }
    }

    private static final int REMEMBERED = 50_000;
    private static final int REMEMBERED_LENGTH = 40;
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();
    private static final Set<String> DIMINUTIVES = new HashSet<>();
    private static final Map<String, String> VARIANTS = loadVariants();

    private NameKey() {
    }

    /**
     * One token as written, folded for comparison but not mapped through the variants table. Remembered: scoring an
     * inquiry's candidate cards folds the same few words dozens of times, each fold a dozen string passes and a
     * Unicode normalisation; the memory holds at most {@link #REMEMBERED} short tokens and starts over when full.
     */
    public static String fold(String token) {
        if (token.length() > REMEMBERED_LENGTH) {
            return folded(token);
        }
        String folded = FOLDED.get(token);
        if (folded == null) {
            folded = folded(token);
            if (FOLDED.size() >= REMEMBERED) {
                FOLDED.clear();
            }
            FOLDED.put(token, folded);
        }
        return folded;
    }

    private static String folded(String token) {
        String s = token.toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder latin = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // a soft or hard sign before a vowel is written y (Васильев: Vasilyev), elsewhere not at all
            boolean beforeVowel = i + 1 < s.length() && VOWELS.indexOf(s.charAt(i + 1)) >= 0;
            String t = (c == 'ь' || c == 'ъ') && beforeVowel ? "y" : TRANSLIT.get(c);
            latin.append(t != null ? t : String.valueOf(c));
        }
        s = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace("x", "ks").replace("tsch", "ch").replace("tch", "ch").replace("shch", "sc").replace("sch", "sc")
                .replace("ts", "c").replace("tz", "c").replace("kh", "h").replace("ph", "f").replace("w", "v")
                .replace("ch", "c").replace("j", "y").replace("yo", "e").replace("y", "i");
        if (s.startsWith("ie")) {
            s = s.substring(1);
        }
        if (s.endsWith("ff")) {
            s = s.substring(0, s.length() - 2) + "v";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** One token in canonical form: folded, then mapped to its given name's full form when the table knows it. */
    public static String canonical(String token) {
        String folded = fold(token);
        return VARIANTS.getOrDefault(folded, folded);
    }

    /** True when the token is a diminutive in the variants table (Саша, Katya). */
    static boolean isDiminutive(String token) {
        return DIMINUTIVES.contains(fold(token));
    }

    /** The name's words, without punctuation or patronymics (kept when they are all there is). */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        for (String w : NON_LETTER.split(name.strip())) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.size() > 2) {
            words.removeIf(w -> PATRONYMIC.matcher(fold(w)).matches());
        }
        return words.size() > 3 ? new ArrayList<>(words.subList(0, 3)) : words;
    }

    /** The canonical tokens of a name, in written order. */
    public static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String w : words(name)) {
            String c = canonical(w);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The blocking key of a full name: its canonical tokens sorted (so swapped first and last names meet), or null
     * for a single word, which is too common to look up on its own.
     */
    public static String blockingKey(String name) {
        List<String> tokens = tokens(name);
        if (tokens.size() < 2) {
            return null;
        }
        return String.join(" ", tokens.stream().sorted().toList());
    }

    private static Map<String, String> loadVariants() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = NameKey.class.getResourceAsStream("/identity/name-variants.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/name-variants.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                String[] forms = parts[0].split(",");
                String full = fold(forms[0].strip());
                for (String form : forms) {
                    map.putIfAbsent(fold(form.strip()), full);
                }
                if (parts.length > 1) {
                    for (String form : parts[1].split(",")) {
                        String folded = fold(form.strip());
                        map.putIfAbsent(folded, full);
                        DIMINUTIVES.add(folded);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
