package io.leadgate.inquiry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the client came from: UTM parameters, advertising click ids, the referrer and landing page, and the ad
 * when a provider names one (a click-to-WhatsApp ad, an Avito listing).
 *
 * @param utm      {@code utm_source}, {@code utm_medium}, … in that order, only those present
 * @param clickIds {@code gclid}, {@code yclid}, … only those present
 * @param ad       provider ad facts such as {@code sourceId} and {@code headline}
 */
public record Attribution(Map<String, String> utm, Map<String, String> clickIds, String referrer,
                          String landingPage, Map<String, String> ad) {

    public static final Attribution NONE = new Attribution(Map.of(), Map.of(), null, null, Map.of());

    public Attribution {
        utm = frozen(utm);
        clickIds = frozen(clickIds);
        ad = frozen(ad);
    }

    public boolean isEmpty() {
        return utm.isEmpty() && clickIds.isEmpty() && referrer == null && landingPage == null && ad.isEmpty();
    }

    /** This attribution with the gaps filled from {@code other}; values already here win. */
    public Attribution orElse(Attribution other) {
        Map<String, String> u = new LinkedHashMap<>(other.utm);
        u.putAll(utm);
        Map<String, String> c = new LinkedHashMap<>(other.clickIds);
        c.putAll(clickIds);
        Map<String, String> a = new LinkedHashMap<>(other.ad);
        a.putAll(ad);
        return new Attribution(u, c, referrer != null ? referrer : other.referrer,
                landingPage != null ? landingPage : other.landingPage, a);
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
