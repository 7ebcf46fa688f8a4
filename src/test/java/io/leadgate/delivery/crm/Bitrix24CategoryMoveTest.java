package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.CrmChange.DealChange;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.delivery.crm.CrmJournal.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Leadgate deal moved into a pipeline mapped to another Bitrix24 deal category ({@link CrmSyncProfile}: pipeline
 * {@code 990001} → the general category 0, {@code 990002} → category 3 with its stage {@code 990012} → {@code
 * C3:EXECUTING}) is moved in Bitrix24 with {@code crm.item.update}, which changes a deal's category ({@code
 * crm.deal.update} does not); a move within a category stays a {@code crm.deal.update}. The first test takes the whole
 * path: the move made through the REST API ({@code POST /api/deals/{id}/move}, what the console's move calls too),
 * read from the outbox and pushed by the connector runner.
 */
@QuarkusTest
@TestProfile(CrmSyncProfile.class)
class Bitrix24CategoryMoveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Bitrix24Connector connector;
    @Inject
    CrmLinks links;
    @Inject
    OutboxSequencer sequencer;
    @Inject
    EntityManager em;
    @Inject
    ConnectorRunner runner;

    /**
     * The two pipelines {@link CrmSyncProfile} maps by id, made with those ids (no test database hands them out):
     * {@code 990001} (New 990005, Won 990006, Lost 990007) in the general category, {@code 990002} (Signing 990012,
     * Won 990019, Lost 990018) in category 3.
     */
    @BeforeEach
    void mappedPipelines() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            pipeline(990001, "Bitrix24 general category (test)", now, new Object[][]{
                    {990005, "New", "in-progress"}, {990006, "Won", "won"}, {990007, "Lost", "lost"}});
            pipeline(990002, "Bitrix24 category 3 (test)", now, new Object[][]{
                    {990012, "Signing", "in-progress"}, {990019, "Won", "won"}, {990018, "Lost", "lost"}});
        });
        runner.resume(Bitrix24Connector.ID);
        push(); // what other tests left pending
    }

    @Test
    void aMoveMadeThroughTheApiIntoAnotherCategorysPipelineReachesBitrix24AsOneCrmItemUpdate() {
        JsonPath lead = Leads.post(Api.newMobileDigits(), "Category Move");
        push();
        String deal = CrmJournal.convert(lead.getString("leadId"), "990001");
        push();
        String remote = links.remoteId(Bitrix24Connector.ID, CrmLinks.DEAL, Long.valueOf(deal)).orElseThrow();
        CrmJournal journal = CrmJournal.mark();

        CrmJournal.move(deal, "990012");
        assertEquals(Step.IDLE, push());

        assertEquals(List.of("POST crm.item.update.json"), journal.calls("/rest/"), "exactly one call, nothing else");
        JsonNode sent = body(journal.since("/rest/").get(0));
        assertEquals(2, sent.path("entityTypeId").asInt(), "a deal");
        assertEquals(remote, sent.path("id").asText());
        assertEquals(3, sent.path("fields").path("categoryId").asInt(), "pipeline 990002 is category 3");
        assertEquals("C3:EXECUTING", sent.path("fields").path("stageId").asText(), "Signing's mapped stage");
    }

    @Test
    void aMoveIntoAnotherCategorysPipelineIsExactlyOneCrmItemUpdate() throws Exception {
        String remote = linkedDeal();
        long dealId = Long.parseLong(remote);
        CrmJournal journal = CrmJournal.mark();

        CrmConnector.Outcome outcome = connector.lifecycle().deal(new DealChange(1, DealChange.Kind.MOVED, dealId, null, null,
                "Deal", "990002", "990012", "in-progress", new BigDecimal("1500"), "RUB", null, null, "990001"));

        assertEquals(CrmConnector.Outcome.SENT, outcome);
        List<LoggedRequest> sent = journal.since("/rest/");
        assertEquals(1, sent.size(), "one request");
        assertTrue(sent.get(0).getUrl().endsWith("/crm.item.update.json"), sent.get(0).getUrl());
        assertEquals(JSON.readTree("{\"entityTypeId\":2,\"id\":" + remote + ",\"fields\":{\"categoryId\":3,"
                + "\"stageId\":\"C3:EXECUTING\",\"opportunity\":1500,\"currencyId\":\"RUB\"}}"), body(sent.get(0)));
    }

    @Test
    void wonInAnotherCategoryGoesToThatCategorysWonStage() {
        String remote = linkedDeal();
        CrmJournal journal = CrmJournal.mark();

        assertEquals(CrmConnector.Outcome.SENT, push(new DealChange(2, DealChange.Kind.MOVED, Long.parseLong(remote), null,
                null, "Deal", "990002", "990019", "won", null, null, null, null, "990001")));

        JsonNode sent = body(journal.since("/rest/").get(0));
        assertEquals(3, sent.path("fields").path("categoryId").asInt());
        assertEquals("C3:WON", sent.path("fields").path("stageId").asText(), "the category's own won stage");
    }

    @Test
    void aMoveBackIntoTheGeneralCategoryNamesCategoryZero() {
        String remote = linkedDeal();
        CrmJournal journal = CrmJournal.mark();

        push(new DealChange(3, DealChange.Kind.MOVED, Long.parseLong(remote), null, null, "Deal", "990001", "990005",
                "in-progress", null, null, null, null, "990002"));

        List<LoggedRequest> sent = journal.since("/rest/");
        assertTrue(sent.get(0).getUrl().endsWith("/crm.item.update.json"));
        assertEquals(0, body(sent.get(0)).path("fields").path("categoryId").asInt());
        assertTrue(body(sent.get(0)).path("fields").path("stageId").isMissingNode(),
                "an unmapped in-progress stage is not named: Bitrix24 picks the category's stage");
    }

    @Test
    void aMoveWithinOneCategoryStaysACrmDealUpdate() {
        String remote = linkedDeal();
        CrmJournal journal = CrmJournal.mark();

        push(new DealChange(4, DealChange.Kind.MOVED, Long.parseLong(remote), null, null, "Deal", "990002", "990012",
                "in-progress", null, null, null, null, "990002"));

        List<LoggedRequest> sent = journal.since("/rest/");
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).getUrl().endsWith("/crm.deal.update.json"), sent.get(0).getUrl());
        assertEquals("C3:EXECUTING", body(sent.get(0)).path("fields").path("STAGE_ID").asText());
    }

    private Step push() {
        sequencer.sequence();
        return runner.drain(Bitrix24Connector.ID);
    }

    private void pipeline(long id, String name, Instant now, Object[][] stages) {
        em.createNativeQuery("insert into pipeline (id, name, is_default, managers, origin, created_at, updated_at) "
                        + "values (?1, ?2, false, null, 'api', ?3, ?3) on conflict do nothing")
                .setParameter(1, id).setParameter(2, name).setParameter(3, now).executeUpdate();
        for (int i = 0; i < stages.length; i++) {
            em.createNativeQuery("insert into stage (id, pipeline_id, name, color, semantics, position, deleted) "
                            + "values (?1, ?2, ?3, '#336699', ?4, ?5, false) on conflict do nothing")
                    .setParameter(1, ((Number) stages[i][0]).longValue()).setParameter(2, id)
                    .setParameter(3, stages[i][1]).setParameter(4, stages[i][2]).setParameter(5, i).executeUpdate();
        }
    }

    private CrmConnector.Outcome push(DealChange change) {
        try {
            return connector.lifecycle().deal(change);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A Leadgate deal id (outside the ids the database hands out in tests) linked to the same Bitrix24 deal id. */
    private String linkedDeal() {
        long id = ThreadLocalRandom.current().nextLong(900_000_000_000L, 999_999_999_999L);
        links.link(Bitrix24Connector.ID, CrmLinks.DEAL, id, "deal", String.valueOf(id));
        return String.valueOf(id);
    }
}
