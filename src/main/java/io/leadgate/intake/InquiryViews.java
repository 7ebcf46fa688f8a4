package io.leadgate.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A stored inquiry as the read API and events show it: the item fields plus where it went (CONTRACT §5). */
public final class InquiryViews {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InquiryViews() {
    }

    public static ObjectNode of(StoredInquiry inquiry) {
        return of(inquiry, (ObjectNode) read(inquiry.item));
    }

    static ObjectNode of(StoredInquiry inquiry, ObjectNode item) {
        ObjectNode view = MAPPER.createObjectNode();
        view.put("id", String.valueOf(inquiry.id));
        view.put("channelId", inquiry.channelId);
        view.put("contactId", inquiry.contactId == null ? null : String.valueOf(inquiry.contactId));
        view.put("leadId", inquiry.leadId == null ? null : String.valueOf(inquiry.leadId));
        view.put("receivedAt", inquiry.receivedAt.toString());
        view.setAll(item);
        view.set("resolution", inquiry.resolution == null ? null : read(inquiry.resolution));
        return view;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
