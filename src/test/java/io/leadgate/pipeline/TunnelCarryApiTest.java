package io.leadgate.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineApiTest.tunnel;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.pipeline.SalesTesting.contact;
import static io.leadgate.pipeline.SalesTesting.deal;
import static io.leadgate.pipeline.SalesTesting.items;
import static io.leadgate.pipeline.SalesTesting.money;
import static io.leadgate.pipeline.SalesTesting.product;
import static io.leadgate.pipeline.SalesTesting.same;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tunnels that rename the deal they carry, choose the fields that travel, and can be edited. */
@QuarkusTest
class TunnelCarryApiTest {

    @Inject
    AutomationExecutor executor;

    @Test
    void aFailedInstallationReturnsToSalesRenamedWithTheChosenFields() {
        JsonPath sales = pipeline(unique("Sales"), "New", "Proposal", "Won:won", "Lost:lost");
        JsonPath install = pipeline(unique("Installation"), "New", "Scheduled", "Done:won", "Failed:lost");
        Map<String, Object> copy = new HashMap<>(tunnel(sales, "Won", install, "New", "copy"));
        copy.put("carry", List.of("title", "items", "responsible", "fields.address"));
        String copyId = api().contentType(ContentType.JSON).body(copy).post("/api/tunnels").then().statusCode(201)
                .body("carry", equalTo(List.of("title", "items", "responsible", "fields.address")))
                .extract().path("id");
        Map<String, Object> back = new HashMap<>(tunnel(install, "Failed", sales, "Proposal", "move"));
        back.put("titlePrefix", "Installation failed: ");
        String backId = api().contentType(ContentType.JSON).body(back).post("/api/tunnels").then().statusCode(201)
                .body("titlePrefix", equalTo("Installation failed: ")).body("carry", nullValue()).extract().path("id");

        String boiler = product("Boiler", "1200.00", "RUB");
        String dealId = deal(contact("Ivan"), sales.getString("id"), "anna", "title", "Boiler for the dacha",
                "expectedCloseDate", "2027-01-15");
        items(dealId, boiler, 2);
        api().contentType(ContentType.JSON).body(Map.of("fields", Map.of("address", "Lenina 1", "discount", "secret")))
                .patch("/api/deals/" + dealId).then().statusCode(200);
        move(dealId, stage(sales, "Won"));

        JsonPath copied = money().queryParam("sourceDealId", dealId).queryParam("pipelineId", install.getString("id"))
                .get("/api/deals").then().statusCode(200).extract().jsonPath();
        assertEquals(1, copied.getList("").size());
        String copyDeal = copied.getString("[0].id");
        assertEquals("Boiler for the dacha", copied.getString("[0].title"));
        assertEquals("anna", copied.getString("[0].responsible"));
        assertEquals(Map.of("address", "Lenina 1"), copied.getMap("[0].fields"));
        assertEquals(null, copied.getString("[0].expectedCloseDate"), "not in the carry list");
        same("2400.00", copied.get("[0].amount"));
        money().get("/api/deals/" + copyDeal + "/items").then().body("items.size()", equalTo(1))
                .body("amountManual", equalTo(false));

        // installation fails: the deal goes back to Sales, renamed, once
        move(copyDeal, stage(install, "Failed"), "no-access");
        api().get("/api/deals/" + copyDeal).then().body("pipelineId", equalTo(sales.getString("id")))
                .body("stageId", equalTo(stage(sales, "Proposal")))
                .body("title", equalTo("Installation failed: Boiler for the dacha"));
        assertEquals("tunnel:" + backId, api().get("/api/deals/" + copyDeal + "/history").then().extract().jsonPath()
                .getString("[-1].actor"));

        // edited: everything travels now, and the way back ends in New with a suffix too
        api().contentType(ContentType.JSON).body("{\"carry\": null}").patch("/api/tunnels/" + copyId).then()
                .statusCode(200).body("carry", nullValue());
        api().contentType(ContentType.JSON).body(Map.of("toStageId", stage(sales, "New"), "titleSuffix", " (again)"))
                .patch("/api/tunnels/" + backId).then().statusCode(200).body("toStageId", equalTo(stage(sales, "New")))
                .body("titlePrefix", equalTo("Installation failed: ")).body("titleSuffix", equalTo(" (again)"));
        move(copyDeal, stage(sales, "Won"));
        JsonPath second = api().queryParam("sourceDealId", copyDeal).get("/api/deals").then().extract().jsonPath();
        String again = second.getString("[0].id");
        assertEquals(Map.of("address", "Lenina 1"), second.getMap("[0].fields"), "all its fields travel");
        move(again, stage(install, "Failed"), "no-access");
        api().get("/api/deals/" + again).then().body("stageId", equalTo(stage(sales, "New")))
                .body("title", equalTo("Installation failed: Boiler for the dacha (again)"));
    }

