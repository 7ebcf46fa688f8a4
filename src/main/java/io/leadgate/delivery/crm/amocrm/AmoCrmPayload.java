package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.crm.InquiryTexts;
import io.leadgate.delivery.crm.LeadSnapshot;

import java.util.List;

/**
 * The body of {@code POST /api/v4/leads/complex} (https://www.amocrm.ru/developers/content/crm_platform/leads-api#leads-complex-add):
 * an array of leads, each with its contact embedded — by id for a client the CRM already knows, else as a new
 * contact with {@code PHONE}/{@code EMAIL} fields by {@code field_code} (amoCRM's duplicate control may then merge
 * it into an existing one). The lead's name ends with its {@link #marker}, so a create whose answer was lost can be
 * found again; the UTM tags go into amoCRM's tracking fields by {@code field_code}. Pure.
 */
public final class AmoCrmPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** amoCRM's tracking fields ({@code field_code} UTM_SOURCE … UTM_TERM). */
    private static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term");

    private AmoCrmPayload() {
    }

    public static ArrayNode complex(LeadSnapshot lead, String remoteContactId, Long pipelineId, Long responsibleUserId) {
        ArrayNode body = MAPPER.createArrayNode();
        ObjectNode item = body.addObject();
        lead(item, lead, pipelineId, responsibleUserId);
        ObjectNode embedded = item.putObject("_embedded");
        embedded.putArray("tags").addObject().put("name", "leadgate");
        contacts(embedded, lead, remoteContactId);
        return body;
    }

    /**
     * The channel's Unsorted category: {@code sip} for calls, {@code forms} for the rest, email included. amoCRM's API
     * creates only these two; its {@code mail} and {@code chats} Incoming leads come from its own mail and chat
     * integrations and cannot be added through the API
     * (https://www.amocrm.ru/developers/content/crm_platform/unsorted-api, "Общая информация").
     */
    public static String unsortedCategory(String channelKind) {
        return "phone".equals(channelKind) ? "sip" : "forms";
    }

    /**
     * The body of {@code POST /api/v4/leads/unsorted/{category}}
     * (https://www.amocrm.ru/developers/content/crm_platform/unsorted-api#unsorted-add): one incoming lead with its
     * lead and contact, {@code source_uid} the lead's marker and {@code metadata} as the category asks. {@code sip}:
     * {@code uniq} (the provider's call id, else the marker), {@code from} (who called), {@code phone} (the company's
     * line that was called; the caller's number when the line is unknown), {@code called_at}, {@code duration},
     * {@code link} (the recording, when there is an http(s) one), {@code service_code}, {@code is_call_event_needed}.
     * {@code forms}: {@code form_id}, {@code form_name}, {@code form_page}, {@code form_sent_at}; an email is a form
     * whose name says so.
     */
    public static ArrayNode unsorted(LeadSnapshot lead, String category, String remoteContactId, Long pipelineId,
                                     java.time.Instant now) {
        ArrayNode body = MAPPER.createArrayNode();
        ObjectNode item = body.addObject();
        item.put("source_name", "Leadgate: " + lead.source());
        item.put("source_uid", marker(lead.leadId()));
        item.put("created_at", now.getEpochSecond());
        if (pipelineId != null) {
            item.put("pipeline_id", pipelineId);
        }
        ObjectNode metadata = item.putObject("metadata");
        String phone = lead.phones().isEmpty() ? null : lead.phones().get(0);
        String email = lead.emails().isEmpty() ? null : lead.emails().get(0);
        switch (category) {
            case "sip" -> {
                InquiryTexts.Call call = lead.call();
                String caller = phone == null ? "" : phone;
                metadata.put("is_call_event_needed", true);
                metadata.put("uniq", call != null && call.callId() != null ? call.callId() : marker(lead.leadId()));
                metadata.put("duration", call != null && call.durationSeconds() != null ? call.durationSeconds() : 0);
                metadata.put("service_code", "leadgate");
                if (call != null && call.recordingUrl() != null && (call.recordingUrl().startsWith("https://")
                        || call.recordingUrl().startsWith("http://"))) {
                    metadata.put("link", call.recordingUrl());
                }
                metadata.put("phone", call != null && call.line() != null ? call.line() : caller);
                metadata.put("called_at", now.getEpochSecond());
                metadata.put("from", caller);
            }
            default -> {
                boolean mail = "email".equals(lead.channelKind());
                metadata.put("form_id", lead.channelId() == null ? "leadgate" : lead.channelId());
                metadata.put("form_name", mail ? "Email: " + (lead.subject() == null ? lead.source()
                        : truncate(lead.subject(), 200)) + (email == null ? "" : " <" + email + ">") : lead.source());
                metadata.put("form_page", lead.channelId() == null ? "leadgate" : lead.channelId());
                metadata.put("form_sent_at", now.getEpochSecond());
            }
        }
        ObjectNode embedded = item.putObject("_embedded");
        lead(embedded.putArray("leads").addObject(), lead, pipelineId, null);
        contacts(embedded, lead, remoteContactId);
        return body;
    }

    private static void lead(ObjectNode item, LeadSnapshot lead, Long pipelineId, Long responsibleUserId) {
        item.put("name", lead.title() + " [" + marker(lead.leadId()) + "]");
        if (pipelineId != null) {
            item.put("pipeline_id", pipelineId);
        }
        if (responsibleUserId != null) {
            item.put("responsible_user_id", responsibleUserId);
        }
        ArrayNode fields = MAPPER.createArrayNode();
        for (String key : UTM) {
            String value = lead.utm().get(key);
            if (value != null) {
                fields.addObject().put("field_code", key.toUpperCase(java.util.Locale.ROOT))
                        .putArray("values").addObject().put("value", value);
            }
        }
        if (!fields.isEmpty()) {
            item.set("custom_fields_values", fields);
        }
    }

    private static void contacts(ObjectNode embedded, LeadSnapshot lead, String remoteContactId) {
        if (remoteContactId != null) {
            embedded.putArray("contacts").addObject().put("id", Long.parseLong(remoteContactId));
        } else if (lead.contactId() != null) {
            ObjectNode contact = embedded.putArray("contacts").addObject();
            contact.put("name", lead.name() != null ? lead.name()
                    : !lead.phones().isEmpty() ? lead.phones().get(0) : !lead.emails().isEmpty() ? lead.emails().get(0) : "—");
            ArrayNode fields = contact.putArray("custom_fields_values");
            field(fields, "PHONE", lead.phones());
            field(fields, "EMAIL", lead.emails());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The marker a pushed lead carries in its name, unique per gateway lead: found again by amoCRM's search. */
    public static String marker(long leadId) {
        return "leadgate-" + leadId;
    }

    /** True when an amoCRM lead (as the leads list answers it) carries exactly this marker. */
    public static boolean carries(com.fasterxml.jackson.databind.JsonNode lead, String marker) {
        return lead.path("name").asText("").endsWith("[" + marker + "]");
    }

    private static void field(ArrayNode fields, String code, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ObjectNode field = fields.addObject();
        field.put("field_code", code);
        ArrayNode array = field.putArray("values");
        for (String value : values) {
            array.addObject().put("value", value).put("enum_code", "WORK");
        }
    }
}
