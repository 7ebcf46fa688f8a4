package io.leadgate.channel.messenger.telegram;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of a {@code /start} deep link ({@code t.me/<bot>?start=<payload>} arrives as the message
 * {@code /start <payload>}; in groups {@code /start@<bot> <payload>}) and the attribution it carries.
 *
 * <p>Telegram allows up to 64 characters of {@code A-Z a-z 0-9 _ -}; anything else after {@code /start} is not a
 * deep link and gives no attribution. Accepted encodings, tried in this order:
 * <ol>
 *   <li>{@code key-value} pairs joined by {@code __}: {@code utm_source-google__utm_campaign-spring}. Keys are
 *   {@code utm_*} names, the short forms {@code source}, {@code medium}, {@code campaign}, {@code content},
 *   {@code term}, or click ids ({@code gclid}, {@code yclid}, …); a value may contain {@code -}. Every pair must
 *   have a known key, else the payload is read by the next rule.</li>
 *   <li>base64url (without padding) of a query string: {@code dXRtX3NvdXJjZT12aw} =
 *   {@code utm_source=vk}; the decoded text must be UTF-8 and name at least one known key.</li>
 *   <li>any other payload is a campaign tag: {@code utm_campaign = <payload>}.</li>
 * </ol>
 * A plain {@code /start} gives no attribution.
 */
public final class StartPayload {

    private static final Pattern COMMAND = Pattern.compile("/start(?:@[A-Za-z0-9_]+)?(?:[ \\t]+(\\S*))?\\s*");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<String, String> SHORT_KEYS = Map.of("source", "utm_source", "medium", "utm_medium",
            "campaign", "utm_campaign", "content", "utm_content", "term", "utm_term");

    private StartPayload() {
    }

    /** The deep-link payload of a {@code /start} message, or empty for other text and a plain {@code /start}. */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches() || m.group(1) == null || !VALID.matcher(m.group(1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    /** The attribution of a valid payload (see the class comment for the encodings). */
    public static Attribution decode(String payload) {
        Map<String, String> fields = pairs(payload).or(() -> base64Query(payload))
                .orElseGet(() -> Map.of("utm_campaign", payload));
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
        if (!text.contains("=") || text.chars().anyMatch(Character::isISOControl)) {
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
