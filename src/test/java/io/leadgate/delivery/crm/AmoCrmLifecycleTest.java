package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.amocrm.AmoCrmConnector;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadgate.delivery.crm.CrmJournal.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lead's whole life told to amoCRM, against WireMock answering with the documented shapes (fixtures/crm/amocrm):
 * the stub records exactly the expected calls, in order. amoCRM's lead is Leadgate's lead and deal at once.
 */
@QuarkusTest
@TestProfile(CrmConnectorsProfile.class)
class AmoCrmLifecycleTest {

    private static final String API = "/api/v4/";

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;

    @BeforeEach
    void quiet() {
        push();
    }

    @AfterEach
    void cleanUp() {
        runner.resume(AmoCrmConnector.ID);
        push();
    }

    @Test
    void newLeadRepeatInquiryConversionMoveAndWinReachAmoCrmAsExactlyTheseCalls() {
        CrmJournal.Life life = CrmJournal.live(this::push);
        CrmJournal journal = life.journal();
        String deal = life.deal();
        String email = life.email();

        String amoLead = String.valueOf(CrmWireMock.AMO_LEAD);
        String amoContact = String.valueOf(CrmWireMock.AMO_CONTACT);
        assertEquals(List.of("POST /api/v4/leads/complex", "POST /api/v4/leads/notes", "GET /api/v4/contacts/" + amoContact,
                "PATCH /api/v4/contacts/" + amoContact, "PATCH /api/v4/leads/" + amoLead), journal.calls(API),
                "the lead; the repeat inquiry's note and new email; won (the conversion links the deal to the same amoCRM "
                        + "lead, and no status is configured for it or for the unmapped in-progress stage)");
        List<LoggedRequest> sent = journal.since(API);
        JsonNode complex = body(sent.get(0)).path(0);
        assertTrue(complex.path("custom_fields_values").toString().contains("\"field_code\":\"UTM_SOURCE\""),
                "the UTM tag in amoCRM's tracking field");
        JsonNode note = body(sent.get(1)).path(0);
        assertEquals(CrmWireMock.AMO_LEAD, note.path("entity_id").asInt());
        assertEquals("common", note.path("note_type").asText());
        assertTrue(note.path("params").path("text").asText().contains("Any news on my quote?"));
        JsonNode fields = body(sent.get(3)).path("custom_fields_values");
        assertEquals(1, fields.size(), "only the email field changes");
        assertEquals("EMAIL", fields.path(0).path("field_code").asText());
        assertEquals(email, fields.path(0).path("values").path(0).path("value").asText());
        assertEquals(142, body(sent.get(4)).path("status_id").asInt(), "amoCRM's won status");
        assertEquals(amoLead, links.remoteId(AmoCrmConnector.ID, CrmLinks.DEAL, Long.valueOf(deal)).orElseThrow());
    }

    @Test
    void junkClosesTheAmoCrmLeadAsNotRealisedWithTheReasonInANote() {
        JsonPath lead = Leads.post(Api.newMobileDigits(), "Spam Bot");
        push();
        CrmJournal journal = CrmJournal.mark();

        CrmJournal.junk(lead.getString("leadId"), "spam");
        push();

        assertEquals(List.of("PATCH /api/v4/leads/" + CrmWireMock.AMO_LEAD, "POST /api/v4/leads/notes"), journal.calls(API));
        List<LoggedRequest> sent = journal.since(API);
        assertEquals(143, body(sent.get(0)).path("status_id").asInt());
        assertTrue(body(sent.get(1)).path(0).path("params").path("text").asText().startsWith("Junk: spam"));
    }

    private Step push() {
        sequencer.sequence();
        return runner.drain(AmoCrmConnector.ID);
    }
}
