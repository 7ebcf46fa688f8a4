package io.leadgate.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A lead as the read API and lead events show it (CONTRACT §5). Ids are strings. {@code status} is the semantics
 * (new, in-progress, converted, junk); {@code statusCode} the configured status within it.
 */
public record LeadView(String id, String status, String contactId, String source, String channelId,
                       JsonNode attribution, boolean returningClient, boolean callback, Instant createdAt,
                       Instant updatedAt, int inquiryCount, String statusCode, String junkReason, String responsible,
                       String dealId) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static LeadView of(Lead lead) {
        return new LeadView(String.valueOf(lead.id), lead.status.code(), String.valueOf(lead.contactId), lead.source,
                lead.channelId, parse(lead.attribution), lead.returningClient, lead.callback, lead.createdAt, lead.updatedAt,
                lead.inquiryCount, lead.statusCode(), lead.junkReason, lead.responsible,
                lead.dealId == null ? null : String.valueOf(lead.dealId));
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
