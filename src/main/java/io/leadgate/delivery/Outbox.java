package io.leadgate.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.jdbc.Rows;
import io.leadgate.jdbc.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes lead events into the outbox, in the caller's transaction, as CloudEvents 1.0 in structured JSON mode.
 * The subject is the contact id, so one client's events can be kept in order by every consumer (the channel id for
 * events about a channel itself).
 */
@ApplicationScoped
public class Outbox implements EventLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INSERT = "insert into outbox_event (id, event_id, type, contact_id, lead_id, inquiry_id, "
            + "channel_id, payload, created_at) values";

    private final EntityManager em;

    Outbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Appends events as {@link #append} does, in one multi-row insert on the transaction's connection, without an
     * entity per event (the write path's way).
     */
    @Override
    public void appendAll(List<Event> events, Instant now) {
        Writes writes = new Writes();
        appendAll(events, now, writes);
        writes.send(em);
    }

    /**
     * As {@link #appendAll(List, Instant)}, the insert added to {@code writes}. Rows the persistence context still
     * holds are flushed first, so the write order ({@code write_seq}, taken at insert) stays the order of the appends.
     * Ids come from the entity's own generator, so they never meet those of {@link #append}.
     */
    public void appendAll(List<Event> events, Instant now, Writes writes) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        Rows.Ids ids = Rows.ids(em, OutboxEvent.class);
        List<Row> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            String eventId = UUID.randomUUID().toString();
            rows.add(new Row(ids.next(), eventId, e, structured(eventId, EventTypes.source(e.channelId()), e.type(),
                    e.contactId() == null ? null : String.valueOf(e.contactId()), now, e.data())));
        }
        writes.addRows(INSERT, 9, rows, "", (values, row) -> values.bigint(row.id()).text(row.eventId())
                .text(row.event().type()).bigintOrNull(row.event().contactId()).bigintOrNull(row.event().leadId())
                .bigintOrNull(row.event().inquiryId()).text(row.event().channelId()).text(row.payload())
                .timestamp(now));
    }

    private record Row(long id, String eventId, Event event, String payload) {
    }

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
        row.payload = structured(row.eventId, EventTypes.source(channelId), type, subject, now, data);
        row.persist();
        return row.eventId;
    }

    /**
     * The event in the CloudEvents 1.0 structured JSON mode, written in one pass: the attributes in the order the
     * SDK's {@code JsonFormat} writes them (specversion, id, source, type, datacontenttype, subject, time) and the
     * data as a JSON value. {@code OutboxTest} checks it against the SDK's serialisation.
     */
    static String structured(String id, String source, String type, String subject, Instant time, JsonNode data) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", "1.0");
            json.writeStringField("id", id);
            json.writeStringField("source", source);
            json.writeStringField("type", type);
            json.writeStringField("datacontenttype", "application/json");
            if (subject != null) {
                json.writeStringField("subject", subject);
            }
            json.writeStringField("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
            json.writeFieldName("data");
            MAPPER.writeTree(json, data == null ? NullNode.getInstance() : data);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("event data cannot be written as JSON", e);
        }
        return out.toString();
    }
}