    @Test
    void tunnelEditsAreCheckedLikeNewTunnels() {
        JsonPath a = pipeline(unique("EA"), "New", "Won:won", "Lost:lost");
        JsonPath b = pipeline(unique("EB"), "Start", "Next", "Done:won", "Failed:lost");
        api().contentType(ContentType.JSON).body(tunnel(a, "Won", b, "Start", "copy")).post("/api/tunnels").then()
                .statusCode(201);
        String t = api().contentType(ContentType.JSON).body(tunnel(b, "Start", a, "New", "copy")).post("/api/tunnels")
                .then().statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).body(Map.of("toStageId", stage(a, "Won"))).patch("/api/tunnels/" + t)
                .then().statusCode(409).body("error", startsWith("this rule would close a loop"));
        api().contentType(ContentType.JSON).body(tunnel(a, "New", b, "Failed", "copy")).post("/api/tunnels").then()
                .statusCode(400).body("error", equalTo("a tunnel cannot lead into a lost stage: a loss needs a reason from the list"));
        api().contentType(ContentType.JSON).body(Map.of("mode", "move", "carry", List.of("title"))).patch("/api/tunnels/" + t)
                .then().statusCode(400).body("error", equalTo("carry applies to copy tunnels; a move tunnel takes the whole deal along"));
        api().contentType(ContentType.JSON).body(Map.of("carry", List.of("colour"))).patch("/api/tunnels/" + t)
                .then().statusCode(400).body("error", startsWith("carry lists fields among title, amount, items"));
        api().contentType(ContentType.JSON).body(Map.of("titlePrefix", "   ")).patch("/api/tunnels/" + t)
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body(Map.of("carry", List.of())).patch("/api/tunnels/" + t)
                .then().statusCode(200).body("carry", equalTo(List.of())).body("toStageId", equalTo(stage(a, "New")));
        api().contentType(ContentType.JSON).body(Map.of("mode", "move")).patch("/api/tunnels/999999999").then()
                .statusCode(404);
    }

    @Test
    void anAutomatedMoveIntoALostStageNamesAListedReason() {
        JsonPath p = pipeline(unique("AutoLoss"), "New", "Stale", "Won:won", "Lost:lost");
        Map<String, Object> rule = new HashMap<>(Map.of("stageId", stage(p, "Stale"), "action", "move",
                "params", Map.of("stageId", stage(p, "Lost"))));
        api().contentType(ContentType.JSON).body(rule).post("/api/automations").then().statusCode(400)
                .body("error", startsWith("lossReason is required to move into a lost stage"));
        rule.put("params", Map.of("stageId", stage(p, "Lost"), "lossReason", "No answer"));
        api().contentType(ContentType.JSON).body(rule).post("/api/automations").then().statusCode(201);
        executor.runDue();
        String dealId = deal(contact("Silent"), p.getString("id"), "anna");
        move(dealId, stage(p, "Stale"));
        executor.runDue();
        api().get("/api/deals/" + dealId).then().body("status", equalTo("lost")).body("lossReason", equalTo("no-answer"));
    }
}
