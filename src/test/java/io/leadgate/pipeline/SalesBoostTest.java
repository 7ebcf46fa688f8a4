package io.leadgate.pipeline;

import io.leadgate.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.leadgate.config.LeadgateConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sales boost through the API, on the test clock: eleven months after a deal is won in Installation a deal opens in
 * Maintenance, then every year — once per occasion, from the database (a fresh executor after a "restart"), visible
 * on the deal and cancellable.
 */
@QuarkusTest
class SalesBoostTest {

    @Inject
    TestClock clock;
    @Inject
    DeskTesting desk;
    @Inject
    AutomationExecutor executor;
    @Inject
    EntityManager em;
    @Inject
    AutomationActions actions;
    @Inject
    LeadgateConfig config;

    @BeforeEach
    void start() {
        desk.drain();
    }

    @AfterEach
    void stop() {
        desk.deleteRules();
        clock.reset();
    }

    private static List<Map<String, Object>> maintenanceDeals(String pipelineId) {
        return api().queryParam("pipelineId", pipelineId).get("/api/deals").then().statusCode(200).extract()
                .jsonPath().getList("");
    }

    private static JsonPath jobs(String dealId, String status) {
        return api().queryParam("dealId", dealId).queryParam("status", status).get("/api/automation-jobs").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void elevenMonthsAfterAWinInInstallationADealOpensInMaintenanceOnceThenEveryYearUntilCancelled() {
        JsonPath installation = pipeline(unique("Installation"), "New", "Installed:won", "Lost:lost");
        JsonPath maintenance = pipeline(unique("Maintenance"), "Due", "Serviced:won", "Lost:lost");
        String maintenanceId = maintenance.getString("id");
        String rule = desk.rule(Map.of("stageId", stage(installation, "Installed"), "action", "create-deal",
                "params", Map.of("pipelineId", maintenanceId), "delay", "P11M", "repeat", "P1Y"));
        api().queryParam("stageId", stage(installation, "Installed")).get("/api/automations").then()
                .body("[0].delay", org.hamcrest.Matchers.equalTo("P11M"))
                .body("[0].repeat", org.hamcrest.Matchers.equalTo("P1Y"))
                .body("[0].trigger", org.hamcrest.Matchers.equalTo("stage-entered"));

        String dealId = convert(lead("form"), installation.getString("id"));
        move(dealId, stage(installation, "Installed"));
        Instant won = Instant.parse(api().get("/api/deals/" + dealId).then().extract().path("stageEnteredAt"));
        Instant firstDue = won.atOffset(ZoneOffset.UTC).plusMonths(11).toInstant();

        JsonPath pending = jobs(dealId, "pending");
        assertEquals(List.of("create-deal"), pending.getList("action"));
        assertEquals(firstDue, Instant.parse(pending.getString("[0].dueAt")));
        assertEquals(rule, pending.getString("[0].ruleId"));

        clock.set(firstDue.minusSeconds(1));
        desk.drain();
        assertEquals(0, maintenanceDeals(maintenanceId).size(), "not before eleven months");

        clock.set(firstDue);
        AutomationExecutor afterRestart = new AutomationExecutor(em, actions, config, clock); // the job is in the database
        afterRestart.runDue(); // jobs other tests left may fall due too: this deal's outcome is checked below
        List<Map<String, Object>> opened = maintenanceDeals(maintenanceId);
        assertEquals(1, opened.size());
        assertEquals(dealId, opened.get(0).get("sourceDealId"));
        assertEquals(stage(maintenance, "Due"), opened.get(0).get("stageId"));
        assertEquals(api().get("/api/deals/" + dealId).then().extract().path("contactId"), opened.get(0).get("contactId"));
        executor.runDue();
        assertEquals(1, maintenanceDeals(maintenanceId).size(), "once per occasion");

        JsonPath next = jobs(dealId, "pending");
        Instant secondDue = firstDue.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        assertEquals(secondDue, Instant.parse(next.getString("[0].dueAt")));
        assertEquals(1, next.getInt("[0].occurrence"));

        clock.set(secondDue);
        executor.runDue();
        assertEquals(2, maintenanceDeals(maintenanceId).size(), "a year later, the next one");

        String third = jobs(dealId, "pending").getString("[0].id");
        api().header("X-Actor", "ann").contentType(ContentType.JSON).body("{}")
                .post("/api/automation-jobs/" + third + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"))
                .body("cancelledBy", org.hamcrest.Matchers.equalTo("ann"));
        clock.set(secondDue.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
        desk.drain();
        assertEquals(2, maintenanceDeals(maintenanceId).size(), "cancelled: no third deal");
        assertEquals(List.of("done", "done", "cancelled"), jobs(dealId, "all").getList("status"));
        api().contentType(ContentType.JSON).body("{}").post("/api/automation-jobs/" + third + "/cancel").then()
                .statusCode(200);
        String done = jobs(dealId, "done").getString("[0].id");
        api().contentType(ContentType.JSON).body("{}").post("/api/automation-jobs/" + done + "/cancel").then()
                .statusCode(409).body("error", containsString("not pending"));
    }

    @Test
    void aDealNoLongerWonGetsNoBoostAndWinningAgainReplacesThePendingOne() {
        JsonPath installation = pipeline(unique("Installation"), "New", "Installed:won", "Lost:lost");
        JsonPath maintenance = pipeline(unique("Maintenance"), "Due", "Serviced:won", "Lost:lost");
        desk.rule(Map.of("stageId", stage(installation, "Installed"), "action", "create-deal",
                "params", Map.of("pipelineId", maintenance.getString("id"), "stageId", stage(maintenance, "Due")),
                "delay", "P11M"));
        String dealId = convert(lead("form"), installation.getString("id"));
        move(dealId, stage(installation, "Installed"));
        move(dealId, stage(installation, "New"));
        move(dealId, stage(installation, "Installed"));
        assertEquals(List.of("cancelled", "pending"), jobs(dealId, "all").getList("status"));
        assertEquals("superseded", jobs(dealId, "cancelled").getString("[0].cancelledBy"));

        move(dealId, stage(installation, "Lost"), "price");
        clock.advance(Duration.ofDays(400));
        desk.drain();
        assertEquals(0, maintenanceDeals(maintenance.getString("id")).size());
        assertEquals("skipped", jobs(dealId, "all").getString("[1].status"));
    }

    @Test
    void badBoostRulesAreRefusedWithTheReason() {
        JsonPath p = pipeline(unique("Installation"), "New", "Installed:won", "Lost:lost");
        String won = stage(p, "Installed");
        refused(Map.of("stageId", won, "action", "create-deal", "params", Map.of()), "params.pipelineId is required");
        refused(Map.of("stageId", won, "action", "create-deal", "params", Map.of("pipelineId", "999999999")),
                "no pipeline 999999999");
        refused(Map.of("stageId", won, "action", "create-deal", "params", Map.of("pipelineId", p.getString("id")),
                "delay", "P-1M"), "delay must be positive");
        refused(Map.of("stageId", won, "action", "create-deal", "params", Map.of("pipelineId", p.getString("id")),
                "repeat", "PT1H"), "repeat must be between a day");
        refused(Map.of("stageId", won, "action", "reopen", "params", Map.of()), "does not apply to deals");
        refused(Map.of("trigger", "sometimes", "stageId", won, "action", "notify", "params", Map.of("text", "x")),
                "trigger must be one of");
    }

    private static void refused(Map<String, Object> body, String message) {
        api().contentType(ContentType.JSON).body(body).post("/api/automations").then().statusCode(400)
                .body("error", containsString(message));
    }
}
