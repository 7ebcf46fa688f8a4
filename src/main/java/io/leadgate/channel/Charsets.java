package io.leadgate.channel;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset labels as senders write them (in a {@code Content-Type}, a MIME part or an encoded word), mapped to what
 * Java decodes: {@code x-mac-cyrillic} → {@code x-MacCyrillic}, {@code gb2312} → GB18030, {@code cp-1251} →
 * windows-1251. An unknown, empty or malformed label is empty, never an exception.
 */
public final class Charsets {

    /** Labels Java does not know, or knows as a stricter subset than mail programs mean by them. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"), Map.entry("mac-cyrillic", "x-MacCyrillic"),
            Map.entry("x-mac-ukrainian", "x-MacUkraine"), Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"), Map.entry("mac", "x-MacRoman"), Map.entry("x-mac", "x-MacRoman"),
            Map.entry("x-mac-ce", "x-MacCentralEurope"), Map.entry("x-mac-centraleurroman", "x-MacCentralEurope"),
            Map.entry("x-mac-greek", "x-MacGreek"), Map.entry("x-mac-turkish", "x-MacTurkish"),
            Map.entry("x-mac-icelandic", "x-MacIceland"), Map.entry("x-mac-croatian", "x-MacCroatian"),
            Map.entry("x-mac-romanian", "x-MacRomania"), Map.entry("x-mac-hebrew", "x-MacHebrew"),
            Map.entry("x-mac-arabic", "x-MacArabic"), Map.entry("x-mac-thai", "x-MacThai"),
            Map.entry("gb2312", "GB18030"), Map.entry("gb_2312-80", "GB18030"), Map.entry("euc-cn", "GB18030"),
            Map.entry("x-gbk", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("cn-gb", "GB18030"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("iso-8859-8-e", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"), Map.entry("iso-8859-6-e", "ISO-8859-6"),
            Map.entry("latin-1", "ISO-8859-1"), Map.entry("utf8", "UTF-8"), Map.entry("utf-8n", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"), Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("koi8", "KOI8-R"), Map.entry("koi-8r", "KOI8-R"), Map.entry("koi8r", "KOI8-R"),
            Map.entry("tis620", "TIS-620"), Map.entry("x-cp1251", "windows-1251"), Map.entry("x-cp1250", "windows-1250"));

    private static final Pattern WINDOWS = Pattern.compile("(?:x-)?(?:cp|win|windows|ms)[-_ ]?(12[5-9]\\d|874)");
    private static final Pattern ISO_8859 = Pattern.compile("iso[-_ ]?8859[-_ ]?(\\d{1,2})(?:[-_:].*)?");
    private static final int MAX_KNOWN = 512;
    private static final Map<String, Optional<Charset>> KNOWN = new ConcurrentHashMap<>();
    private static final Pattern CLEAN = Pattern.compile("[\"'\\s;]+");

    private Charsets() {
    }

    /** The Java charset for a label as written by a sender, or empty when the label is missing, meaningless or unknown. */
    public static Optional<Charset> lookup(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = CLEAN.matcher(label).replaceAll("").toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String alias = ALIASES.get(name);
        if (alias != null) {
            return forName(alias);
        }
        Matcher windows = WINDOWS.matcher(name);
        if (windows.matches()) {
            return forName((windows.group(1).equals("874") ? "x-windows-" : "windows-") + windows.group(1));
        }
        Matcher iso = ISO_8859.matcher(name);
        if (iso.matches()) {
            return forName("ISO-8859-" + iso.group(1));
        }
        return forName(name);
    }

    /** Java looks unknown names up in every jar's charset providers: remember the answers (a bounded number). */
    private static Optional<Charset> forName(String name) {
        Optional<Charset> known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        Optional<Charset> found;
        try {
            found = Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) { // IllegalCharsetName-, UnsupportedCharsetException
            found = Optional.empty();
        }
        if (KNOWN.size() < MAX_KNOWN) {
            KNOWN.put(name, found);
        }
        return found;
    }

    /** The charset named by a {@code Content-Type}'s {@code charset} parameter, or {@code fallback}. */
    public static Charset ofContentType(String contentType, Charset fallback) {
        if (contentType != null) {
            for (String param : contentType.split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    return lookup(p.substring(8)).orElse(fallback);
                }
            }
        }
        return fallback;
    }
}
