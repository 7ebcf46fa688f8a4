package io.leadgate.channel.messenger.meta;

import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.AttributionExtractor;

import java.util.Map;

/**
 * Attribution from a deep-link parameter that a messenger hands back on the first contact (Messenger / Instagram
 * {@code ref}, Viber {@code context}). Two forms are accepted: a query-string-like value
 * ({@code utm_source=vk&utm_campaign=spring}, UTM keys and click ids are read, other keys dropped) and a bare value
 * ({@code spring_sale}), which is kept as {@code utm_campaign}. Adapters also keep the raw value in {@code extra}.
 */
public final class DeepLinkAttribution {

    private DeepLinkAttribution() {
    }

    public static Attribution of(String value) {
        if (value == null || value.isBlank()) {
            return Attribution.NONE;
        }
        String v = value.strip();
        if (v.contains("=")) {
            return AttributionExtractor.extract(Map.of(), v.startsWith("?") ? v.substring(1) : v, null, null);
        }
        return new Attribution(Map.of("utm_campaign", v), Map.of(), null, null, Map.of());
    }
}
