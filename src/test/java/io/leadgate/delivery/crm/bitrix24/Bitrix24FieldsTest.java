package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.delivery.crm.LeadSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bitrix24 request shapes and answers, without a portal. */
class Bitrix24FieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LeadSnapshot lead = new LeadSnapshot(42, 7L, "Анна", List.of("+79161234567"), List.of("anna@example.com"),
            "website", "form", null, "Call me & soon", Map.of("utm_source", "google"), null, "webform");

    @Test
    void batchCommandsUseBracketNotationWithEncodedValues() {
        String command = Bitrix24Query.command("crm.duplicate.findbycomm", Bitrix24Fields.findContacts("PHONE", lead.phones()));
        assertEquals("crm.duplicate.findbycomm?entity_type=CONTACT&type=PHONE&values[0]=%2B79161234567", command);
        String add = Bitrix24Query.command("crm.lead.add", Bitrix24Fields.leadAdd(lead, "lead", "$result[contact]"));
        assertEquals(true, add.contains("&fields[CONTACT_ID]=%24result%5Bcontact%5D&"), add);
        assertEquals(true, add.contains("fields[COMMENTS]=Call+me+%26+soon"), add);
        assertEquals(true, add.contains("fields[NAME]=%D0%90%D0%BD%D0%BD%D0%B0"), add);
        assertEquals(true, add.endsWith("&params[REGISTER_SONET_EVENT]=Y"), add);
    }

    @Test
    void aDealCarriesNoPersonFieldsOnlyTheContact() {
        JsonNode fields = Bitrix24Fields.leadAdd(lead, "deal", "12").path("fields");
        assertFalse(fields.has("NAME") || fields.has("PHONE") || fields.has("EMAIL") || fields.has("STATUS_ID"));
        assertEquals("12", fields.path("CONTACT_ID").asText());
        assertEquals("42", fields.path("ORIGIN_ID").asText());
        assertEquals("google", fields.path("UTM_SOURCE").asText());
    }

    @Test
    void theOldestMatchingContactIsChosenAndEmptyAnswersAreArrays() throws Exception {
        JsonNode phone = JSON.readTree("{\"CONTACT\":[77,12]}");
        JsonNode email = JSON.readTree("{\"LEAD\":[3],\"CONTACT\":[40]}");
        assertEquals(Optional.of("12"), Bitrix24Connector.oldest(phone, email));
        assertEquals(Optional.empty(), Bitrix24Connector.oldest(JSON.readTree("[]"), JSON.readTree("[]")));
    }
}
