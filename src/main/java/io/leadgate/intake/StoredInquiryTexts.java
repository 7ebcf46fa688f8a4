package io.leadgate.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.delivery.crm.InquiryTexts;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the subject and text of stored inquiries for the CRM connectors. */
@ApplicationScoped
public class StoredInquiryTexts implements InquiryTexts {

    private final ObjectMapper mapper;

    StoredInquiryTexts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<Text> of(long inquiryId) {
        StoredInquiry inquiry = StoredInquiry.findById(inquiryId);
        if (inquiry == null || inquiry.item == null) {
            return Optional.empty();
        }
        JsonNode item;
        try {
            item = mapper.readTree(inquiry.item);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<File> files = new ArrayList<>();
        for (JsonNode a : item.path("attachments")) {
            files.add(new File(textOf(a.get("name")), textOf(a.get("ref")), a.path("stored").asBoolean(false)));
        }
        JsonNode c = item.path("call");
        Call call = c.isObject() ? new Call(textOf(c.get("callId")), textOf(c.get("line")),
                c.hasNonNull("durationSeconds") ? c.get("durationSeconds").asLong() : null, textOf(c.get("recordingUrl")))
                : null;
        return Optional.of(new Text(textOf(item.get("subject")), textOf(item.get("text")), textOf(item.get("channel")),
                List.copyOf(files), call));
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
