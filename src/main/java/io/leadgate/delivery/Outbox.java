package io.leadgate.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes lead events into the outbox, in the caller's transaction, as CloudEvents 1.0 in structured JSON mode.
 * The subject is the contact id, so one client's events can be kept in order by every consumer (the channel id for
 * events about a channel itself).
 */
@ApplicationScoped
public class Outbox implements EventLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    @Override
    public String append(String type, String channelId, Long contactId, Long leadId, Long inquiryId,
                         JsonNode data, Instant now) {
        return write(type, channelId, contactId, leadId, inquiryId,
                contactId == null ? null : String.valueOf(contactId), data, now);
    }

    @Override
    public String appendChannelEvent(String type, String channelId, JsonNode data, Instant now) {
        return write(type, channelId, null, null, null, channelId, data, now);
    }

    private String write(String type, String channelId, Long contactId, Long leadId, Long inquiryId, String subject,
                         JsonNode data, Instant now) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID().toString();
        row.type = type;
        row.channelId = channelId;
        row.contactId = contactId;
        row.leadId = leadId;
        row.inquiryId = inquiryId;
        row.createdAt = now;
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(row.eventId)
                    .withSource(URI.create(EventTypes.source(channelId)))
                    .withType(type)
                    .withSubject(subject)
                    .withTime(now.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(MAPPER.writeValueAsBytes(data))
                    .build();
            row.payload = new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON", e);
        }
        row.persist();
        return row.eventId;
    }
}
