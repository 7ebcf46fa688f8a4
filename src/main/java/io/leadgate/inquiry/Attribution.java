package io.leadgate.inquiry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the client came from: UTM parameters, advertising click ids, the referrer and landing page, and the ad
 * when a provider names one (a click-to-WhatsApp ad, an Avito listing).
 *
 * @param utm      {@code utm_source}, {@code utm_medium}, … in that order, only those present
 * @param clickIds {@code gclid}, {@code yclid}, … only those present
 * @param ad         provider ad facts such as {@code sourceId} and {@code headline}
 * @param firstTouch the visitor's first recorded visit (the website snippet keeps it), or null
 * @param lastTouch  the visitor's latest campaign or external visit before the submission, or null
 */
public record Attribution(Map<String, String> utm, Map<String, String> clickIds, String referrer,
                          String landingPage, Map<String, String> ad, Touch firstTouch, Touch lastTouch) {

    public static final Attribution NONE = new Attribution(Map.of(), Map.of(), null, null, Map.of());

    /**
     * One visit as the browser saw it: its UTM parameters and click ids, the external referrer and the landing page.
     *
     * @param at when the visit began by the browser's clock, or null
     */
    public record Touch(Map<String, String> utm, Map<String, String> clickIds, String referrer, String landingPage,
                        Instant at) {

        public Touch {
            utm = frozen(utm);
            clickIds = frozen(clickIds);
        }

        public boolean isEmpty() {
            return utm.isEmpty() && clickIds.isEmpty() && referrer == null && landingPage == null;
        }

        /** This touch as a plain attribution, for when the submission itself names no campaign. */
        public Attribution asAttribution() {
            return new Attribution(utm, clickIds, referrer, landingPage, Map.of());
        }
    }

    public Attribution {
        utm = frozen(utm);
        clickIds = frozen(clickIds);
        ad = frozen(ad);
    }

    /** An attribution without first- and last-touch records. */
    public Attribution(Map<String, String> utm, Map<String, String> clickIds, String referrer, String landingPage,
                       Map<String, String> ad) {
        this(utm, clickIds, referrer, landingPage, ad, null, null);
    }

    public boolean isEmpty() {
        return utm.isEmpty() && clickIds.isEmpty() && referrer == null && landingPage == null && ad.isEmpty()
                && firstTouch == null && lastTouch == null;
    }

    /** This attribution with first- and last-touch records. */
    public Attribution withTouches(Touch first, Touch last) {
        return new Attribution(utm, clickIds, referrer, landingPage, ad, first, last);
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
                landingPage != null ? landingPage : other.landingPage, a,
                firstTouch != null ? firstTouch : other.firstTouch, lastTouch != null ? lastTouch : other.lastTouch);
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
