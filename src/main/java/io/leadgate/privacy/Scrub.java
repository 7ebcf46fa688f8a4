package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pure scrubbing of stored JSON: what stays after erasure is what anonymous counts need (channel, provider, kind,
 * reason, timestamps, campaign-level attribution); names, numbers, addresses, handles, texts, click ids, URLs,
 * attachment names and extra form fields go.
 */
public final class Scrub {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CALL_KEPT = List.of("callId", "direction", "event", "missed", "phase", "answeredBy",
            "durationSeconds", "line");

    private Scrub() {
    }

    /** An inquiry item (CONTRACT §4 shape) without personal data. */
    public static ObjectNode item(JsonNode original) {
        ObjectNode item = original.deepCopy();
        item.put("externalId", (String) null);
        ObjectNode contact = item.putObject("contact");
        contact.putNull("name");
        contact.putArray("phones");
        contact.putArray("rawPhones");
        contact.putArray("emails");
        contact.putArray("handles");
        contact.putNull("company");
        item.putNull("subject");
        item.putNull("text");
        if (original.hasNonNull("attribution")) {
            item.set("attribution", attribution(original.get("attribution")));
        }
        if (original.path("attachments").isArray()) {
            for (JsonNode a : item.withArray("attachments")) {
                ((ObjectNode) a).putNull("name");
                ((ObjectNode) a).putNull("ref");
            }
        }
        ObjectNode thread = item.putObject("thread");
        thread.putArray("inReplyTo");
        thread.putArray("references");
        if (original.path("call").isObject()) {
            ObjectNode call = item.putObject("call");
            CALL_KEPT.forEach(k -> call.set(k, original.get("call").get(k)));
            call.putNull("recordingUrl");
        }
        item.putObject("extra");
        item.put("erased", true);
        return item;
    }

    /** Attribution keeps the campaign (utm_* and the ad) and loses click ids, referrer and landing page. */
    public static ObjectNode attribution(JsonNode original) {
        ObjectNode kept = MAPPER.createObjectNode();
        if (original == null || !original.isObject()) {
            return kept;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("utm_") || field.getKey().equals("ad")) {
                kept.set(field.getKey(), field.getValue());
            }
        }
        kept.putObject("clickIds");
        kept.putNull("referrer");
        kept.putNull("landingPage");
        return kept;
    }

    /** A stored attribution column; null stays null. */
    public static String attributionText(String json) {
        return json == null ? null : attribution(read(json)).toString();
    }

    /** An inquiry's resolution keeps only the decision, not the identities that matched. */
    public static String resolution(String json) {
        if (json == null) {
            return null;
        }
        ObjectNode kept = MAPPER.createObjectNode();
        kept.set("decision", read(json).get("decision"));
        return kept.toString();
    }

    /** A stored CloudEvent keeps its envelope (id, type, source, subject, time) and loses its data. */
    public static String event(String payload) {
        JsonNode event = read(payload);
        if (!event.isObject()) {
            return "{}";
        }
        ObjectNode kept = ((ObjectNode) event).deepCopy();
        kept.remove("data_base64");
        kept.putObject("data").put("erased", true);
        return kept.toString();
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }
}
