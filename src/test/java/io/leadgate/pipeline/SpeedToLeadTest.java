package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxEvent;
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
import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed to lead, scripted on the test clock: five leads, four first actions of each kind (accept, note, completed
 * task, junk) after exact waits, two breaches of the 15-minute limit announced once each, and the report by manager
 * and channel with exact counts, medians and averages.
 */
@QuarkusTest
class SpeedToLeadTest {

    @Inject
    TestClock clock;
    @Inject
    DeskTesting desk;

    @AfterEach
    void stop() {
        clock.reset();
    }

    private static Instant arrived(String leadId) {
        return Instant.parse(api().get("/api/leads/" + leadId).then().extract().path("createdAt"));
    }

    private static void assign(String leadId, String manager) {
        api().contentType(ContentType.JSON).body(Map.of("responsible", manager)).post("/api/leads/" + leadId + "/assign")
                .then().statusCode(200);
    }

    private static List<String> overdueEvents(String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "type = ?1 and leadId = ?2 order by id", "leadgate.lead.response-overdue", Long.parseLong(leadId))
                .stream().map(e -> e.payload).toList());
    }

    @Test
    void firstActionsBreachesAndTheReportByManagerAndChannel() {
        desk.drain();
        String ann = DeskTest.manager();
        String bob = DeskTest.manager();
        String accepted = lead("form");
        String late = lead("form");
        String noted = lead("form");
        String tasked = lead("form");
        String waiting = lead("tilda");
        for (String id : List.of(accepted, late, noted, tasked)) {
            assign(id, ann);
        }
        assign(waiting, bob);

        clock.set(arrived(accepted).plus(Duration.ofMinutes(5)));
        api().header("X-Actor", ann).contentType(ContentType.JSON).body("{}").post("/api/leads/" + accepted + "/accept")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("in-progress"));

        clock.set(arrived(noted).plus(Duration.ofMinutes(2)));
        String contactId = api().get("/api/leads/" + noted).then().extract().path("contactId");
        api().header("X-Actor", ann).contentType(ContentType.JSON).body(Map.of("text", "Wants a quote by Friday"))
                .post("/api/contacts/" + contactId + "/notes").then().statusCode(201);

        clock.set(arrived(tasked).plus(Duration.ofMinutes(10)));
        String task = api().header("X-Actor", ann).contentType(ContentType.JSON)
                .body(Map.of("leadId", tasked, "title", "Call")).post("/api/tasks").then().statusCode(201)
                .extract().path("id");
        api().header("X-Actor", ann).contentType(ContentType.JSON).body("{}").post("/api/tasks/" + task + "/complete")
                .then().statusCode(200);

        clock.set(arrived(late).plus(Duration.ofMinutes(16)));
        desk.drain();
        desk.drain();
        List<String> lateEvents = overdueEvents(late);
        assertEquals(1, lateEvents.size(), "announced once");
        JsonPath breach = JsonPath.from(lateEvents.get(0));
        assertEquals(ann, breach.getString("data.manager"));
        assertEquals(960, breach.getInt("data.waitedSeconds"));
        assertEquals(900, breach.getInt("data.limitSeconds"));
        assertEquals(1, overdueEvents(waiting).size());
        assertEquals(List.of(), overdueEvents(accepted));
        assertEquals(List.of(), overdueEvents(noted));
        assertEquals(List.of(), overdueEvents(tasked));

        clock.set(arrived(late).plus(Duration.ofMinutes(17)));
        api().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/leads/" + late + "/junk")
                .then().statusCode(200);
        assertEquals(1, overdueEvents(late).size(), "a late first action after the announcement: no second event");

        String from = arrived(accepted).toString();
        String to = arrived(waiting).plusMillis(1).toString();
        JsonPath byManager = api().queryParam("from", from).queryParam("to", to).queryParam("by", "manager")
                .get("/api/speed-to-lead").then().statusCode(200).extract().jsonPath();
        assertEquals(900, byManager.getInt("limitSeconds"));
        assertEquals(5, byManager.getInt("total.leads"));
        assertEquals(4, byManager.getInt("total.answered"));
        assertEquals(2, byManager.getInt("total.breaches"));
        Map<String, Object> annGroup = group(byManager, ann);
        assertEquals(Map.of("key", ann, "leads", 4, "answered", 4, "breaches", 1, "medianSeconds", 450,
                "averageSeconds", 510), annGroup, "waits of 300, 960+60, 120 and 600 seconds");
        Map<String, Object> bobGroup = group(byManager, bob);
        assertEquals(1, bobGroup.get("leads"));
        assertEquals(0, bobGroup.get("answered"));
        assertEquals(1, bobGroup.get("breaches"));
        assertEquals(null, bobGroup.get("medianSeconds"));

        JsonPath byChannel = api().queryParam("from", from).queryParam("to", to).queryParam("by", "channel")
                .get("/api/speed-to-lead").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("form", "tilda"), byChannel.getList("groups.key"));
        assertEquals(List.of(4, 1), byChannel.getList("groups.leads"));
        api().queryParam("by", "weather").get("/api/speed-to-lead").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("by must be manager, channel or source"));
    }

    private static Map<String, Object> group(JsonPath report, String key) {
        return report.getMap("groups.find { it.key == '" + key + "' }");
    }
}
