package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.crm.LeadSnapshot;

import java.util.List;
import java.util.Locale;

/**
 * The fields of the Bitrix24 records a lead becomes (https://apidocs.bitrix24.com/api-reference/crm/leads/crm-lead-add.html,
 * crm-contact-add, crm-deal-add): multi-fields as {@code [{VALUE, VALUE_TYPE}]}; {@code ORIGINATOR_ID}/{@code
 * ORIGIN_ID} name Leadgate's lead, so a create whose answer was lost can be found again. Pure.
 */
public final class Bitrix24Fields {

    /** {@code ORIGINATOR_ID} of every record Leadgate creates. */
    public static final String ORIGINATOR = "leadgate";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term");

    private Bitrix24Fields() {
    }

    /** {@code {"fields": …}} of {@code crm.contact.add}. */
    public static ObjectNode contactAdd(LeadSnapshot lead) {
        ObjectNode params = MAPPER.createObjectNode();
        ObjectNode fields = params.putObject("fields");
        if (lead.name() != null) {
            fields.put("NAME", lead.name());
        }
        multi(fields, "PHONE", lead.phones());
        multi(fields, "EMAIL", lead.emails());
        fields.put("SOURCE_DESCRIPTION", lead.source());
        fields.put("ORIGINATOR_ID", ORIGINATOR);
        fields.put("ORIGIN_ID", "contact-" + lead.contactId());
        return params;
    }

    /**
     * {@code {"fields": …, "params": …}} of {@code crm.lead.add} or {@code crm.deal.add}; {@code contactId} is the
     * Bitrix24 contact id or a {@code $result[…]} macro, null for none. With a contact Bitrix24 marks the lead as a
     * returning client's.
     */
    public static ObjectNode leadAdd(LeadSnapshot lead, String entity, String contactId) {
        ObjectNode params = MAPPER.createObjectNode();
        ObjectNode fields = params.putObject("fields");
        fields.put("TITLE", lead.title());
        if ("lead".equals(entity)) {
            if (lead.name() != null) {
                fields.put("NAME", lead.name());
            }
            fields.put("STATUS_ID", "NEW");
            multi(fields, "PHONE", lead.phones());
            multi(fields, "EMAIL", lead.emails());
        }
        fields.put("OPENED", "Y");
        if (contactId != null) {
            fields.put("CONTACT_ID", contactId);
        }
        if (lead.comment() != null) {
            fields.put("COMMENTS", lead.comment());
        }
        fields.put("SOURCE_DESCRIPTION", lead.source());
        for (String key : UTM) {
            String value = lead.utm().get(key);
            if (value != null) {
                fields.put(key.toUpperCase(Locale.ROOT), value);
            }
        }
        fields.put("ORIGINATOR_ID", ORIGINATOR);
        fields.put("ORIGIN_ID", String.valueOf(lead.leadId()));
        params.putObject("params").put("REGISTER_SONET_EVENT", "Y");
        return params;
    }

    /** {@code crm.lead.list} / {@code crm.deal.list} parameters finding the record made for a Leadgate lead. */
    public static ObjectNode findByOrigin(long leadId) {
        ObjectNode params = MAPPER.createObjectNode();
        ObjectNode filter = params.putObject("filter");
        filter.put("ORIGINATOR_ID", ORIGINATOR);
        filter.put("ORIGIN_ID", String.valueOf(leadId));
        params.putArray("select").add("ID");
        return params;
    }

    /** {@code crm.duplicate.findbycomm} parameters: contacts holding any of these phones or emails (at most 20). */
    public static ObjectNode findContacts(String type, List<String> values) {
        ObjectNode params = MAPPER.createObjectNode();
        params.put("entity_type", "CONTACT");
        params.put("type", type);
        ArrayNode array = params.putArray("values");
        values.stream().limit(20).forEach(array::add);
        return params;
    }

    private static void multi(ObjectNode fields, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode array = fields.putArray(name);
        for (String value : values) {
            array.addObject().put("VALUE", value).put("VALUE_TYPE", "WORK");
        }
    }
}
