package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxEvent;
import io.leadgate.testing.Api;
import io.leadgate.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Event triggers through the real hooks and the API: a client's new inquiry moves their deal to the next stage,
 * reopens their junk lead, adds a task for the deal's manager; robots on lead statuses notify the manager and create
 * a deal; each once.
 */
@QuarkusTest
class TriggerTest {

    @Inject
    DeskTesting desk;
    @Inject
    TestClock clock;

    @BeforeEach
    void start() {
        desk.drain(); // the feed so far is read before these rules exist
    }

    @AfterEach
    void stop() {
        desk.deleteRules();
        clock.reset();
    }

    private static String phone() {
        return "+7" + Api.newMobileDigits();
    }

    private static String manager() {
        String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body(Map.of("name", "Manager")).put("/api/managers/" + id).then().statusCode(200);
        return id;
    }

    private static String convert(String leadId, String pipelineId, String responsible) {
        return api().contentType(ContentType.JSON).body(Map.of("pipelineId", pipelineId, "responsible", responsible))
                .post("/api/leads/" + leadId + "/convert").then().statusCode(200).extract().path("dealId");
    }

    private static JsonPath deal(String id) {
        return api().get("/api/deals/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath leadView(String id) {
        return api().get("/api/leads/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static long events(String type, String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("type = ?1 and leadId = ?2", type,
                Long.parseLong(leadId)));
    }

    @Test
    void aClientsNewFormMovesTheirDealToTheNextStageOnce() {
        JsonPath p = pipeline(unique("Replies"), "New", "Replied", "Won:won", "Lost:lost");
        String rule = desk.rule(Map.of("trigger", "inquiry", "stageId", stage(p, "New"), "inquiryKinds", List.of("form"),
                "action", "move", "params", Map.of("stageId", "next")));
        desk.rule(Map.of("trigger", "inquiry", "stageId", stage(p, "New"), "inquiryKinds", List.of("call"),
                "action", "add-task", "params", Map.of("title", "Call them back")));
        String phone = phone();
        String dealId = convert(lead("form", phone), p.getString("id"), manager());
        desk.drain();
        assertEquals(stage(p, "New"), deal(dealId).getString("stageId"), "the deal's own first inquiry is no reply");

        lead("form", phone); // "client replied"
        desk.drain();
        assertEquals(stage(p, "Replied"), deal(dealId).getString("stageId"));
        assertEquals("automation:" + rule, api().get("/api/deals/" + dealId + "/history").then().extract().jsonPath()
                .getString("[-1].actor"));
        assertEquals(List.of(), api().get("/api/deals/" + dealId + "/tasks").then().extract().jsonPath().getList(""),
                "the call rule does not fire for a form");

        lead("form", phone);
        desk.drain();
        assertEquals(stage(p, "Replied"), deal(dealId).getString("stageId"), "the rule is on New only");
        assertEquals(List.of("done"), api().queryParam("dealId", dealId).queryParam("status", "all")
                .get("/api/automation-jobs").then().extract().jsonPath().getList("status"));
    }

    @Test
    void aJunkLeadIsReopenedWhenTheClientWritesAgain() {
        desk.rule(Map.of("trigger", "inquiry", "leadStatus", "junk", "action", "reopen", "params", Map.of()));
        String phone = phone();
        String first = lead("form", phone);
        api().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/leads/" + first + "/junk").then()
                .statusCode(200);
        desk.drain();
        assertEquals("junk", leadView(first).getString("status"));

        lead("form", phone);
        desk.drain();
        JsonPath reopened = leadView(first);
        assertEquals("in-progress", reopened.getString("status"));
        assertNull(reopened.getString("junkReason"));
    }

