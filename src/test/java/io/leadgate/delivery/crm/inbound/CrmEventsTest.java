package io.leadgate.delivery.crm.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.CrmSyncProfile;
import io.leadgate.delivery.crm.CrmWireMockAccess;
import io.leadgate.delivery.crm.amocrm.AmoCrmConnector;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes made in the CRM coming back: the documented event bodies (fixtures/crm) posted to /crm/{crm}/events, the
 * Bitrix24 record read from WireMock, the result seen through /api/leads, /api/deals, /api/analytics and the events.
 */
@QuarkusTest
@TestProfile(CrmSyncProfile.class)
class CrmEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TS = new AtomicLong(1764669600L);
    private static final String B24_HOOK = "/rest/1/s3cr3tw3bh00k/";

    @Inject
    CrmInbox inbox;
    @Inject
    CrmLinks links;
    @Inject
    EntityManager em;

    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        stubs.forEach(CrmWireMockAccess::remove);
        stubs.clear();
    }

    @Test
    void amoCrmStatusChangesMoveTheLeadThroughItsStatusesIntoADealAndTheFunnel() {
        JsonPath lead = Leads.post("Olga");
        String remote = remoteId();
        links.link(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId"), "lead", remote);
        int wonBefore = wonCount();

        amo("leads-status.form", remote, "30001").then().statusCode(200).body("status", equalTo("accepted"));
        inbox.drain();
        assertEquals("in-progress", leadStatus(lead.getString("leadId")));
        assertEquals("crm:amocrm", lastEvent(lead.getLong("leadId")).path("actor").asText());

        amo("leads-status.form", remote, "30002").then().statusCode(200);
        inbox.drain();
        JsonPath deals = api().queryParam("contactId", lead.getString("contactId")).get("/api/deals").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, deals.getList("$").size(), "converted into one deal");
        assertEquals(stageId("Proposal"), deals.getString("[0].stageId"));

        amo("leads-status.form", remote, "142").then().statusCode(200);
        inbox.drain();
        assertEquals(stageId("Won"), api().get("/api/deals/" + deals.getString("[0].id")).then().statusCode(200)
                .extract().jsonPath().getString("stageId"));
        assertEquals(wonBefore + 1, wonCount(), "the funnel counts the deal won in the CRM");
        JsonNode moved = lastEvent(lead.getLong("leadId"));
        assertEquals("crm:amocrm", moved.path("actor").asText(), "the move carries the CRM as actor: not echoed back");
    }

    @Test
    void redeliveryAndAChangeEqualToTheCurrentStateChangeNothing() {
        JsonPath lead = Leads.post("Pavel");
        String remote = remoteId();
        links.link(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId"), "lead", remote);
        String body = fixture("amocrm/leads-status.form").replace("{ID}", remote).replace("{STATUS}", "30001")
                .replace("{TS}", String.valueOf(TS.incrementAndGet()));

        postAmo(body).then().statusCode(200).body("status", equalTo("accepted"));
        inbox.drain();
        long events = eventCount(lead.getLong("leadId"));
        postAmo(body).then().statusCode(200).body("status", equalTo("duplicate"));
        inbox.drain();
        amo("leads-status.form", remote, "30001").then().statusCode(200).body("status", equalTo("accepted"));
        inbox.drain();

        assertEquals("in-progress", leadStatus(lead.getString("leadId")));
        assertEquals(events, eventCount(lead.getLong("leadId")), "no event for a change Leadgate already shows");
    }

    @Test
    void amoCrmResponsibleAndUnsortedDeclineApply() {
        JsonPath lead = Leads.post("Rita");
        String remote = remoteId();
        links.link(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId"), "lead", remote);

        amo("leads-responsible.form", remote, "8000002").then().statusCode(200);
        amo("leads-responsible.form", remote, "8000009").then().statusCode(200); // not mapped: left alone
        inbox.drain();
        assertEquals("admin", lead(lead.getString("leadId")).getString("responsible"));

        amo("unsorted-decline.form", remote, null).then().statusCode(200);
        inbox.drain();
        JsonPath after = lead(lead.getString("leadId"));
        assertEquals("junk", after.getString("status"));
        assertEquals("other", after.getString("junkReason"));
    }

    @Test
    void amoCrmDeliveriesAreCheckedBySecretPathSegment() {
        String body = fixture("amocrm/leads-status.form").replace("{ID}", "1").replace("{STATUS}", "142").replace("{TS}", "1");
        given().contentType(ContentType.URLENC).body(body).post("/crm/amocrm/events")
                .then().statusCode(401).body("error", containsString("secret path segment"));
        given().contentType(ContentType.URLENC).body(body).post("/crm/amocrm/events/not-the-secret")
                .then().statusCode(403).body("error", containsString("wrong"));
        given().contentType(ContentType.URLENC).body("hello=world").post("/crm/amocrm/events/" + CrmSyncProfile.AMO_SECRET)
                .then().statusCode(400);
        given().contentType(ContentType.URLENC).body(body).post("/crm/salesforce/events/x")
                .then().statusCode(404);
    }

    @Test
    void bitrix24LeadUpdateIsReadWithCrmLeadGetAndApplied() {
        JsonPath lead = Leads.post("Semyon");
        String remote = remoteId();
        links.link(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId"), "lead", remote);
        stubs.add(CrmWireMockAccess.stub(post(urlEqualTo(B24_HOOK + "crm.lead.get.json")).atPriority(1)
                .withRequestBody(containing("\"id\":\"" + remote + "\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitrix24/crm.lead.get.response.json").replace("{ID}", remote)
                                .replace("{STATUS}", "IN_PROCESS")))));

        b24("ONCRMLEADUPDATE.form", remote, CrmSyncProfile.B24_APP_TOKEN).then().statusCode(200)
                .body("status", equalTo("accepted"));
        inbox.drain();

        CrmWireMockAccess.verify(postRequestedFor(urlEqualTo(B24_HOOK + "crm.lead.get.json"))
                .withRequestBody(containing(remote)));
        assertEquals("in-progress", leadStatus(lead.getString("leadId")));
        assertEquals("crm:bitrix24", lastEvent(lead.getLong("leadId")).path("actor").asText());
    }

    @Test
    void bitrix24DealUpdateMovesTheLinkedDeal() {
        JsonPath lead = Leads.post("Taisia");
        String dealId = api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + lead.getString("leadId") + "/convert")
                .then().statusCode(200).extract().jsonPath().getString("dealId");
        String remote = remoteId();
        links.link(Bitrix24Connector.ID, "deal", Long.parseLong(dealId), "deal", remote);
        stubs.add(CrmWireMockAccess.stub(post(urlEqualTo(B24_HOOK + "crm.deal.get.json")).atPriority(1)
                .withRequestBody(containing("\"id\":\"" + remote + "\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitrix24/crm.deal.get.response.json").replace("{ID}", remote)
                                .replace("{STATUS}", "LOSE")))));

        b24("ONCRMDEALUPDATE.form", remote, CrmSyncProfile.B24_APP_TOKEN).then().statusCode(200);
        inbox.drain();

        JsonPath deal = api().get("/api/deals/" + dealId).then().statusCode(200).extract().jsonPath();
        assertEquals(stageId("Lost"), deal.getString("stageId"));
        assertEquals("other", deal.getString("lossReason"), "the configured loss reason of deals lost in the CRM");
    }

    @Test
    void bitrix24DealMovedIntoAnotherCategoryComesBackInTheMappedPipelineAndStage() {
        Map<String, String> resale = resale();
        JsonPath lead = Leads.post("Ulyana");
        String dealId = api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + lead.getString("leadId") + "/convert")
                .then().statusCode(200).extract().jsonPath().getString("dealId");
        String remote = remoteId();
        links.link(Bitrix24Connector.ID, "deal", Long.parseLong(dealId), "deal", remote);
        // a manager moved the deal into category 3 in Bitrix24: crm.deal.get shows its new CATEGORY_ID and STAGE_ID
        stubs.add(CrmWireMockAccess.stub(post(urlEqualTo(B24_HOOK + "crm.deal.get.json")).atPriority(1)
                .withRequestBody(containing("\"id\":\"" + remote + "\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitrix24/crm.deal.get.response.json").replace("{ID}", remote)
                                .replace("{STATUS}", "C3:EXECUTING").replace("\"CATEGORY_ID\":\"0\"", "\"CATEGORY_ID\":\"3\"")))));

        b24("ONCRMDEALUPDATE.form", remote, CrmSyncProfile.B24_APP_TOKEN).then().statusCode(200);
        inbox.drain();

        JsonPath deal = api().get("/api/deals/" + dealId).then().statusCode(200).extract().jsonPath();
        assertEquals(resale.get("id"), deal.getString("pipelineId"), "the pipeline mapped to category 3");
        assertEquals(resale.get("Signing"), deal.getString("stageId"));
        assertEquals("crm:bitrix24", lastEvent(lead.getLong("leadId")).path("actor").asText(), "not sent back");
    }

    @Test
    void bitrix24EventsAreCheckedByApplicationToken() {
        b24("ONCRMLEADUPDATE.form", "1", "").then().statusCode(401).body("error", containsString("application_token"));
        b24("ONCRMLEADUPDATE.form", "1", "wrong-token").then().statusCode(403);
        given().contentType(ContentType.URLENC).body("").post("/crm/bitrix24/events").then().statusCode(400);
    }

    @Test
    void anEventForARecordLeadgateDoesNotKnowIsAcknowledgedAndIgnored() {
        amo("leads-status.form", remoteId(), "142").then().statusCode(200).body("status", equalTo("accepted"));
        inbox.drain();
        String outcome = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select outcome from crm_inbound order by id desc limit 1").getSingleResult());
        assertTrue(outcome.startsWith("unlinked"), outcome);
    }

    // --- helpers

    private static io.restassured.response.Response amo(String file, String remote, String status) {
        String body = fixture("amocrm/" + file).replace("{ID}", remote).replace("{TS}", String.valueOf(TS.incrementAndGet()));
        return postAmo(status == null ? body : body.replace("{STATUS}", status));
    }

    private static io.restassured.response.Response postAmo(String body) {
        return given().contentType(ContentType.URLENC).body(body).post("/crm/amocrm/events/" + CrmSyncProfile.AMO_SECRET);
    }

    private static io.restassured.response.Response b24(String file, String remote, String token) {
        String body = fixture("bitrix24/" + file).replace("{ID}", remote).replace("{TOKEN}", token)
                .replace("{TS}", String.valueOf(TS.incrementAndGet()));
        return given().contentType(ContentType.URLENC).body(body).post("/crm/bitrix24/events");
    }

    static String fixture(String name) {
        try (InputStream in = CrmEventsTest.class.getResourceAsStream("/fixtures/crm/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String remoteId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
    }

    private static JsonPath lead(String id) {
        return api().get("/api/leads/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String leadStatus(String id) {
        return lead(id).getString("status");
    }

    private static String stageId(String name) {
        JsonPath p = api().get("/api/pipelines").then().statusCode(200).extract().jsonPath();
        return p.getString("find { it.name == 'Sales' }.stages.find { it.name == '" + name + "' }.id");
    }

    /** The pipeline "Resale" (Intake → Signing → Won / Lost), created once in the shared test database: its id and Signing's. */
    private static Map<String, String> resale() {
        JsonPath all = api().queryParam("limit", 1000).get("/api/pipelines").then().statusCode(200).extract().jsonPath();
        if (all.getString("find { it.name == 'Resale' }.id") == null) {
            api().contentType(ContentType.JSON).body("{\"name\":\"Resale\",\"stages\":["
                    + "{\"name\":\"Intake\",\"color\":\"#336699\",\"semantics\":\"in-progress\"},"
                    + "{\"name\":\"Signing\",\"color\":\"#336699\",\"semantics\":\"in-progress\"},"
                    + "{\"name\":\"Won\",\"color\":\"#336699\",\"semantics\":\"won\"},"
                    + "{\"name\":\"Lost\",\"color\":\"#336699\",\"semantics\":\"lost\"}]}")
                    .post("/api/pipelines").then().statusCode(201);
            all = api().queryParam("limit", 1000).get("/api/pipelines").then().statusCode(200).extract().jsonPath();
        }
        return Map.of("id", all.getString("find { it.name == 'Resale' }.id"),
                "Signing", all.getString("find { it.name == 'Resale' }.stages.find { it.name == 'Signing' }.id"));
    }

    private static int wonCount() {
        String pipeline = api().get("/api/pipelines").then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == 'Sales' }.id");
        return api().queryParam("pipelineId", pipeline).get("/api/analytics/funnel").then().statusCode(200).extract()
                .jsonPath().getInt("stages.find { it.name == 'Won' }.count");
    }

    private long eventCount(long leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where lead_id = ?1").setParameter(1, leadId).getSingleResult()).longValue());
    }

    private JsonNode lastEvent(long leadId) {
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select payload from outbox_event where lead_id = ?1 order by id desc limit 1")
                .setParameter(1, leadId).getSingleResult());
        try {
            return JSON.readTree(payload).path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Web-form leads, each from a new phone. */
    static final class Leads {
        static JsonPath post(String name) {
            return given().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"phone\":\"+7" + Api.newMobileDigits() + "\",\"message\":\"Call me\"}")
                    .post("/hooks/form").then().statusCode(200).extract().jsonPath();
        }
    }
}
