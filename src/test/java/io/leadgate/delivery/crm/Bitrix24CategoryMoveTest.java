package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.crm.CrmChange.DealChange;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.delivery.crm.CrmJournal.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Leadgate deal moved into a pipeline mapped to another Bitrix24 deal category ({@link CrmSyncProfile}: pipeline
 * {@code 990001} → the general category 0, {@code 990002} → category 3 with its stage {@code 990012} → {@code
 * C3:EXECUTING}) is moved in Bitrix24 with {@code crm.item.update}, which changes a deal's category ({@code
 * crm.deal.update} does not); a move within a category stays a {@code crm.deal.update}.
 */
@QuarkusTest
@TestProfile(CrmSyncProfile.class)
class Bitrix24CategoryMoveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Bitrix24Connector connector;
    @Inject
    CrmLinks links;

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
