package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.call.CallRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** The contact's call records: the client's number and the recording link go; times and outcome stay. */
@ApplicationScoped
public class CallData implements PersonalData {

    private final ObjectMapper mapper;

    CallData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static List<CallRecord> of(long contactId) {
        return CallRecord.<CallRecord>find("contactId = ?1 or leadId in (select l.id from Lead l where l.contactId = ?1) "
                + "order by id", contactId).list();
    }

    @Override
    public String section() {
        return "calls";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        for (CallRecord r : of(contactId)) {
            array.addObject()
                    .put("id", String.valueOf(r.id))
                    .put("channelId", r.channelId)
                    .put("callId", r.callId)
                    .put("direction", r.direction)
                    .put("customer", r.customer)
                    .put("line", r.line)
                    .put("leadId", r.leadId == null ? null : String.valueOf(r.leadId))
                    .put("startedAt", text(r.startedAt))
                    .put("answeredAt", text(r.answeredAt))
                    .put("endedAt", text(r.endedAt))
                    .put("answeredBy", r.answeredBy)
                    .put("durationSeconds", r.durationSeconds)
                    .put("recordingUrl", r.recordingUrl)
                    .put("missed", r.missed)
                    .put("events", r.events);
        }
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<CallRecord> calls = of(contactId);
        for (CallRecord r : calls) {
            r.customer = null;
            r.recordingUrl = null;
        }
        return calls.size();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
