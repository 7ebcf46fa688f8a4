package io.leadgate.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loss reasons are a managed list, and a move into a lost stage names one of them (CONTRACT §7). */
@QuarkusTest
class LossReasonApiTest {

    @Test
    void listsConfiguredDefaultsThenFileEntries() {
        List<String> codes = api().get("/api/loss-reasons").then().statusCode(200).extract().jsonPath().getList("code");
        assertEquals(List.of("price", "competitor", "no-budget", "no-answer", "not-relevant", "other", "no-access"),
                codes.subList(0, 7));
        api().get("/api/loss-reasons").then().body("find { it.code == 'no-access' }.name", equalTo("No access on site"));
    }

    @Test
    void addsAReasonWrittenAsPeopleWriteIt() {
        String written = "Chose DIY " + UUID.randomUUID().toString().substring(0, 8);
        String code = written.toLowerCase().replace(' ', '-');
        api().contentType(ContentType.JSON).body(Map.of("code", written, "name", "Chose to do it themselves"))
                .post("/api/loss-reasons").then().statusCode(201)
                .body("code", equalTo(code)).body("name", equalTo("Chose to do it themselves"));
        api().get("/api/loss-reasons").then().body("code", hasItem(code));
        api().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/loss-reasons").then().statusCode(409)
                .body("error", equalTo("loss reason " + code + " exists"));
    }

    @Test
    void refusesReasonsWithoutAUsableCode() {
        api().contentType(ContentType.JSON).body(Map.of("name", "No code")).post("/api/loss-reasons").then()
                .statusCode(400).body("error", equalTo("code is required"));
        api().contentType(ContentType.JSON).body(Map.of("code", "ok/no")).post("/api/loss-reasons").then()
                .statusCode(400).body("error", startsWith("loss reason must be 1 to 64 of a-z, 0-9 and -"));
        api().contentType(ContentType.JSON).body("null").post("/api/loss-reasons").then().statusCode(400);
    }

    @Test
    void movingIntoALostStageNeedsAListedReason() {
        JsonPath p = pipeline(unique("Losses"), "New", "Talk", "Won:won", "Lost:lost");
        String dealId = convert(lead("form"), p.getString("id"));
        String lost = stage(p, "Lost");

        api().contentType(ContentType.JSON).body(Map.of("stageId", lost)).post("/api/deals/" + dealId + "/move")
                .then().statusCode(400)
                .body("error", startsWith("lossReason is required to move into a lost stage, one of price, competitor"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", lost, "lossReason", "too expensive"))
                .post("/api/deals/" + dealId + "/move").then().statusCode(400)
                .body("error", startsWith("lossReason must be one of price, competitor, no-budget"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", lost, "lossReason", "x".repeat(5000)))
                .post("/api/deals/" + dealId + "/move").then().statusCode(400);
        api().get("/api/deals/" + dealId).then().body("stageId", equalTo(stage(p, "New")))
                .body("status", equalTo("open"));

        api().contentType(ContentType.JSON).body(Map.of("stageId", lost, "lossReason", "No budget"))
                .post("/api/deals/" + dealId + "/move").then().statusCode(200)
                .body("status", equalTo("lost")).body("lossReason", equalTo("no-budget"));
        assertEquals("no-budget", api().get("/api/deals/" + dealId + "/history").then().extract().jsonPath()
                .getString("[-1].lossReason"));
        api().queryParam("pipelineId", p.getString("id")).get("/api/analytics/funnel").then().statusCode(200)
                .body("lost", equalTo(Map.of("no-budget", 1)));
    }

    @Test
    void aReasonOnAMoveIntoAnOpenStageIsNotNeededAndNotKept() {
        JsonPath p = pipeline(unique("Open moves"), "New", "Talk", "Lost:lost");
        String dealId = convert(lead("form"), p.getString("id"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Talk"), "lossReason", "anything"))
                .post("/api/deals/" + dealId + "/move").then().statusCode(200).body("lossReason", equalTo(null));
        assertTrue(api().get("/api/deals/" + dealId).then().extract().jsonPath().getString("lossReason") == null);
    }
}