    @Test
    void aClientsMessageAddsATaskForTheDealsManager() {
        JsonPath p = pipeline(unique("Tasks"), "New", "Proposal", "Won:won", "Lost:lost");
        desk.rule(Map.of("trigger", "inquiry", "stageId", stage(p, "New"), "action", "add-task",
                "params", Map.of("title", "Client replied: answer them", "due", "PT30M")));
        String phone = phone();
        String manager = manager();
        String dealId = convert(lead("form", phone), p.getString("id"), manager);
        lead("form", phone);
        Instant now = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(now);
        desk.drain();
        JsonPath tasks = api().get("/api/deals/" + dealId + "/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Client replied: answer them"), tasks.getList("title"));
        assertEquals(manager, tasks.getString("[0].assignee"));
        assertEquals(now.plus(Duration.ofMinutes(30)), Instant.parse(tasks.getString("[0].dueAt")));
        assertEquals(1, api().get("/api/managers/" + manager + "/tasks").then().extract().jsonPath().getList("").size());
    }

    @Test
    void leadStatusRobotsNotifyTheManagerAndCreateADeal() {
        String qualified = "qualified-" + UUID.randomUUID().toString().substring(0, 6);
        api().contentType(ContentType.JSON).body(Map.of("code", qualified, "name", "Qualified", "semantics", "in-progress"))
                .post("/api/lead-statuses").then().statusCode(201);
        JsonPath sales = pipeline(unique("Sales"), "New", "Won:won", "Lost:lost");
        desk.rule(Map.of("trigger", "lead-status", "leadStatus", "new", "action", "notify",
                "params", Map.of("text", "A new lead for you")));
        desk.rule(Map.of("trigger", "lead-status", "leadStatus", qualified, "action", "create-deal",
                "params", Map.of("pipelineId", sales.getString("id"))));
        String manager = manager();
        String leadId = lead("form");
        api().contentType(ContentType.JSON).body(Map.of("responsible", manager)).post("/api/leads/" + leadId + "/assign")
                .then().statusCode(200);
        desk.drain();
        assertEquals(1, events("leadgate.manager.notified", leadId));
        String payload = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "type = ?1 and leadId = ?2", "leadgate.manager.notified", Long.parseLong(leadId)).firstResult().payload);
        JsonPath notified = JsonPath.from(payload);
        assertEquals(manager, notified.getString("data.manager"));
        assertEquals("A new lead for you", notified.getString("data.text"));

        api().contentType(ContentType.JSON).body(Map.of("status", qualified)).post("/api/leads/" + leadId + "/status")
                .then().statusCode(200);
        desk.drain();
        desk.drain();
        JsonPath lead = leadView(leadId);
        assertEquals("converted", lead.getString("status"));
        JsonPath deal = deal(lead.getString("dealId"));
        assertEquals(sales.getString("id"), deal.getString("pipelineId"));
        assertEquals(leadId, deal.getString("leadId"));
        assertEquals(manager, deal.getString("responsible"));
        assertEquals(1, api().queryParam("pipelineId", sales.getString("id")).get("/api/deals").then().extract()
                .jsonPath().getList("").size());
        assertEquals(1, events("leadgate.manager.notified", leadId));
    }

    @Test
    void unclearTriggerRulesAreRefusedWithTheReason() {
        JsonPath p = pipeline(unique("Refused"), "New", "Won:won", "Lost:lost");
        refused(Map.of("trigger", "inquiry", "stageId", stage(p, "New"), "inquiryKinds", List.of("fax"),
                "action", "move", "params", Map.of("stageId", "next")), "inquiryKinds must be among call, message, form, email");
        refused(Map.of("trigger", "inquiry", "action", "reopen", "params", Map.of()), "either stageId");
        refused(Map.of("trigger", "lead-status", "stageId", stage(p, "New"), "action", "notify",
                "params", Map.of("text", "x")), "leadStatus is required");
        refused(Map.of("trigger", "lead-status", "leadStatus", "no-such-status", "action", "notify",
                "params", Map.of("text", "x")), "leadStatus must be one of");
        refused(Map.of("trigger", "lead-status", "leadStatus", "new", "action", "emit-event", "params", Map.of()),
                "does not apply to leads");
        refused(Map.of("stageId", stage(p, "New"), "action", "add-task", "params", Map.of("title", "x"),
                "inquiryKinds", List.of("call")), "inquiryKinds applies to inquiry rules only");
        refused(Map.of("trigger", "lead-status", "leadStatus", "new", "action", "notify", "params", Map.of()),
                "params.text is required");
    }

    private static void refused(Map<String, Object> body, String message) {
        api().contentType(ContentType.JSON).body(body).post("/api/automations").then().statusCode(400)
                .body("error", containsString(message));
    }
}
