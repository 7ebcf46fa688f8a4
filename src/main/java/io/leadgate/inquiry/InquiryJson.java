package io.leadgate.inquiry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The JSON shape of an inquiry item (CONTRACT §4), used by preview, storage, the read API and lead events alike.
 * Absent values are null or empty lists, never invented.
 */
public final class InquiryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> STANDARD_UTM = List.of("utm_source", "utm_medium", "utm_campaign",
            "utm_content", "utm_term");

    private InquiryJson() {
    }

    public static ObjectNode toJson(Inquiry i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", i.kind().code());
        n.put("reason", Reason.codeOf(i.reason()));
        n.put("channel", i.channel().code());
        n.put("provider", i.provider());
        n.put("externalId", i.externalId());
        n.put("occurredAt", i.occurredAt() == null ? null : i.occurredAt().toString());
        n.set("contact", contact(i.contact()));
        n.put("subject", i.subject());
        n.put("text", i.text());
        n.set("attribution", attribution(i.attribution()));
        ArrayNode attachments = n.putArray("attachments");
        for (Attachment a : i.attachments()) {
            ObjectNode an = attachments.addObject();
            an.put("name", a.name());
            an.put("contentType", a.contentType());
            an.put("size", a.size());
            an.put("ref", a.ref());
            if (a.content() != null) {
                an.put("stored", true); // GET /api/inquiries/{id}/attachments/{position}
            }
        }
        ObjectNode thread = n.putObject("thread");
        strings(thread.putArray("inReplyTo"), i.thread().inReplyTo());
        strings(thread.putArray("references"), i.thread().references());
        if (i.call() == null) {
            n.putNull("call");
        } else {
            ObjectNode call = n.putObject("call");
            call.put("callId", i.call().callId());
            call.put("direction", i.call().direction() == null ? null : i.call().direction().code());
            call.put("event", i.call().event());
            call.put("missed", i.call().missed());
            call.put("phase", i.call().phase() == null ? null : i.call().phase().code());
            call.put("answeredBy", i.call().answeredBy() == null ? null : i.call().answeredBy().code());
            call.put("durationSeconds", i.call().durationSeconds());
            call.put("recordingUrl", i.call().recordingUrl());
            call.put("line", i.call().line());
        }
        ObjectNode extra = n.putObject("extra");
        i.extra().forEach(extra::put);
        return n;
    }

    public static ObjectNode contact(ContactInfo c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", c.name());
        strings(n.putArray("phones"), c.phones());
        strings(n.putArray("rawPhones"), c.rawPhones());
        strings(n.putArray("emails"), c.emails());
        ArrayNode handles = n.putArray("handles");
        for (Handle h : c.handles()) {
            ObjectNode hn = handles.addObject();
            hn.put("provider", h.provider());
            hn.put("id", h.id());
            hn.put("username", h.username());
        }
        n.put("company", c.company());
        return n;
    }

    public static ObjectNode attribution(Attribution a) {
        ObjectNode n = visit(a.utm(), a.clickIds(), a.referrer(), a.landingPage());
        if (a.ad().isEmpty()) {
            n.putNull("ad");
        } else {
            ObjectNode ad = n.putObject("ad");
            for (Map.Entry<String, String> e : a.ad().entrySet()) {
                ad.put(e.getKey(), e.getValue());
            }
        }
        touches(n, a);
        return n;
    }

    /** {@code firstTouch} / {@code lastTouch}: present only when the submission carried them (the website snippet). */
    private static void touches(ObjectNode n, Attribution a) {
        if (a.firstTouch() != null) {
            n.set("firstTouch", touch(a.firstTouch()));
        }
        if (a.lastTouch() != null) {
            n.set("lastTouch", touch(a.lastTouch()));
        }
    }

    private static ObjectNode touch(Attribution.Touch t) {
        ObjectNode n = visit(t.utm(), t.clickIds(), t.referrer(), t.landingPage());
        n.put("at", t.at() == null ? null : t.at().toString());
        return n;
    }

    private static ObjectNode visit(Map<String, String> utm, Map<String, String> ids, String referrer, String landing) {
        ObjectNode n = MAPPER.createObjectNode();
        for (String key : STANDARD_UTM) {
            n.put(key, utm.get(key));
        }
        utm.forEach((k, v) -> {
            if (!STANDARD_UTM.contains(k)) {
                n.put(k, v);
            }
        });
        ObjectNode clickIds = n.putObject("clickIds");
        ids.forEach(clickIds::put);
        n.put("referrer", referrer);
        n.put("landingPage", landing);
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
