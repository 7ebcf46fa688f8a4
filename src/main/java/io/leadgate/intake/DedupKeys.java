package io.leadgate.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.Secrets;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;

import java.nio.charset.StandardCharsets;

/**
 * The idempotency key of an item: the provider's key when it has one (an email Message-ID, a messenger message id, a
 * call event id), else a hash of the normalised content (without the time, so a double submit of the same form is
 * one inquiry). Provider keys deduplicate for good; content hashes only within the double-submit window.
 */
final class DedupKeys {

    private static final String PROVIDER = "id:";
    private static final String PROVIDER_HASHED = "idsha256:";
    private static final String CLASSIFIED = "classified:";

    private DedupKeys() {
    }

    static String of(Inquiry item) {
        if (item.externalId() != null && !item.externalId().isBlank()) {
            String id = PROVIDER + item.externalId();
            return id.length() <= 600 ? id
                    : PROVIDER_HASHED + Secrets.hex(Secrets.sha256(id.getBytes(StandardCharsets.UTF_8)));
        }
        ObjectNode json = InquiryJson.toJson(item);
        json.remove("occurredAt");
        return "sha256:" + Secrets.hex(Secrets.sha256(json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The key of an item classified away and kept as an envelope: apart from the key of the same item taken as a
     * lead, so that replaying the envelope as a lead is not mistaken for a redelivery.
     */
    static String classified(Inquiry item) {
        String key = of(item);
        return key.length() + CLASSIFIED.length() <= 600 ? CLASSIFIED + key
                : CLASSIFIED + PROVIDER_HASHED + Secrets.hex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** True for a provider's own key (kept for good), false for a content hash (a short double-submit window). */
    static boolean isProviderKey(String key) {
        String k = key.startsWith(CLASSIFIED) ? key.substring(CLASSIFIED.length()) : key;
        return k.startsWith(PROVIDER) || k.startsWith(PROVIDER_HASHED);
    }
}
