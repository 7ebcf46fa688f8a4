package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.contact.Contact;
import io.leadgate.contact.ContactIdentity;
import io.leadgate.contact.IdentityKind;
import io.leadgate.intake.StoredInquiry;
import io.leadgate.lead.Lead;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what a CRM is told about a lead, inside the caller's transaction. */
@ApplicationScoped
public class LeadSnapshots {

    private final ObjectMapper mapper;

    LeadSnapshots(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The lead as it is now; empty when it no longer exists (erased). */
    public Optional<LeadSnapshot> load(long leadId, Long inquiryId) {
        Lead lead = Lead.findById(leadId);
        if (lead == null) {
            return Optional.empty();
        }
        String name = null;
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        if (lead.contactId != null) {
            Contact contact = Contact.findById(lead.contactId);
            name = contact == null ? null : contact.name;
            for (ContactIdentity identity : ContactIdentity.<ContactIdentity>list("contactId = ?1 order by id", lead.contactId)) {
                if (identity.kind == IdentityKind.PHONE) {
                    phones.add(identity.identityValue);
                } else if (identity.kind == IdentityKind.EMAIL && !identity.undeliverable) {
                    emails.add(identity.identityValue);
                }
            }
        }
        String subject = null;
        String text = null;
        StoredInquiry inquiry = inquiryId == null ? null : StoredInquiry.findById(inquiryId);
        if (inquiry != null && inquiry.item != null) {
            JsonNode item = read(inquiry.item);
            subject = textOf(item.get("subject"));
            text = textOf(item.get("text"));
        }
        Map<String, String> utm = new LinkedHashMap<>();
        if (lead.attribution != null) {
            read(lead.attribution).fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("utm_") && e.getValue().isTextual()) {
                    utm.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return Optional.of(new LeadSnapshot(lead.id, lead.contactId, name, List.copyOf(phones), List.copyOf(emails),
                lead.source, lead.channelId, subject, text, Map.copyOf(utm)));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
