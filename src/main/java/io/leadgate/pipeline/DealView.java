package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A deal as the API and deal events show it (CONTRACT §7). Ids are strings. */
public record DealView(String id, String pipelineId, String stageId, String status, String contactId, String leadId,
                       BigDecimal amount, String currency, String responsible, String lossReason, String sourceDealId,
                       String channelId, String source, JsonNode fields, int inquiryCount, Instant stageEnteredAt,
                       Instant createdAt, Instant updatedAt, String title, LocalDate expectedCloseDate,
                       boolean amountManual) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static DealView of(Deal d) {
        return new DealView(String.valueOf(d.id), String.valueOf(d.pipelineId), String.valueOf(d.stageId), d.status,
                String.valueOf(d.contactId), MoveView.str(d.leadId), d.amount, d.currency, d.responsible, d.lossReason,
                MoveView.str(d.sourceDealId), d.channelId, d.source, fields(d), d.inquiryCount, d.stageEnteredAt,
                d.createdAt, d.updatedAt, DealTitles.of(d), d.expectedClose, d.amountManual);
    }

    static JsonNode fields(Deal d) {
        try {
            return d.fields == null ? MAPPER.createObjectNode() : MAPPER.readTree(d.fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
