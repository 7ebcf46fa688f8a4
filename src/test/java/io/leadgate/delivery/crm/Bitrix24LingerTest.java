package io.leadgate.delivery.crm;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
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

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmJournal.body;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * New leads with the shipped {@code linger} ({@link CrmBenchProfile}): fewer pending than a step go out cut to whole
 * batches of 50 leads, and the rest follows in a push of its own once it has waited too, so no lead is left behind.
 */
@QuarkusTest
@TestProfile(CrmBenchProfile.class)
class Bitrix24LingerTest {

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;

    private StubMapping stub;

    @BeforeEach
    void portal() throws InterruptedException {
        stub = server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(2)
                .willReturn(WireMock.aResponse().withTransformers(Bitrix24BatchStub.NAME)));
        Bitrix24BatchStub.limit(50, 2);
        pushAll();
    }

    @AfterEach
    void cleanUp() {
        server.removeStub(stub);
        Bitrix24BatchStub.limit(0, 0);
    }

    @Test
    void sixtyPendingNewLeadsGoAsOneFullBatchOfFiftyThenTheRest() throws InterruptedException {
        List<JsonPath> leads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            leads.add(Leads.post(Api.newMobileDigits(), "Linger " + i));
        }
        CrmJournal journal = CrmJournal.mark();

        pushAll();

        var sent = journal.since("/rest/");
        assertEquals(4, sent.size(), "lookups and creates for the first 50, then for the other 10");
        assertEquals(3, body(sent.get(0)).path("cmd").size(), "50 phones in commands of 20");
        assertEquals(50, body(sent.get(1)).path("cmd").size(), "a full batch");
        assertEquals(1, body(sent.get(2)).path("cmd").size(), "10 phones");
        assertEquals(10, body(sent.get(3)).path("cmd").size());
        assertEquals(0, Bitrix24BatchStub.REFUSED.get());
        for (JsonPath lead : leads) {
            links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow();
        }
    }

    /** Drains until nothing is pending, waiting while new leads linger (a condition, bounded). */
    private void pushAll() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Step step;
        do {
            sequencer.sequence();
            step = runner.drain(Bitrix24Connector.ID);
            if (step == Step.LINGER) {
                Thread.sleep(50);
            }
        } while (step == Step.LINGER && System.nanoTime() < deadline);
        assertEquals(Step.IDLE, step);
    }
}
