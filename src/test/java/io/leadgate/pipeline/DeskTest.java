package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxEvent;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manager's desk through the API: tasks on leads and deals created, reassigned, completed, overdue by the test
 * clock; "my tasks"; a missed call's call-back task due within the configured time; managers reassigned on leads,
 * deals, contacts and tasks.
 */
@QuarkusTest
class DeskTest {

    @Inject
    TestClock clock;
    @Inject
    DeskTesting desk;
    @Inject
    DeskConfig config;

    @AfterEach
    void stop() {
        clock.reset();
    }

    static String manager() {
        String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body(Map.of("name", "Manager " + id)).put("/api/managers/" + id).then()
                .statusCode(200);
        return id;
    }

    private static JsonPath myTasks(String manager, String state) {
        return api().queryParam("state", state).get("/api/managers/" + manager + "/tasks").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath post(String path, Map<String, ?> body, int status) {
        return api().header("X-Actor", "tester").contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void aLeadTaskIsCreatedReassignedOverdueAndCompleted() {
        String ann = manager();
        String bob = manager();
        String leadId = lead("form");
        post("/api/leads/" + leadId + "/assign", Map.of("responsible", ann), 200);
        Instant now = Instant.parse("2031-03-03T09:00:00Z");
        clock.set(now);

        JsonPath task = post("/api/tasks", Map.of("leadId", leadId, "title", "Send the price list", "due", "PT2H"), 201);
        String id = task.getString("id");
        assertEquals(ann, task.getString("assignee"), "the lead's manager by default");
        assertEquals(now.plus(Duration.ofHours(2)), Instant.parse(task.getString("dueAt")));
        assertEquals("task", task.getString("kind"));
        assertEquals("tester", task.getString("createdBy"));
        assertFalse(task.getBoolean("overdue"));
        assertEquals(List.of(id), myTasks(ann, "open").getList("id"));

        post("/api/tasks/" + id + "/assign", Map.of("assignee", bob), 200);
        assertEquals(List.of(), myTasks(ann, "open").getList("id"));
        assertEquals(List.of(id), myTasks(bob, "open").getList("id"));
        assertEquals(List.of(), myTasks(bob, "overdue").getList("id"));

        clock.set(now.plus(Duration.ofHours(3)));
        JsonPath overdue = myTasks(bob, "overdue");
        assertEquals(List.of(id), overdue.getList("id"));
        assertTrue(overdue.getBoolean("[0].overdue"));

        JsonPath done = post("/api/tasks/" + id + "/complete", Map.of(), 200);
        assertTrue(done.getBoolean("done"));
        assertFalse(done.getBoolean("overdue"));
        assertEquals("tester", done.getString("completedBy"));
        assertEquals(now.plus(Duration.ofHours(3)), Instant.parse(done.getString("completedAt")));
        assertEquals(List.of(), myTasks(bob, "open").getList("id"));
        assertEquals(List.of(id), myTasks(bob, "done").getList("id"));
        assertEquals(List.of(id), api().queryParam("leadId", leadId).queryParam("state", "all").get("/api/tasks")
                .then().extract().jsonPath().getList("id"));
    }

    @Test
    void aDealTaskDefaultsToTheDealsManagerAndShowsOnTheDeal() {
        String carl = manager();
        JsonPath p = pipeline(unique("Desk"), "New", "Won:won", "Lost:lost");
        String dealId = api().contentType(ContentType.JSON).body(Map.of("pipelineId", p.getString("id"),
                "responsible", carl)).post("/api/leads/" + lead("form") + "/convert").then().statusCode(200)
                .extract().path("dealId");
        JsonPath task = post("/api/tasks", Map.of("dealId", dealId, "title", "Prepare the contract", "kind", "reminder",
                "dueAt", "2031-01-01T10:00:00Z"), 201);
        assertEquals(carl, task.getString("assignee"));
        assertEquals("reminder", task.getString("kind"));
        assertEquals(List.of(task.getString("id")), api().get("/api/deals/" + dealId + "/tasks").then().extract()
                .jsonPath().getList("id"));
        assertEquals(dealId, api().get("/api/tasks/" + task.getString("id")).then().extract().path("dealId"));
    }

    @Test
    void badTasksAreRefusedWithTheReason() {
        String leadId = lead("form");
        refused(Map.of("title", "x"), 400, "give leadId or dealId");
        refused(Map.of("leadId", leadId, "dealId", "1", "title", "x"), 400, "give leadId or dealId");
        refused(Map.of("leadId", leadId), 400, "title is required");
        refused(Map.of("leadId", leadId, "title", "x", "kind", "meeting"), 400, "kind must be task, reminder or call");
        refused(Map.of("leadId", leadId, "title", "x", "dueAt", "tomorrow"), 400, "dueAt must be an ISO-8601 time");
        refused(Map.of("leadId", leadId, "title", "x", "assignee", "nobody-" + UUID.randomUUID()), 400, "no manager");
        refused(Map.of("leadId", "999999999", "title", "x"), 400, "no lead 999999999");
        api().get("/api/tasks/999999999").then().statusCode(404).body("error", containsString("no task"));
        api().queryParam("state", "later").get("/api/tasks").then().statusCode(400)
                .body("error", containsString("state must be open, overdue, done or all"));
    }

    private static void refused(Map<String, String> body, int status, String message) {
        api().contentType(ContentType.JSON).body(body).post("/api/tasks").then().statusCode(status)
                .body("error", containsString(message));
    }

    @Test
    void aMissedCallCreatesOneCallBackTaskDueWithinTheConfiguredTime() {
        desk.drain();
        String mobile = "49151" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String callId = "sg-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sipgate("event=newCall&direction=in&to=4930600000000&from=" + mobile + "&callId=" + callId);
        sipgate("event=hangup&direction=in&callId=" + callId + "&cause=noAnswer&to=4930600000000&from=" + mobile);
        List<String> leadIds = api().queryParam("phone", "+" + mobile).get("/api/contacts").then().extract()
                .path("[0].leadIds");
        String leadId = leadIds.get(0);
        assertTrue(api().get("/api/leads/" + leadId).then().extract().<Boolean>path("callback"));
        desk.drain();
        desk.drain();

        JsonPath tasks = api().queryParam("leadId", leadId).get("/api/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("call"), tasks.getList("kind"));
        assertEquals("Call back", tasks.getString("[0].title"));
        assertEquals("missed-call", tasks.getString("[0].createdBy"));
        Instant calledAt = Instant.parse(tasks.getString("[0].createdAt"));
        assertTrue(tasks.getString("[0].origin").startsWith("callback:"));
        Instant due = Instant.parse(tasks.getString("[0].dueAt"));
        assertTrue(!due.isAfter(calledAt.plus(config.callbackWithin())), "due within the configured time of the call");
        String taskId = tasks.getString("[0].id");
        List<String> announced = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "type = ?1 and leadId = ?2", EventTypes.TASK_CREATED, Long.valueOf(leadId)).stream()
                .map(e -> e.payload).toList());
        assertEquals(1, announced.size(), "the robot's task is announced like one made through the API");
        assertEquals(taskId, JsonPath.from(announced.get(0)).getString("data.task.id"));

        post("/api/tasks/" + tasks.getString("[0].id") + "/complete", Map.of(), 200);
        assertFalse(api().get("/api/leads/" + leadId).then().extract().<Boolean>path("callback"), "called back");
        desk.drain();
        assertEquals(1, api().queryParam("leadId", leadId).queryParam("state", "all").get("/api/tasks").then()
                .extract().jsonPath().getList("").size());
    }

    @Test
    void theDeskIsDocumentedInOpenApi() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/tasks", "/api/tasks/{id}/complete", "/api/tasks/{id}/assign",
                "/api/managers/{id}/tasks", "/api/managers/{id}/hours", "/api/managers/{id}/absences",
                "/api/managers/{id}/handover", "/api/automation-jobs", "/api/automation-jobs/{id}/cancel",
                "/api/speed-to-lead", "/api/leads/{id}/accept", "/api/contacts/{id}/assign")) {
            assertTrue(doc.contains("\"" + path + "\""), path);
        }
    }

    private static void sipgate(String body) {
        given().contentType("application/x-www-form-urlencoded").body(body).post("/hooks/sipgate/sg-token-1").then()
                .statusCode(200);
    }

    @Test
    void managersAreReassignedOnLeadsDealsContactsAndTasks() {
        String dana = manager();
        String eric = manager();
        JsonPath p = pipeline(unique("Handover"), "New", "Won:won", "Lost:lost");
        String leadId = lead("form");
        post("/api/leads/" + leadId + "/assign", Map.of("responsible", dana), 200);
        String contactId = api().get("/api/leads/" + leadId).then().extract().path("contactId");
        String dealLead = lead("form");
        String dealId = api().contentType(ContentType.JSON).body(Map.of("pipelineId", p.getString("id"),
                "responsible", dana)).post("/api/leads/" + dealLead + "/convert").then().statusCode(200)
                .extract().path("dealId");
        post("/api/tasks", Map.of("leadId", leadId, "title", "Call"), 201);
        post("/api/contacts/" + contactId + "/assign", Map.of("responsible", dana), 200);

        Map<String, Object> body = new HashMap<>();
        body.put("to", eric);
        JsonPath handover = post("/api/managers/" + dana + "/handover", body, 200);
        assertEquals(1, handover.getInt("leads"));
        assertEquals(1, handover.getInt("deals"));
        assertEquals(2, handover.getInt("contacts"), "the lead's client and the deal's client");
        assertEquals(1, handover.getInt("tasks"));
        assertEquals(eric, api().get("/api/leads/" + leadId).then().extract().path("responsible"));
        assertEquals(eric, api().get("/api/deals/" + dealId).then().extract().path("responsible"));
        assertEquals(List.of(), myTasks(dana, "open").getList("id"));
        assertEquals(1, myTasks(eric, "open").getList("id").size());

        JsonPath contact = post("/api/contacts/" + contactId + "/assign", Map.of("responsible", dana), 200);
        assertEquals(dana, contact.getString("responsible"));
        post("/api/contacts/" + contactId + "/assign", Map.of("responsible", "nobody-" + UUID.randomUUID()), 400);
        post("/api/managers/" + dana + "/handover", Map.of("to", dana), 400);
    }
}
