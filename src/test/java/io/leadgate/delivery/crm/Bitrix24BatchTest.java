package io.leadgate.delivery.crm;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmJournal.body;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New leads pushed to Bitrix24 together, as shipped (lead mode, {@code contacts=when-needed}): a few {@code batch}
 * requests of at most 50 commands, one command per new client, every lead linked once.
 */
@QuarkusTest
@TestProfile(CrmBatchProfile.class)
class Bitrix24BatchTest {

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;

    private StubMapping stub;

    @BeforeEach
    void portal() {
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        stub = server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(2)
                .willReturn(WireMock.aResponse().withTransformers(Bitrix24BatchStub.NAME)));
        Bitrix24BatchStub.limit(50, 2);
    }

    @AfterEach
    void cleanUp() {
        server.removeStub(stub);
        Bitrix24BatchStub.limit(0, 0);
    }

    @Test
    void aHundredAndTwentyNewClientsTakeOneLookupRequestAndOneCommandEach() {
        List<JsonPath> leads = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            leads.add(Leads.post(Api.newMobileDigits(), "Wave " + i));
        }
        CrmJournal journal = CrmJournal.mark();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);

        var sent = journal.since("/rest/");
        // no contact matched: each lead carries the client's name and phone itself (crm.lead.add alone)
        assertEquals(4, sent.size(), "one lookup request, then 120 commands in batches of 50");
        assertEquals(6, body(sent.get(0)).path("cmd").size(), "120 phones in commands of 20");
        assertEquals(50, body(sent.get(1)).path("cmd").size());
        assertEquals(50, body(sent.get(2)).path("cmd").size());
        assertEquals(20, body(sent.get(3)).path("cmd").size());
        assertEquals(0, Bitrix24BatchStub.REFUSED.get());
        for (JsonPath lead : leads) {
            links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow();
        }
    }

    @Test
    void aNewClientsLeadCarriesTheirDataAndTheirNextLeadGetsTheContact() {
        List<JsonPath> leads = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            phones.add(Api.newMobileDigits());
            leads.add(Leads.post(phones.get(i), "Batch " + i));
        }
        CrmJournal journal = CrmJournal.mark();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);

        var sent = journal.since("/rest/");
        assertEquals(2, sent.size(), "lookups, then 30 crm.lead.add in one batch");
        assertEquals(2, body(sent.get(0)).path("cmd").size(), "30 phones in chunks of 20");
        assertTrue(body(sent.get(0)).path("cmd").path("phone0").asText().startsWith("crm.duplicate.findbycomm?"));
        assertEquals(30, body(sent.get(1)).path("cmd").size());
        String first = decoded(body(sent.get(1)).path("cmd").path("l0").asText());
        assertTrue(first.startsWith("crm.lead.add?"), first);
        assertTrue(first.contains("fields[NAME]=Batch 0") && first.contains("fields[PHONE][0][VALUE]=+7"), first);
        assertFalse(first.contains("CONTACT_ID"), "no contact for a client the portal does not know");
        assertEquals(0, Bitrix24BatchStub.REFUSED.get());
        for (JsonPath lead : leads) {
            String remote = links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow();
            assertTrue(Long.parseLong(remote) > 100_000, "linked to the id its own command got");
            assertTrue(links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, lead.getLong("contactId")).isEmpty());
            assertEquals(remote, links.remoteId(Bitrix24Connector.ID, CrmLinks.CLIENT, lead.getLong("contactId")).orElseThrow(),
                    "the lead holds the client's data");
        }
        int before = journal.since("/rest/").size();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        assertEquals(before, journal.since("/rest/").size(), "nothing pushed twice");

        // two of them come back: now the CRM gets their contact, and the new lead names it
        List<JsonPath> again = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Leads.close(leads.get(i).getString("leadId"));
            again.add(Leads.post(phones.get(i), "Back", "Again " + i));
        }
        CrmJournal second = CrmJournal.mark();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        var back = second.since("/rest/");
        assertEquals(2, back.size(), "one lookup request (no contact found), one create batch");
        JsonNode creates = body(back.get(1)).path("cmd");
        assertEquals(4, creates.size(), "crm.contact.add + crm.lead.add for each returning client");
        assertTrue(creates.path("c0").asText().startsWith("crm.contact.add?"));
        assertTrue(decoded(creates.path("l0").asText()).contains("fields[CONTACT_ID]=$result[c0]"));
        for (JsonPath lead : again) {
            links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, lead.getLong("contactId")).orElseThrow();
        }
    }

    @Test
    void aRepeatInquiryOfAClientWhoseLeadCarriesTheirDataIsACommentOnThatLeadAndNothingElse() {
        String first = Api.newMobileDigits();
        String second = Api.newMobileDigits();
        JsonPath lead = Leads.post(first, "Repeat One");
        Leads.post(second, "Repeat Two");
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        String remote = links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow();

        CrmJournal journal = CrmJournal.mark();
        Leads.post(first, "Repeat One", "Any news?");
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);

        List<String> calls = journal.calls("/rest/");
        assertEquals(List.of("POST crm.timeline.comment.add.json"), calls,
                "the phone the lead holds is not read back or added again");
        assertEquals(remote, body(journal.since("/rest/").get(0)).path("fields").path("ENTITY_ID").asText());
    }

    private static String decoded(String command) {
        return URLDecoder.decode(command, StandardCharsets.UTF_8);
    }
}
