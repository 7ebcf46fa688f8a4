package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.delivery.crm.InquiryTexts;
import io.leadgate.delivery.crm.LeadSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** amoCRM request bodies, without an account. */
class AmoCrmPayloadTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static LeadSnapshot lead(String kind) {
        return new LeadSnapshot(42, 7L, "Анна", List.of("+79161234567"), List.of("anna@example.com"), "website", "form",
                "Quote", "Call me", Map.of("utm_source", "google", "utm_campaign", "spring"), "anna", kind);
    }

    @Test
    void theUnsortedCategoryFollowsTheChannel() {
        assertEquals("sip", AmoCrmPayload.unsortedCategory("phone"));
        assertEquals("forms", AmoCrmPayload.unsortedCategory("email"), "amoCRM's API creates no mail Incoming leads");
        assertEquals("forms", AmoCrmPayload.unsortedCategory("webform"));
        assertEquals("forms", AmoCrmPayload.unsortedCategory("messenger"));
        assertEquals("forms", AmoCrmPayload.unsortedCategory(null));
    }

    @Test
    void anUnsortedFormCarriesTheMarkerAsSourceUidAndTheLeadAndContact() {
        JsonNode item = AmoCrmPayload.unsorted(lead("webform"), "forms", null, 7012345L, NOW).get(0);
        assertEquals("leadgate-42", item.path("source_uid").asText());
        assertEquals(NOW.getEpochSecond(), item.path("created_at").asLong());
        assertEquals(7012345L, item.path("pipeline_id").asLong());
        assertEquals("form", item.path("metadata").path("form_id").asText());
        assertEquals(NOW.getEpochSecond(), item.path("metadata").path("form_sent_at").asLong());
        JsonNode lead = item.path("_embedded").path("leads").path(0);
        assertTrue(AmoCrmPayload.carries(lead, "leadgate-42"), "found again by the leads search after a lost answer");
        assertEquals("UTM_SOURCE", lead.path("custom_fields_values").path(0).path("field_code").asText());
        JsonNode contact = item.path("_embedded").path("contacts").path(0);
        assertEquals("Анна", contact.path("name").asText());
        assertEquals("PHONE", contact.path("custom_fields_values").path(0).path("field_code").asText());
    }

    @Test
    void aCallGoesToUnsortedSipFromTheCallerToTheLineWithTheCallsFacts() {
        LeadSnapshot l = lead("phone");
        LeadSnapshot call = new LeadSnapshot(l.leadId(), l.contactId(), l.name(), l.phones(), l.emails(), l.source(),
                l.channelId(), l.subject(), l.text(), l.utm(), l.responsible(), "phone",
                new InquiryTexts.Call("mango-77", "+74951234567", 42L, "https://rec.example/77.mp3"));
        JsonNode item = AmoCrmPayload.unsorted(call, "sip", "18429", null, NOW).get(0);
        JsonNode metadata = item.path("metadata");
        assertEquals("mango-77", metadata.path("uniq").asText());
        assertEquals("+79161234567", metadata.path("from").asText(), "who called");
        assertEquals("+74951234567", metadata.path("phone").asText(), "the line that was called");
        assertEquals(42, metadata.path("duration").asInt());
        assertEquals("https://rec.example/77.mp3", metadata.path("link").asText());
        assertEquals("leadgate", metadata.path("service_code").asText());
        assertTrue(metadata.path("is_call_event_needed").asBoolean());
        assertEquals(NOW.getEpochSecond(), metadata.path("called_at").asLong());
        assertEquals("leadgate-42", item.path("source_uid").asText());
        assertEquals(18429, item.path("_embedded").path("contacts").path(0).path("id").asLong());
    }

    @Test
    void aCallWithoutCallFactsUsesTheMarkerAndTheCallersNumber() {
        JsonNode metadata = AmoCrmPayload.unsorted(lead("phone"), "sip", "18429", null, NOW).get(0).path("metadata");
        assertEquals("+79161234567", metadata.path("phone").asText());
        assertEquals("leadgate-42", metadata.path("uniq").asText());
        assertEquals(0, metadata.path("duration").asInt());
        assertTrue(metadata.path("link").isMissingNode());
    }

    @Test
    void anEmailGoesToUnsortedFormsNamedAsAnEmail() {
        JsonNode metadata = AmoCrmPayload.unsorted(lead("email"), AmoCrmPayload.unsortedCategory("email"), null, null, NOW)
                .get(0).path("metadata");
        assertEquals("Email: Quote <anna@example.com>", metadata.path("form_name").asText());
        assertEquals("form", metadata.path("form_id").asText());
        assertEquals(NOW.getEpochSecond(), metadata.path("form_sent_at").asLong());
    }

    @Test
    void aKnownClientIsEmbeddedByIdWithTheMappedManager() {
        JsonNode item = AmoCrmPayload.complex(lead("webform"), "18429", null, 5123456L).get(0);
        assertEquals(18429, item.path("_embedded").path("contacts").path(0).path("id").asLong());
        assertEquals(5123456L, item.path("responsible_user_id").asLong());
        assertEquals(2, item.path("custom_fields_values").size(), "utm_source and utm_campaign");
    }
}
