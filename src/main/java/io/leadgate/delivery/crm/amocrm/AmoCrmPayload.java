package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.crm.LeadSnapshot;

import java.util.List;

/**
 * The body of {@code POST /api/v4/leads/complex} (https://www.amocrm.ru/developers/content/crm_platform/leads-api#leads-complex-add):
 * an array of leads, each with its contact embedded — by id for a client the CRM already knows, else as a new
 * contact with {@code PHONE}/{@code EMAIL} fields by {@code field_code} (amoCRM's duplicate control may then merge
 * it into an existing one). The lead's name ends with its {@link #marker}, so a create whose answer was lost can be
 * found again. Pure.
 */
public final class AmoCrmPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AmoCrmPayload() {
    }

    public static ArrayNode complex(LeadSnapshot lead, String remoteContactId, Long pipelineId) {
        ArrayNode body = MAPPER.createArrayNode();
        ObjectNode item = body.addObject();
        item.put("name", lead.title() + " [" + marker(lead.leadId()) + "]");
        if (pipelineId != null) {
            item.put("pipeline_id", pipelineId);
        }
        ObjectNode embedded = item.putObject("_embedded");
        embedded.putArray("tags").addObject().put("name", "leadgate");
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
        return body;
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
