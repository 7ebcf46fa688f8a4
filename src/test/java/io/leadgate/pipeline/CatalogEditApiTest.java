package io.leadgate.pipeline;

import io.leadgate.lead.JunkReason;
import io.leadgate.lead.LeadStatusDef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Junk reasons, loss reasons and lead statuses are renamed and deleted; one in use only with a place to move to. */
@QuarkusTest
class CatalogEditApiTest {

    @Inject
    PipelineSeeder seeder;

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void add(String path, Map<String, String> body) {
        api().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    @Test
    void renamingKeepsTheCodeAndRefusesABlankName() {
        String code = code("wrong-city");
        add("/api/junk-reasons", Map.of("code", code, "name", "Wrong city"));
        api().contentType(ContentType.JSON).body(Map.of("name", "  Other city  ")).put("/api/junk-reasons/" + code)
                .then().statusCode(200).body("code", equalTo(code)).body("name", equalTo("Other city"));
        api().get("/api/junk-reasons").then().body("find { it.code == '" + code + "' }.name", equalTo("Other city"));
        api().contentType(ContentType.JSON).body(Map.of("name", " ")).put("/api/junk-reasons/" + code).then()
                .statusCode(400).body("error", equalTo("name is required"));
        api().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201))).put("/api/loss-reasons/price")
                .then().statusCode(400).body("error", equalTo("name is longer than 200 characters"));
        api().contentType(ContentType.JSON).body(Map.of("name", "Nobody")).put("/api/junk-reasons/" + code + "-none")
                .then().statusCode(404).body("error", equalTo("no junk reason " + code + "-none"));
    }

    @Test
    void aJunkReasonInUseIsDeletedOnlyByMovingItsLeads() {
        String gone = code("robot");
        String kept = code("spam-bot");
        add("/api/junk-reasons", Map.of("code", gone));
        add("/api/junk-reasons", Map.of("code", kept));
        String leadId = lead("form");
        api().contentType(ContentType.JSON).body(Map.of("reason", gone)).post("/api/leads/" + leadId + "/junk")
                .then().statusCode(200);

        api().delete("/api/junk-reasons/" + gone).then().statusCode(409).body("error", equalTo("junk reason " + gone
                + " is given to 1 leads; name another junk reason to move them to (moveTo)"));
        api().queryParam("moveTo", gone).delete("/api/junk-reasons/" + gone).then().statusCode(400);
        api().queryParam("moveTo", "no-such-reason-" + kept).delete("/api/junk-reasons/" + gone).then()
                .statusCode(400).body("error", equalTo("moveTo: no junk reason no-such-reason-" + kept));
        api().get("/api/leads/" + leadId).then().body("junkReason", equalTo(gone));

        api().queryParam("moveTo", kept).delete("/api/junk-reasons/" + gone).then().statusCode(204);
        api().get("/api/leads/" + leadId).then().body("junkReason", equalTo(kept)).body("status", equalTo("junk"));
        api().get("/api/junk-reasons").then().body("code", not(hasItem(gone)));
        api().contentType(ContentType.JSON).body(Map.of("reason", gone)).post("/api/leads/" + lead("form") + "/junk")
                .then().statusCode(400);
        // an unused one goes at once
        api().delete("/api/junk-reasons/" + kept + "x").then().statusCode(404);
        String unused = code("unused");
        add("/api/junk-reasons", Map.of("code", unused));
        api().delete("/api/junk-reasons/" + unused).then().statusCode(204);
    }

    @Test
    void aLossReasonAnAutomatedMoveGivesIsKeptUntilTheRuleIsChangedOrDeleted() {
        String reason = code("gone-quiet");
        add("/api/loss-reasons", Map.of("code", reason));
        JsonPath p = pipeline(unique("Rule losses"), "New", "Stale", "Won:won", "Lost:lost");
        String rule = api().contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Stale"), "action", "move",
                "params", Map.of("stageId", stage(p, "Lost"), "lossReason", reason))).post("/api/automations").then()
                .statusCode(201).extract().path("id");

        api().delete("/api/loss-reasons/" + reason).then().statusCode(409).body("error", equalTo("loss reason " + reason
                + " is used by 1 automation rule; change or delete them first"));
        api().get("/api/loss-reasons").then().body("code", hasItem(reason));

        api().delete("/api/automations/" + rule).then().statusCode(204);
        api().delete("/api/loss-reasons/" + reason).then().statusCode(204);
        api().get("/api/loss-reasons").then().body("code", not(hasItem(reason)));
    }

    @Test
    void aLossReasonMovesWithItsDealsAndTheirHistorySoTheFunnelAddsUp() {
        String gone = code("too-far");
        String kept = code("distance");
        add("/api/loss-reasons", Map.of("code", gone));
        add("/api/loss-reasons", Map.of("code", kept));
        JsonPath p = pipeline(unique("Loss edits"), "New", "Talk", "Won:won", "Lost:lost");
        String dealId = convert(lead("form"), p.getString("id"));
        move(dealId, stage(p, "Lost"), gone);

        api().delete("/api/loss-reasons/" + gone).then().statusCode(409).body("error", equalTo("loss reason " + gone
                + " is given to 1 deals; name another loss reason to move them to (moveTo)"));
        api().queryParam("moveTo", kept).delete("/api/loss-reasons/" + gone).then().statusCode(204);

        api().get("/api/deals/" + dealId).then().body("lossReason", equalTo(kept));
        assertEquals(kept, api().get("/api/deals/" + dealId + "/history").then().extract().jsonPath()
                .getString("[-1].lossReason"));
        api().queryParam("pipelineId", p.getString("id")).get("/api/analytics/funnel").then().statusCode(200)
                .body("lost", equalTo(Map.of(kept, 1)));
        api().get("/api/loss-reasons").then().body("code", not(hasItem(gone)));
    }

    @Test
    void builtInStatusesAreRenamedButNeverDeleted() {
        for (String builtin : List.of("new", "in-progress", "converted", "junk")) {
            api().delete("/api/lead-statuses/" + builtin).then().statusCode(409)
                    .body("error", startsWith("status " + builtin + " is built in ("));
        }
        api().delete("/api/lead-statuses/new").then()
                .body("error", equalTo("status new is built in (the status of every lead as it arrives) and cannot"
                        + " be deleted; it can be renamed"));
        String before = api().get("/api/lead-statuses").then().extract().jsonPath()
                .getString("find { it.code == 'converted' }.name");
        try {
            api().contentType(ContentType.JSON).body(Map.of("name", "Won over")).put("/api/lead-statuses/converted")
                    .then().statusCode(200).body("name", equalTo("Won over")).body("builtin", equalTo(true));
            // the start-up seeding keeps the administrator's name
            QuarkusTransaction.requiringNew().run(() -> seeder.seed(new PipelineFiles.Content(List.of(), List.of(),
                    List.of(), List.of())));
            api().get("/api/lead-statuses").then().body("find { it.code == 'converted' }.name", equalTo("Won over"));
        } finally {
            api().contentType(ContentType.JSON).body(Map.of("name", before)).put("/api/lead-statuses/converted")
                    .then().statusCode(200);
        }
    }

    @Test
    void aCustomStatusMovesItsLeadsOnlyToOneOfTheSameMeaning() {
        String calling = code("calling");
        String meeting = code("meeting");
        String fake = code("fake");
        add("/api/lead-statuses", Map.of("code", calling, "name", "Calling", "semantics", "in-progress"));
        add("/api/lead-statuses", Map.of("code", meeting, "name", "Meeting", "semantics", "in-progress"));
        add("/api/lead-statuses", Map.of("code", fake, "name", "Fake", "semantics", "junk"));
        String first = lead("form");
        String second = lead("form");
        for (String id : List.of(first, second)) {
            api().contentType(ContentType.JSON).body(Map.of("status", calling)).post("/api/leads/" + id + "/status")
                    .then().statusCode(200);
        }

        api().delete("/api/lead-statuses/" + calling).then().statusCode(409).body("error", equalTo("status "
                + calling + " is given to 2 leads; name another status to move them to (moveTo)"));
        api().queryParam("moveTo", fake).delete("/api/lead-statuses/" + calling).then().statusCode(400)
                .body("error", equalTo("moveTo must be a status meaning in-progress like " + calling + "; " + fake
                        + " means junk"));
        api().queryParam("moveTo", meeting).delete("/api/lead-statuses/" + calling).then().statusCode(204);
        api().get("/api/leads/" + first).then().body("statusCode", equalTo(meeting)).body("status",
                equalTo("in-progress"));

        // onto a built-in status: the leads keep its meaning and carry no code of their own
        api().queryParam("moveTo", "in-progress").delete("/api/lead-statuses/" + meeting).then().statusCode(204);
        api().get("/api/leads/" + second).then().body("statusCode", equalTo("in-progress"));
        api().get("/api/lead-statuses").then().body("code", not(hasItem(meeting)));
    }

    @Test
    void aDeletedConfiguredEntryStaysDeletedAfterTheNextStart() {
        String code = code("from-file");
        PipelineFiles.Content files = new PipelineFiles.Content(List.of(),
                List.of(new CatalogValidator.Status(code, "From a file", "in-progress")),
                List.of(new CatalogValidator.Reason(code, "From a file")),
                List.of(new CatalogValidator.Reason(code, "From a file")));
        QuarkusTransaction.requiringNew().run(() -> seeder.seed(files));
        api().get("/api/junk-reasons").then().body("code", hasItem(code));
        api().delete("/api/junk-reasons/" + code).then().statusCode(204);
        api().delete("/api/loss-reasons/" + code).then().statusCode(204);
        api().delete("/api/lead-statuses/" + code).then().statusCode(204);

        QuarkusTransaction.requiringNew().run(() -> seeder.seed(files));
        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(JunkReason.findById(code));
            assertNull(LossReason.findById(code));
            assertNull(LeadStatusDef.findById(code));
        });
        // added again by hand, it is back for good
        add("/api/junk-reasons", Map.of("code", code));
        QuarkusTransaction.requiringNew().run(() -> seeder.seed(files));
        QuarkusTransaction.requiringNew().run(() -> assertNotNull(JunkReason.findById(code)));
    }
}
