package io.leadgate.console;

import java.util.Locale;

/** The console's languages: English and Russian, from a cookie the switch sets, else the browser's language. */
public final class Languages {

    public static final String EN = "en";
    public static final String RU = "ru";
    public static final String COOKIE = "leadgate-lang";

    private Languages() {
    }

    /** The chosen language: a valid cookie wins, then the first of en/ru in Accept-Language, then English. */
    public static Locale choose(String cookie, String acceptLanguage) {
        if (EN.equals(cookie) || RU.equals(cookie)) {
            return Locale.forLanguageTag(cookie);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith(RU)) {
                        return Locale.forLanguageTag(RU);
                    }
                    if (tag.startsWith(EN)) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException e) {
                return Locale.ENGLISH; // a malformed header: the default
            }
        }
        return Locale.ENGLISH;
    }
}
