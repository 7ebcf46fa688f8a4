package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.leadgate.delivery.crm.CrmJournal.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversion of a lead that Bitrix24 holds as a lead carrying the client's data (lead mode, {@code contacts=when-needed},
 * as shipped: {@link CrmBatchProfile}): the client has no Bitrix24 contact yet, and a deal needs one. The connector
 * looks for it ({@code crm.duplicate.findbycomm} by the phone, in a read-only {@code batch}), creates it ({@code
 * crm.contact.add}), adds the deal naming it and the lead it came from ({@code crm.deal.add} with {@code CONTACT_ID} and
 * {@code LEAD_ID}), and marks the lead converted ({@code crm.lead.update}). Shapes: apidocs.bitrix24.com, crm-deal-add,
 * crm-contact-add, crm-duplicate-findbycomm, crm-lead-update; answers from fixtures/crm/bitrix24.
 */
@QuarkusTest
@TestProfile(CrmBatchProfile.class)
class Bitrix24LeadModeConvertTest {

    private static final String REST = "/rest/";

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;

    @BeforeEach
    void quiet() {
        runner.resume(Bitrix24Connector.ID);
        push(); // what other tests left pending
    }

    @AfterEach
    void cleanUp() {
        runner.resume(Bitrix24Connector.ID);
        push();
    }

    @Test
    void convertingALeadThatCarriesTheClientCreatesTheirContactAndADealNamingIt() {
        String digits = Api.newMobileDigits();
        String phone = "+7" + digits;
        var pipeline = CrmJournal.pipeline();
        CrmJournal first = CrmJournal.mark();
        JsonPath lead = Leads.post(digits, "Lena");
        assertEquals(Step.IDLE, push());
        assertEquals(List.of("POST batch.json", "POST crm.lead.add.json"), first.calls(REST),
                "no contact matched: the lead alone, carrying the client's phone");
        JsonNode leadAdd = body(first.since(REST).get(1)).path("fields");
        assertEquals(phone, leadAdd.path("PHONE").path(0).path("VALUE").asText());
        assertTrue(leadAdd.path("CONTACT_ID").isMissingNode(), leadAdd.toString());
        long contactId = lead.getLong("contactId");
        assertTrue(links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, contactId).isEmpty(), "no CRM contact yet");

        CrmJournal journal = CrmJournal.mark();
        String deal = CrmJournal.convert(lead.getString("leadId"), pipeline.get("id"));
        assertEquals(Step.IDLE, push());

        assertEquals(List.of("POST batch.json", "POST crm.contact.add.json", "POST crm.deal.add.json",
                "POST crm.lead.update.json"), journal.calls(REST),
                "the contact looked up, then created; the deal naming it; the lead converted");
        List<LoggedRequest> sent = journal.since(REST);
        JsonNode lookup = body(sent.get(0));
        assertEquals(1, lookup.path("cmd").size(), "the card has a phone and no email: one lookup");
        String command = URLDecoder.decode(lookup.path("cmd").path("phone").asText(), StandardCharsets.UTF_8);
        assertEquals("crm.duplicate.findbycomm?entity_type=CONTACT&type=PHONE&values[0]=" + phone, command);

        JsonNode contact = body(sent.get(1)).path("fields");
        assertEquals("Lena", contact.path("NAME").asText());
        assertEquals(phone, contact.path("PHONE").path(0).path("VALUE").asText());
        assertEquals("WORK", contact.path("PHONE").path(0).path("VALUE_TYPE").asText());
        assertEquals("contact-" + contactId, contact.path("ORIGIN_ID").asText());

        JsonNode dealAdd = body(sent.get(2)).path("fields");
        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT), dealAdd.path("CONTACT_ID").asText(),
                "the deal names the contact just created (crm.contact.add answered 501)");
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD), dealAdd.path("LEAD_ID").asText(), "and the lead it came from");
        assertEquals("leadgate", dealAdd.path("ORIGINATOR_ID").asText());
        assertEquals("deal-" + deal, dealAdd.path("ORIGIN_ID").asText());

        JsonNode leadUpdate = body(sent.get(3));
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD), leadUpdate.path("id").asText());
        assertEquals("CONVERTED", leadUpdate.path("fields").path("STATUS_ID").asText());

        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, contactId).orElseThrow(), "the card is linked");
        assertEquals("2101", links.remoteId(Bitrix24Connector.ID, CrmLinks.DEAL, Long.valueOf(deal)).orElseThrow());
    }

    private Step push() {
        sequencer.sequence();
        return runner.drain(Bitrix24Connector.ID);
    }
}
