package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.contact.Contact;
import io.leadgate.contact.ContactIdentity;
import io.leadgate.contact.IdentityKind;
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
    private final InquiryTexts inquiries;

    LeadSnapshots(ObjectMapper mapper, InquiryTexts inquiries) {
        this.mapper = mapper;
        this.inquiries = inquiries;
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
        InquiryTexts.Text inquiry = inquiryId == null ? null : inquiries.of(inquiryId).orElse(null);
        String subject = inquiry == null ? null : inquiry.subject();
        String text = inquiry == null ? null : inquiry.text();
        Map<String, String> utm = new LinkedHashMap<>();
        if (lead.attribution != null) {
            read(lead.attribution).fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("utm_") && e.getValue().isTextual()) {
                    utm.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return Optional.of(new LeadSnapshot(lead.id, lead.contactId, name, List.copyOf(phones), List.copyOf(emails),
                lead.source, lead.channelId, subject, text, Map.copyOf(utm), lead.responsible,
                inquiry == null ? null : inquiry.family(), inquiry == null ? null : inquiry.call()));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
