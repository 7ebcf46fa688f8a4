package io.leadgate.inquiry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds UTM parameters and advertising click ids. Sources are read in order of trust, the first value found wins:
 * the inquiry's own fields, the landing page's query, the hook URL's query, then the referrer's query.
 */
public final class AttributionExtractor {

    /** The standard UTM parameters, in the order they are reported. */
    public static final List<String> UTM_KEYS =
            List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "utm_id");

    /** Click ids of the ad networks: Google, Yandex, Meta, Microsoft, TikTok, X, LinkedIn, Pinterest, Reddit, Snap, VK. */
    public static final List<String> CLICK_IDS = List.of("gclid", "gbraid", "wbraid", "dclid", "yclid", "ysclid",
            "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id", "epik", "rdt_cid", "sccid", "vkclid");

    private AttributionExtractor() {
    }

    /**
     * @param fields      the inquiry's own fields (form fields, hidden inputs); keys in any case
     * @param hookQuery   the query string of the hook request, or null
     * @param referrer    where the visitor came from, or null
     * @param landingPage the page the visitor landed on or posted from, or null
     */
    public static Attribution extract(Map<String, String> fields, String hookQuery, String referrer, String landingPage) {
        List<Map<String, String>> sources = List.of(lowerKeys(fields), firstValues(UrlQuery.queryOf(landingPage)),
                firstValues(hookQuery), firstValues(UrlQuery.queryOf(referrer)));
        Map<String, String> utm = new LinkedHashMap<>();
        for (String key : UTM_KEYS) {
            first(sources, key).ifPresent(v -> utm.put(key, v));
        }
        for (Map<String, String> source : sources) { // non-standard utm_* keys (utm_referrer, utm_source_platform, …)
            source.forEach((k, v) -> {
                if (k.startsWith("utm_") && !v.isBlank()) {
                    utm.putIfAbsent(k, v.strip());
                }
            });
        }
        Map<String, String> clickIds = new LinkedHashMap<>();
        for (String key : CLICK_IDS) {
            first(sources, key).ifPresent(v -> clickIds.put(key, v));
        }
        return new Attribution(utm, clickIds, blankToNull(referrer), blankToNull(landingPage), Map.of());
    }

    /**
     * One visit recorded by the website snippet, read from fields named {@code <prefix>utm_source}, …,
     * {@code <prefix>gclid}, …, {@code <prefix>referrer}, {@code <prefix>landing_page} and {@code <prefix>at}
     * (ISO-8601 or epoch milliseconds); UTM and click ids missing from the fields are read from the landing page's
     * query. Empty when none of the fields is there.
     *
     * @param prefix for example {@code lg_first_} or {@code lg_last_}
     */
    public static java.util.Optional<Attribution.Touch> touch(Map<String, String> fields, String prefix) {
        Map<String, String> own = new LinkedHashMap<>();
        lowerKeys(fields).forEach((k, v) -> {
            if (k.startsWith(prefix) && !v.isBlank()) {
                own.put(k.substring(prefix.length()), v.strip());
            }
        });
        if (own.isEmpty()) {
            return java.util.Optional.empty();
        }
        String landing = own.get("landing_page");
        List<Map<String, String>> sources = List.of(own, firstValues(UrlQuery.queryOf(landing)));
        Map<String, String> utm = new LinkedHashMap<>();
        for (String key : UTM_KEYS) {
            first(sources, key).ifPresent(v -> utm.put(key, v));
        }
        own.forEach((k, v) -> {
            if (k.startsWith("utm_")) {
                utm.putIfAbsent(k, v);
            }
        });
        Map<String, String> clickIds = new LinkedHashMap<>();
        for (String key : CLICK_IDS) {
            first(sources, key).ifPresent(v -> clickIds.put(key, v));
        }
        Attribution.Touch touch = new Attribution.Touch(utm, clickIds, own.get("referrer"), landing, instant(own.get("at")));
        return touch.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(touch);
    }

    private static java.time.Instant instant(String value) {
        return Timestamps.epochMillisOrIso(value); // a browser clock we cannot read is no reason to drop the lead
    }

    private static java.util.Optional<String> first(List<Map<String, String>> sources, String key) {
        for (Map<String, String> source : sources) {
            String v = source.get(key);
            if (v != null && !v.isBlank()) {
                return java.util.Optional.of(v.strip());
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, String> lowerKeys(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.putIfAbsent(k.strip().toLowerCase(Locale.ROOT), v);
                }
            });
        }
        return out;
    }

    private static Map<String, String> firstValues(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        UrlQuery.parse(query).forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0)));
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
