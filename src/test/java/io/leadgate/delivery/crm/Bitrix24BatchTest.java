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

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmJournal.body;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New leads pushed to Bitrix24 together: a few {@code batch} requests of at most 50 commands, every lead linked once. */
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
    void aHundredAndTwentyNewClientsShareOneLookupRequestAndFillEveryCreateBatch() {
        List<JsonPath> leads = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            leads.add(Leads.post(Api.newMobileDigits(), "Wave " + i));
        }
        CrmJournal journal = CrmJournal.mark();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);

        var sent = journal.since("/rest/");
        // 50 leads a step took 1 + 2 requests per 50 (8 for 120); one step of 120 takes 1 + 5
        assertEquals(6, sent.size(), "one lookup request, then 240 commands in batches of 50");
        assertEquals(6, body(sent.get(0)).path("cmd").size(), "120 phones in commands of 20");
        for (int i = 1; i <= 4; i++) {
            assertEquals(50, body(sent.get(i)).path("cmd").size());
        }
        assertEquals(40, body(sent.get(5)).path("cmd").size());
        assertEquals(0, Bitrix24BatchStub.REFUSED.get());
        for (JsonPath lead : leads) {
            links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow();
        }
    }

    @Test
    void thirtyNewClientsTakeOneLookupAndTwoCreateBatches() {
        List<JsonPath> leads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            leads.add(Leads.post(Api.newMobileDigits(), "Batch " + i));
        }
        CrmJournal journal = CrmJournal.mark();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);

        var sent = journal.since("/rest/");
        assertEquals(3, sent.size(), "lookups, then 25 + 5 clients (contact + lead: 2 commands each, 50 a batch)");
        assertEquals(2, body(sent.get(0)).path("cmd").size(), "30 phones in chunks of 20");
        assertTrue(body(sent.get(0)).path("cmd").path("phone0").asText().startsWith("crm.duplicate.findbycomm?"));
        assertEquals(50, body(sent.get(1)).path("cmd").size());
        assertEquals(10, body(sent.get(2)).path("cmd").size());
        assertTrue(body(sent.get(1)).path("cmd").path("l0").asText().contains("fields[CONTACT_ID]=%24result%5Bc0%5D"),
                body(sent.get(1)).path("cmd").path("l0").asText());
        assertEquals(0, Bitrix24BatchStub.REFUSED.get());
        for (JsonPath lead : leads) {
            String remote = links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow();
            assertTrue(Long.parseLong(remote) > 100_000, "linked to the id its own command got");
            links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, lead.getLong("contactId")).orElseThrow();
        }
        int before = journal.since("/rest/").size();
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        assertEquals(before, journal.since("/rest/").size(), "nothing pushed twice");
    }
}
