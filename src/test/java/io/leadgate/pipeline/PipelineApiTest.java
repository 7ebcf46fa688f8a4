package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pipelines, stages, lead conversion and junk, deals and their moves through the API (CONTRACT §7). */
@QuarkusTest
class PipelineApiTest {

    @Test
    void defaultPipelineOfSevenStagesIsSeededAndFilePipelinesLoaded() {
        JsonPath all = api().get("/api/pipelines").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("New", "Qualification", "Proposal", "Negotiation", "Invoice", "Won", "Lost"),
                all.getList("find { it.default == true }.stages.name"));
        assertEquals(List.of("in-progress", "in-progress", "in-progress", "in-progress", "in-progress", "won", "lost"),
                all.getList("find { it.default == true }.stages.semantics"));
        assertEquals("Sales", all.getString("find { it.default == true }.name"));
        assertEquals("file", all.getString("find { it.name == 'Service desk' }.origin"));
        assertEquals(List.of("dora", "dan"), all.getList("find { it.name == 'Service desk' }.managers"));
    }

    @Test
    void createdPipelineAnswers201WithStringIdsAndWarningsOutsideSixToFourteen() {
        String name = unique("Short");
        JsonPath p = pipeline(name, "Open", "Done:won", "Dropped:lost");
        assertEquals(name, p.getString("name"));
        assertEquals(List.of("the pipeline has 3 stages; 6 to 14 are advised"), p.getList("warnings"));
        assertEquals(List.of("Open", "Done", "Dropped"), p.getList("stages.name"));
        assertEquals("#336699", p.getString("stages[0].color"));
        assertEquals("won", p.getString("stages[1].semantics"));
        assertEquals(String.class, p.get("id").getClass());
        assertEquals(String.class, p.get("stages[0].id").getClass());
        api().get("/api/pipelines/" + p.getString("id")).then().statusCode(200).body("name", equalTo(name));
        api().get("/api/pipelines").then().body("name", hasItem(name));
    }

    @Test
    void invalidPipelinesAreRefusedWithClearErrors() {
        api().contentType(ContentType.JSON).body("{\"name\":\"Tiny\",\"stages\":[{\"name\":\"Only\"}]}")
                .post("/api/pipelines").then().statusCode(400)
                .body("error", equalTo("a pipeline keeps between 2 and 20 stages, got 1"));
        api().contentType(ContentType.JSON).body("{\"name\":\"Colour\",\"stages\":[{\"name\":\"A\"},{\"name\":\"B\",\"color\":\"blue\"}]}")
                .post("/api/pipelines").then().statusCode(400)
                .body("error", equalTo("stage 2 color must be #rgb or #rrggbb, got 'blue'"));
        api().contentType(ContentType.JSON).body("{\"name\":\"Sem\",\"stages\":[{\"name\":\"A\"},{\"name\":\"B\",\"semantics\":\"done\"}]}")
                .post("/api/pipelines").then().statusCode(400)
                .body("error", equalTo("stage 2 semantics must be one of in-progress, won, lost, got 'done'"));
        api().contentType(ContentType.JSON).body("{\"stages\":[]}").post("/api/pipelines").then().statusCode(400)
                .body("error", equalTo("pipeline name is required"));
        api().contentType(ContentType.JSON).body("{\"name\":\"sales\",\"stages\":[{\"name\":\"A\"},{\"name\":\"B\"}]}")
                .post("/api/pipelines").then().statusCode(409).body("error", equalTo("a pipeline named 'sales' exists"));
    }

    @Test
    void stagesAreRenamedRecolouredAddedReorderedAndDeletedWhenEmpty() {
        JsonPath p = pipeline(unique("Edit"), "A", "B", "C", "D", "Won:won", "Lost:lost");
        String id = p.getString("id");
        String b = stage(p, "B");
        api().contentType(ContentType.JSON).body("{\"name\":\"Bee\",\"color\":\"#ABCDEF\"}")
                .patch("/api/pipelines/" + id + "/stages/" + b).then().statusCode(200)
                .body("stages[1].name", equalTo("Bee")).body("stages[1].color", equalTo("#abcdef"));
        JsonPath added = api().contentType(ContentType.JSON).body("{\"name\":\"E\"}")
                .post("/api/pipelines/" + id + "/stages").then().statusCode(201)
                .body("stages.name", equalTo(List.of("A", "Bee", "C", "D", "E", "Won", "Lost")))
                .extract().jsonPath();
        List<String> ids = added.getList("stages.id");
        List<String> reordered = List.of(ids.get(0), ids.get(4), ids.get(1), ids.get(2), ids.get(3), ids.get(5), ids.get(6));
        api().contentType(ContentType.JSON).body(Map.of("stageIds", reordered))
                .put("/api/pipelines/" + id + "/stages").then().statusCode(200)
                .body("stages.name", equalTo(List.of("A", "E", "Bee", "C", "D", "Won", "Lost")))
                .body("stages.position", equalTo(List.of(0, 1, 2, 3, 4, 5, 6)));
        api().contentType(ContentType.JSON).body(Map.of("stageIds", List.of(ids.get(0))))
                .put("/api/pipelines/" + id + "/stages").then().statusCode(400);
        api().contentType(ContentType.JSON).body(Map.of("name", "Renamed " + id))
                .patch("/api/pipelines/" + id).then().statusCode(200).body("name", equalTo("Renamed " + id));

        String deal = convert(lead("form"), id);
        move(deal, ids.get(2));
        api().delete("/api/pipelines/" + id + "/stages/" + ids.get(2)).then().statusCode(409)
                .body("error", equalTo("stage 'C' holds 1 deal(s); only empty stages can be deleted"));
        api().delete("/api/pipelines/" + id + "/stages/" + ids.get(3)).then().statusCode(200)
                .body("stages.name", equalTo(List.of("A", "E", "Bee", "C", "Won", "Lost")))
                .body("warnings", equalTo(List.of()));
        api().delete("/api/pipelines/" + id + "/stages/" + ids.get(4)).then().statusCode(200)
                .body("warnings", equalTo(List.of("the pipeline has 5 stages; 6 to 14 are advised")));
        api().delete("/api/pipelines/" + id).then().statusCode(409);
    }

    @Test
    void pipelineKeepsAtLeastTwoStages() {
        JsonPath p = pipeline(unique("Pair"), "A", "B:won");
        api().delete("/api/pipelines/" + p.getString("id") + "/stages/" + stage(p, "B")).then().statusCode(400)
                .body("error", equalTo("a pipeline keeps between 2 and 20 stages, got 1"));
        api().delete("/api/pipelines/" + p.getString("id")).then().statusCode(204);
        api().get("/api/pipelines/" + p.getString("id")).then().statusCode(404);
    }

    @Test
    void leadConvertsIntoADealForItsContactAtTheFirstStage() {
        JsonPath p = pipeline(unique("Convert"), "First", "Second", "Won:won", "Lost:lost");
        String leadId = lead("form");
        String contactId = api().get("/api/leads/" + leadId).then().extract().path("contactId");
        String dealId = convert(leadId, p.getString("id"));
        api().queryParam("pipelineId", p.getString("id")).get("/api/deals").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(dealId))
                .body("[0].pipelineId", equalTo(p.getString("id")))
                .body("[0].stageId", equalTo(stage(p, "First")))
                .body("[0].contactId", equalTo(contactId))
                .body("[0].leadId", equalTo(leadId))
                .body("[0].amount", nullValue())
                .body("[0].currency", nullValue());
        api().get("/api/leads/" + leadId).then().body("status", equalTo("converted")).body("dealId", equalTo(dealId));
        api().queryParam("contactId", contactId).queryParam("status", "converted").get("/api/leads").then()
                .body("id", equalTo(List.of(leadId)));
        api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/convert").then().statusCode(409)
                .body("error", equalTo("lead " + leadId + " is already converted into deal " + dealId));
        api().contentType(ContentType.JSON).body("{\"pipelineId\":\"999999999\"}")
                .post("/api/leads/" + lead("form") + "/convert").then().statusCode(400)
                .body("error", equalTo("no pipeline 999999999"));
        api().post("/api/leads/999999999/convert").then().statusCode(404);
        // without a body: the default pipeline
        String other = api().post("/api/leads/" + lead("form-de") + "/convert").then().statusCode(200).extract().path("dealId");
        String defaultId = api().get("/api/pipelines").then().extract().path("find { it.default == true }.id");
        api().get("/api/deals/" + other).then().body("pipelineId", equalTo(defaultId)).body("source", equalTo("website-de"));
        assertEquals(1L, events("leadgate.deal.created", Long.parseLong(leadId)));
        assertEquals(1L, events("leadgate.lead.updated", Long.parseLong(leadId)));
    }

    @Test
    void junkNeedsAReasonFromTheConfiguredList() {
        String leadId = lead("form");
        api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/junk").then().statusCode(400)
                // the configured reasons first; reasons other tests of this run added through the API may follow
                .body("error", startsWith("reason is required, one of spam, wrong-number, not-our-product, duplicate, other, test-submission"));
        api().contentType(ContentType.JSON).body("{\"reason\":\"bored\"}").post("/api/leads/" + leadId + "/junk")
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"reason\":\"Wrong number\"}").post("/api/leads/" + leadId + "/junk")
                .then().statusCode(200).body("status", equalTo("junk")).body("junkReason", equalTo("wrong-number"));
        api().contentType(ContentType.JSON).body("{\"reason\":\"spam\"}").post("/api/leads/" + leadId + "/junk")
                .then().statusCode(409);
        api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/convert").then().statusCode(409);
        api().contentType(ContentType.JSON).body("{\"reason\":\"test-submission\"}")
                .post("/api/leads/" + lead("form") + "/junk").then().statusCode(200);
        api().get("/api/junk-reasons").then().statusCode(200).body("code", hasItem("not-our-product"));
        api().contentType(ContentType.JSON).body("{\"code\":\"Bot traffic\"}").post("/api/junk-reasons").then()
                .statusCode(201).body("code", equalTo("bot-traffic")).body("name", equalTo("Bot traffic"));
        api().contentType(ContentType.JSON).body("{\"code\":\"bot-traffic\"}").post("/api/junk-reasons").then().statusCode(409);
    }

    @Test
    void configuredStatusesCarryTheirSemantics() {
        String leadId = lead("form");
        String contactId = api().get("/api/leads/" + leadId).then().extract().path("contactId");
        api().contentType(ContentType.JSON).body("{\"status\":\"callback\"}").post("/api/leads/" + leadId + "/status")
                .then().statusCode(200).body("status", equalTo("in-progress")).body("statusCode", equalTo("callback"));
        api().queryParam("contactId", contactId).queryParam("status", "callback").get("/api/leads").then()
                .body("id", equalTo(List.of(leadId)));
        api().queryParam("contactId", contactId).queryParam("status", "in-progress").get("/api/leads").then()
                .body("id", equalTo(List.of(leadId)));
        api().queryParam("contactId", contactId).queryParam("status", "new").get("/api/leads").then().body("", hasSize(0));
        api().queryParam("status", "nonsense").get("/api/leads").then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"status\":\"test-lead\"}").post("/api/leads/" + leadId + "/status")
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"status\":\"qualified\"}").post("/api/leads/" + leadId + "/status")
                .then().statusCode(200).body("status", equalTo("converted")).body("statusCode", equalTo("qualified"));
        api().queryParam("leadId", leadId).get("/api/deals").then().body("", hasSize(1));
        api().get("/api/lead-statuses").then().statusCode(200)
                .body("code", hasItem("new")).body("find { it.code == 'callback' }.semantics", equalTo("in-progress"));
        api().contentType(ContentType.JSON).body("{\"code\":\"no-answer\",\"name\":\"No answer\",\"semantics\":\"in-progress\"}")
                .post("/api/lead-statuses").then().statusCode(201).body("builtin", equalTo(false));
        api().contentType(ContentType.JSON).body("{\"code\":\"no-answer\",\"semantics\":\"in-progress\"}")
                .post("/api/lead-statuses").then().statusCode(409);
        api().contentType(ContentType.JSON).body("{\"code\":\"later\",\"semantics\":\"someday\"}")
                .post("/api/lead-statuses").then().statusCode(400)
                .body("error", equalTo("status semantics must be one of in-progress, converted, junk"));
    }

    @Test
    void dealMovesKeepHistoryWithActorAndLossReason() {
        JsonPath p = pipeline(unique("Moves"), "New", "Talk", "Won:won", "Lost:lost");
        String leadId = lead("form");
        String dealId = api().contentType(ContentType.JSON)
                .body(Map.of("pipelineId", p.getString("id"), "amount", "1500.5", "currency", "eur"))
                .post("/api/leads/" + leadId + "/convert").then().statusCode(200).extract().path("dealId");
        api().get("/api/deals/" + dealId).then().body("amount", equalTo(1500.5f)).body("currency", equalTo("EUR"))
                .body("status", equalTo("open"));
        api().header("X-Actor", "anna").contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Talk")))
                .post("/api/deals/" + dealId + "/move").then().statusCode(200).body("stageId", equalTo(stage(p, "Talk")));
        api().contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Lost"), "lossReason", "price",
                        "actor", "boris"))
                .post("/api/deals/" + dealId + "/move").then().statusCode(200)
                .body("status", equalTo("lost")).body("lossReason", equalTo("price"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Won")))
                .post("/api/deals/" + dealId + "/move").then().statusCode(200)
                .body("status", equalTo("won")).body("lossReason", nullValue());
        JsonPath history = api().get("/api/deals/" + dealId + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("api", "anna", "boris", "api"), history.getList("actor"));
        assertEquals(java.util.Arrays.asList(null, stage(p, "New"), stage(p, "Talk"), stage(p, "Lost")),
                history.getList("fromStageId"));
        assertEquals(List.of(stage(p, "New"), stage(p, "Talk"), stage(p, "Lost"), stage(p, "Won")), history.getList("toStageId"));
        assertEquals("price", history.getString("[2].lossReason"));
        assertEquals(4, history.getList("at").size());
        api().contentType(ContentType.JSON).body(Map.of("stageId", "424242424")).post("/api/deals/" + dealId + "/move")
                .then().statusCode(400).body("error", equalTo("no stage 424242424"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Talk"))).post("/api/deals/424242424/move")
                .then().statusCode(404);
        api().contentType(ContentType.JSON).body("{\"amount\": 99.99, \"currency\": \"usd\", \"fields\": {\"city\": \"Kazan\"}}")
                .patch("/api/deals/" + dealId).then().statusCode(200)
                .body("amount", equalTo(99.99f)).body("currency", equalTo("USD")).body("fields.city", equalTo("Kazan"));
        api().contentType(ContentType.JSON).body("{\"currency\": \"XYZW\"}").patch("/api/deals/" + dealId).then()
                .statusCode(400);
        api().contentType(ContentType.JSON).body("{\"amount\": -1}").patch("/api/deals/" + dealId).then().statusCode(400);
        assertEquals(3L, events("leadgate.deal.moved", Long.parseLong(leadId)));
    }

    @Test
    void tunnelsAreValidatedAndLoopsRefused() {
        JsonPath a = pipeline(unique("TA"), "New", "Won:won", "Lost:lost");
        JsonPath b = pipeline(unique("TB"), "Start", "Done:won", "Failed:lost");
        api().contentType(ContentType.JSON).body(tunnel(a, "Won", b, "Start", "copy")).post("/api/tunnels").then()
                .statusCode(201).body("mode", equalTo("copy")).body("fromStageId", equalTo(stage(a, "Won")))
                .body("toPipelineId", equalTo(b.getString("id")));
        api().contentType(ContentType.JSON).body(tunnel(b, "Failed", a, "New", "move")).post("/api/tunnels").then()
                .statusCode(201);
        api().contentType(ContentType.JSON).body(tunnel(b, "Start", a, "Won", "move")).post("/api/tunnels").then()
                .statusCode(409).body("error", equalTo("this rule would close a loop: " + b.getString("name") + "/Start → "
                        + a.getString("name") + "/Won → " + b.getString("name") + "/Start"));
        api().contentType(ContentType.JSON).body(tunnel(a, "Won", b, "Start", "copy")).post("/api/tunnels").then()
                .statusCode(409).body("error", equalTo("this tunnel exists"));
        api().contentType(ContentType.JSON).body(tunnel(a, "Won", a, "New", "move")).post("/api/tunnels").then()
                .statusCode(400);
        api().contentType(ContentType.JSON).body(tunnel(a, "Won", b, "Done", "teleport")).post("/api/tunnels").then()
                .statusCode(400).body("error", equalTo("mode must be copy or move"));
        Map<String, String> mismatched = tunnel(a, "Won", b, "Done", "move");
        mismatched.put("fromStageId", stage(b, "Start"));
        api().contentType(ContentType.JSON).body(mismatched).post("/api/tunnels").then().statusCode(400);
        api().queryParam("pipelineId", a.getString("id")).get("/api/tunnels").then().body("", hasSize(2));
    }

    static Map<String, String> tunnel(JsonPath from, String fromStage, JsonPath to, String toStage, String mode) {
        return new java.util.HashMap<>(Map.of("fromPipelineId", from.getString("id"), "fromStageId", stage(from, fromStage),
                "toPipelineId", to.getString("id"), "toStageId", stage(to, toStage), "mode", mode));
    }

    static long events(String type, long leadId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("type = ?1 and leadId = ?2", type, leadId));
    }
}
