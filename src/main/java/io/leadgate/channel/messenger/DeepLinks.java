package io.leadgate.channel.messenger;

import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.AttributionExtractor;
import io.leadgate.inquiry.UrlQuery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Attribution from a deep-link value a messenger hands back on the first contact: a Telegram {@code /start}
 * payload, a Messenger / Instagram {@code ref}, a Viber {@code context}. Accepted encodings, tried in this order:
 * <ol>
 *   <li>a query string: {@code utm_source=vk&utm_campaign=spring} (UTM keys and click ids are read, others dropped);</li>
 *   <li>{@code key-value} pairs joined by {@code __}: {@code utm_source-google__utm_campaign-spring}. Keys are
 *   {@code utm_*} names, the short forms {@code source}, {@code medium}, {@code campaign}, {@code content},
 *   {@code term}, or click ids ({@code gclid}, {@code yclid}, …); a value may contain {@code -}. Every pair must
 *   have a known key, else the value is read by the next rule (this form fits Telegram's 64 characters of
 *   {@code [A-Za-z0-9_-]});</li>
 *   <li>base64url (without padding) of a query string: {@code dXRtX3NvdXJjZT12aw} = {@code utm_source=vk}; the
 *   decoded text must be UTF-8 and name at least one known key;</li>
 *   <li>any other value is a campaign tag: {@code utm_campaign = <value>}.</li>
 * </ol>
 * Adapters keep the raw value in {@code extra} as well.
 */
public final class DeepLinks {

    private static final Map<String, String> SHORT_KEYS = Map.of("source", "utm_source", "medium", "utm_medium",
            "campaign", "utm_campaign", "content", "utm_content", "term", "utm_term");

    private DeepLinks() {
    }

    /** The attribution a deep-link value carries; none for a blank value. */
    public static Attribution decode(String value) {
        if (value == null || value.isBlank()) {
            return Attribution.NONE;
        }
        String v = value.strip();
        Map<String, String> fields = query(v.startsWith("?") ? v.substring(1) : v).or(() -> pairs(v))
                .or(() -> base64Query(v)).orElseGet(() -> Map.of("utm_campaign", v));
        return AttributionExtractor.extract(fields, null, null, null);
    }

    private static Optional<Map<String, String>> pairs(String payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : payload.split("__", -1)) {
            int dash = part.indexOf('-');
            if (dash <= 0 || dash == part.length() - 1) {
                return Optional.empty();
            }
            String key = knownKey(part.substring(0, dash));
            if (key == null) {
                return Optional.empty();
            }
            fields.putIfAbsent(key, part.substring(dash + 1));
        }
        return Optional.of(fields);
    }

    private static Optional<Map<String, String>> base64Query(String payload) {
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(payload);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        return text.chars().anyMatch(Character::isISOControl) ? Optional.empty() : query(text);
    }

    private static Optional<Map<String, String>> query(String text) {
        if (!text.contains("=")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        UrlQuery.parse(text).forEach((k, v) -> {
            String key = knownKey(k);
            if (key != null && !v.get(0).isBlank()) {
                fields.putIfAbsent(key, v.get(0));
            }
        });
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    private static String knownKey(String written) {
        String key = written.strip().toLowerCase(Locale.ROOT);
        if (SHORT_KEYS.containsKey(key)) {
            return SHORT_KEYS.get(key);
        }
        return key.matches("utm_[a-z0-9_]+") || AttributionExtractor.CLICK_IDS.contains(key) ? key : null;
    }
}
