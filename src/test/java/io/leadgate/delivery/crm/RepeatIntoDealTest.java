package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.amocrm.AmoCrmConnector;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.delivery.crm.CrmJournal.body;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeat-lead mode {@code deal}, scripted: a new lead, converted into a deal, then the client writes again through
 * another channel and the inquiry joins the deal. Each CRM's stub records exactly the expected calls in order, and the
 * repeat inquiry's timeline entry lands on the CRM's record of the deal (Bitrix24 {@code crm.timeline.comment.add}
 * with {@code ENTITY_TYPE} {@code deal}; amoCRM a note on the amoCRM lead that stands for the deal).
 */
@QuarkusTest
@TestProfile(CrmDealRepeatProfile.class)
class RepeatIntoDealTest {

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
        runner.resume(Bitrix24Connector.ID);
        runner.resume(AmoCrmConnector.ID);
        push();
    }

    @Test
    void aRepeatInquiryThatJoinsTheDealIsATimelineEntryOnTheCrmDeal() {
        Map<String, String> pipeline = CrmJournal.pipeline();
        String digits = Api.newMobileDigits();
        String email = "boris." + digits + "@example.com";
        CrmJournal journal = CrmJournal.mark();
        JsonPath lead = Leads.post(digits, "Boris");
        push();
        String deal = CrmJournal.convert(lead.getString("leadId"), pipeline.get("id"));
        push();

        CrmJournal.tilda(digits, email, "Is the contract ready?");
        push();

        String leadId = lead.getString("leadId");
        assertEquals(deal, api().get("/api/leads/" + leadId).then().statusCode(200).extract().path("dealId"));
        assertEquals(List.of("POST batch.json", "POST batch.json", "POST crm.deal.add.json", "POST crm.lead.update.json",
                "POST crm.timeline.comment.add.json", "POST crm.contact.get.json", "POST crm.contact.update.json"),
                journal.calls("/rest/"), "lookup, contact + lead; the deal and the lead converted; the repeat "
                        + "inquiry's comment on the deal and its new email");
        List<LoggedRequest> b24 = journal.since("/rest/");
        JsonNode comment = body(b24.get(4)).path("fields");
        String b24Deal = links.remoteId(Bitrix24Connector.ID, CrmLinks.DEAL, Long.valueOf(deal)).orElseThrow();
        assertEquals("deal", comment.path("ENTITY_TYPE").asText());
        assertEquals(b24Deal, comment.path("ENTITY_ID").asText());
        assertTrue(comment.path("COMMENT").asText().startsWith("Repeat inquiry via webform (tilda)"), comment.toString());
        assertTrue(comment.path("COMMENT").asText().contains("Is the contract ready?"));

        String amoContact = String.valueOf(CrmWireMock.AMO_CONTACT);
        assertEquals(List.of("POST /api/v4/leads/complex", "POST /api/v4/leads/notes", "GET /api/v4/contacts/" + amoContact,
                "PATCH /api/v4/contacts/" + amoContact), journal.calls("/api/v4/"),
                "the lead (the conversion links the deal to the same amoCRM lead, no status configured); the note; the email");
        JsonNode note = body(journal.since("/api/v4/").get(1)).path(0);
        String amoDeal = links.remoteId(AmoCrmConnector.ID, CrmLinks.DEAL, Long.valueOf(deal)).orElseThrow();
        assertEquals(amoDeal, note.path("entity_id").asText());
        assertTrue(note.path("params").path("text").asText().contains("Is the contract ready?"));
    }

    private void push() {
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        runner.drain(AmoCrmConnector.ID);
    }
}
