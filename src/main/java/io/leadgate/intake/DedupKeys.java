package io.leadgate.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.Secrets;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;

import java.nio.charset.StandardCharsets;

/**
 * The idempotency key of an item: the provider's key when it has one, else a hash of the normalised content
 * (without the time, so a double submit of the same form is one inquiry).
 */
final class DedupKeys {

    private DedupKeys() {
    }

    static String of(Inquiry item) {
        if (item.externalId() != null && !item.externalId().isBlank()) {
            String id = "id:" + item.externalId();
            return id.length() <= 600 ? id : "idsha256:" + Secrets.hex(Secrets.sha256(id.getBytes(StandardCharsets.UTF_8)));
        }
        ObjectNode json = InquiryJson.toJson(item);
        json.remove("occurredAt");
        return "sha256:" + Secrets.hex(Secrets.sha256(json.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
