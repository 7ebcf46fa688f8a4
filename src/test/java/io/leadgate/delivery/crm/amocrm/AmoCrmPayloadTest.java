package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
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
        assertEquals("mail", AmoCrmPayload.unsortedCategory("email"));
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
    void aCallGoesToUnsortedSipWithTheCallersNumber() {
        JsonNode metadata = AmoCrmPayload.unsorted(lead("phone"), "sip", "18429", null, NOW).get(0).path("metadata");
        assertEquals("+79161234567", metadata.path("phone").asText());
        assertEquals("leadgate-42", metadata.path("uniq").asText());
        assertEquals(NOW.getEpochSecond(), metadata.path("called_at").asLong());
    }

    @Test
    void aKnownClientIsEmbeddedByIdWithTheMappedManager() {
        JsonNode item = AmoCrmPayload.complex(lead("webform"), "18429", null, 5123456L).get(0);
        assertEquals(18429, item.path("_embedded").path("contacts").path(0).path("id").asLong());
        assertEquals(5123456L, item.path("responsible_user_id").asLong());
        assertEquals(2, item.path("custom_fields_values").size(), "utm_source and utm_campaign");
    }
}
