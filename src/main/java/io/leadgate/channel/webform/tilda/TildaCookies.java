package io.leadgate.channel.webform.tilda;

import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.AttributionExtractor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Tilda's {@code COOKIES} field (the visitor's cookie string, sent when "send cookies" is on) says about the
 * visitor: UTM parameters and click ids, and the analytics visitor ids {@code _ga}, {@code _ym_uid} and
 * {@code roistat_visit}. Nothing else of the cookie string is kept.
 */
final class TildaCookies {

    /** Analytics visitor ids kept as extra data, by cookie name. */
    static final List<String> VISITOR_IDS = List.of("_ga", "_ym_uid", "roistat_visit");
    /**
     * Tilda keeps the UTM of the visit in its own cookie, URL-encoded {@code utm_source=…|||utm_medium=…|||…}
     * (observed format; Tilda does not document it).
     */
    static final String TILDA_UTM = "TILDAUTM";

    /** The attribution found in the cookies and the visitor ids, in the order of {@link #VISITOR_IDS}. */
    record Facts(Attribution attribution, Map<String, String> visitorIds) {
        static final Facts NONE = new Facts(Attribution.NONE, Map.of());
    }

    private TildaCookies() {
    }

    static Facts read(String cookieString) {
        if (cookieString == null || cookieString.isBlank()) {
            return Facts.NONE;
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String part : cookieString.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                cookies.putIfAbsent(part.substring(0, eq).strip(), decode(part.substring(eq + 1).strip()));
            }
        }
        Map<String, String> attribution = new LinkedHashMap<>();
        String tildaUtm = cookies.get(TILDA_UTM);
        if (tildaUtm != null) {
            for (String pair : tildaUtm.split("\\|\\|\\|")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    attribution.putIfAbsent(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1));
                }
            }
        }
        cookies.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.startsWith("utm_") || AttributionExtractor.CLICK_IDS.contains(key)) {
                attribution.putIfAbsent(key, value);
            }
        });
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : VISITOR_IDS) {
            String value = cookies.get(name);
            if (value != null && !value.isBlank()) {
                ids.put(name, value);
            }
        }
        return new Facts(AttributionExtractor.extract(attribution, null, null, null), ids);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // a stray '%' is kept as written
        }
    }
}
