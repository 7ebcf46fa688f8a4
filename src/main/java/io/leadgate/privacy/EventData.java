package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.delivery.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Lead events about the contact (subject = contact id, or about one of the contact's leads). Erasure keeps each
 * CloudEvent's envelope, so the feed keeps its cursors and counts, and replaces its data by {@code {"erased":true}}.
 */
@ApplicationScoped
public class EventData implements PersonalData {

    private final ObjectMapper mapper;

    EventData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static List<OutboxEvent> of(long contactId) {
        return OutboxEvent.<OutboxEvent>find("contactId = ?1 or leadId in (select l.id from Lead l where l.contactId = ?1) "
                + "order by id", contactId).list();
    }

    @Override
    public String section() {
        return "events";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        for (OutboxEvent e : of(contactId)) {
            array.addObject()
                    .put("cursor", e.feedPosition == null ? null : String.valueOf(e.feedPosition))
                    .put("createdAt", e.createdAt.toString())
                    .set("event", Scrub.read(e.payload));
        }
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<OutboxEvent> events = of(contactId);
        events.forEach(e -> e.payload = Scrub.event(e.payload));
        return events.size();
    }
}
