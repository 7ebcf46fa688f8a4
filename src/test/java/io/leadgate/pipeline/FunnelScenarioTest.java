package io.leadgate.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineApiTest.tunnel;
import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scripted scenario: leads from three channels, conversions, moves (some skipping stages), losses with reasons,
 * junk, and a tunnel chain Sales won → Installation → Maintenance; the funnel numbers are exact.
 */
@QuarkusTest
class FunnelScenarioTest {

    @Test
    void funnelCountsEveryStepOfTheScenarioExactly() {
        Instant start = Instant.now();
        JsonPath sales = pipeline(unique("Scenario"), "New", "Qualified", "Proposal", "Negotiation", "Contract",
                "Won:won", "Lost:lost");
        JsonPath install = pipeline(unique("Installation"), "New", "Scheduled", "Installed:won", "Failed:lost");
        JsonPath maint = pipeline(unique("Maintenance"), "Active", "Renewal", "Closed:won", "Cancelled:lost");
        api().contentType(ContentType.JSON).body(tunnel(sales, "Won", install, "New", "copy")).post("/api/tunnels")
                .then().statusCode(201);
        String chain = api().contentType(ContentType.JSON).body(tunnel(install, "Installed", maint, "Active", "move"))
                .post("/api/tunnels").then().statusCode(201).extract().path("id");
        String salesId = sales.getString("id");

        String d1 = convert(lead("form"), salesId);
        String d2 = convert(lead("form"), salesId);
        String d3 = convert(lead("form"), salesId);
        String d4 = convert(lead("form-de"), salesId);
        String d5 = convert(lead("tilda"), salesId);
        api().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/leads/" + lead("form-de") + "/junk")
                .then().statusCode(200);

        for (String s : List.of("Qualified", "Proposal", "Negotiation", "Contract", "Won")) {
            move(d1, stage(sales, s));
        }
        move(d2, stage(sales, "Qualified"));
        move(d2, stage(sales, "Lost"), "price");
        move(d3, stage(sales, "Proposal"));
        move(d3, stage(sales, "Lost"), "competitor");
        move(d4, stage(sales, "Qualified"));
        move(d4, stage(sales, "Proposal"));
        move(d4, stage(sales, "Won"));

        // the won deals were copied into Installation, linked to their originals
        JsonPath installed = api().queryParam("pipelineId", install.getString("id")).get("/api/deals").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(d1, d4), installed.getList("sourceDealId"));
        String c1 = installed.getString("[0].id");
        String c4 = installed.getString("[1].id");
        move(c1, stage(install, "Scheduled"));
        move(c1, stage(install, "Installed"));
        move(c4, stage(install, "Failed"), "no-access");

        // the installed copy went on into Maintenance (a move tunnel): the chain
        JsonPath m = api().get("/api/deals/" + c1).then().extract().jsonPath();
        assertEquals(maint.getString("id"), m.getString("pipelineId"));
        assertEquals(stage(maint, "Active"), m.getString("stageId"));
        assertEquals("tunnel:" + chain, api().get("/api/deals/" + c1 + "/history").then().extract().jsonPath()
                .getString("[-1].actor"));
        assertEquals(stage(sales, "Won"), api().get("/api/deals/" + d1).then().extract().path("stageId"),
                "a copy tunnel leaves the original where it is");
        assertEquals(stage(sales, "New"), api().get("/api/deals/" + d5).then().extract().path("stageId"));

        JsonPath funnel = api().queryParam("pipelineId", salesId).get("/api/analytics/funnel").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("New", "Qualified", "Proposal", "Negotiation", "Contract", "Won", "Lost"),
                funnel.getList("stages.name"));
        assertEquals(List.of(stage(sales, "New"), stage(sales, "Qualified"), stage(sales, "Proposal"),
                stage(sales, "Negotiation"), stage(sales, "Contract"), stage(sales, "Won"), stage(sales, "Lost")),
                funnel.getList("stages.stageId"));
        assertEquals(List.of(5, 4, 3, 2, 2, 2, 2), funnel.getList("stages.count"));
        assertEquals(List.of(1.0f, 0.8f, 0.6f, 0.4f, 0.4f, 0.4f, 0.4f), funnel.getList("stages.conversion"));
        assertEquals(java.util.Arrays.asList(1.0f, 0.8f, 0.75f, 0.6667f, 1.0f, 1.0f, null),
                funnel.getList("stages.stepConversion"));
        assertEquals(Map.of("competitor", 1, "price", 1), funnel.getMap("lost"));
        assertEquals(5, funnel.getInt("deals"));
        assertEquals(2, funnel.getInt("won"));
        assertEquals(0.4f, funnel.getFloat("conversion"));
        assertEquals(Map.of(), funnel.getMap("groups"));

        JsonPath bySource = api().queryParam("pipelineId", salesId).queryParam("by", "source")
                .get("/api/analytics/funnel").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 3, 2, 1, 1, 1, 2), bySource.getList("groups.website.stages.count"));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 0), bySource.getList("groups.'website-de'.stages.count"));
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 0), bySource.getList("groups.tilda.stages.count"));
        assertEquals(Map.of("competitor", 1, "price", 1), bySource.getMap("groups.website.lost"));
        JsonPath byChannel = api().queryParam("pipelineId", salesId).queryParam("by", "channel")
                .get("/api/analytics/funnel").then().extract().jsonPath();
        assertEquals(List.of("form", "form-de", "tilda"), List.copyOf(byChannel.getMap("groups").keySet()));
        JsonPath byManager = api().queryParam("pipelineId", salesId).queryParam("by", "manager")
                .get("/api/analytics/funnel").then().extract().jsonPath();
        assertEquals(List.of(5, 4, 3, 2, 2, 2, 2), byManager.getList("groups.none.stages.count"));
        JsonPath byDay = api().queryParam("pipelineId", salesId).queryParam("by", "day")
                .get("/api/analytics/funnel").then().extract().jsonPath();
        assertEquals(5, byDay.getMap("groups").keySet().stream()
                .mapToInt(day -> byDay.getInt("groups.'" + day + "'.stages[0].count")).sum());

        JsonPath installation = api().queryParam("pipelineId", install.getString("id")).get("/api/analytics/funnel")
                .then().extract().jsonPath();
        assertEquals(List.of(2, 1, 1, 1), installation.getList("stages.count"));
        assertEquals(List.of(1.0f, 0.5f, 0.5f, 0.5f), installation.getList("stages.conversion"));
        assertEquals(Map.of("no-access", 1), installation.getMap("lost"));
        JsonPath maintenance = api().queryParam("pipelineId", maint.getString("id")).get("/api/analytics/funnel")
                .then().extract().jsonPath();
        assertEquals(List.of(1, 0, 0, 0), maintenance.getList("stages.count"));
        assertEquals(List.of(1.0f, 0.0f, 0.0f, 0.0f), maintenance.getList("stages.conversion"));

        // the period: everything happened after start, nothing in the future or before
        assertEquals(List.of(5, 4, 3, 2, 2, 2, 2), api().queryParam("pipelineId", salesId)
                .queryParam("from", start.toString()).get("/api/analytics/funnel").then().extract().jsonPath()
                .getList("stages.count"));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), api().queryParam("pipelineId", salesId)
                .queryParam("from", "2999-01-01").get("/api/analytics/funnel").then().extract().jsonPath()
                .getList("stages.count"));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), api().queryParam("pipelineId", salesId)
                .queryParam("to", "2000-01-01").get("/api/analytics/funnel").then().extract().jsonPath()
                .getList("stages.count"));
        api().queryParam("pipelineId", salesId).queryParam("by", "moon").get("/api/analytics/funnel").then()
                .statusCode(400);
        api().queryParam("pipelineId", salesId).queryParam("from", "yesterday").get("/api/analytics/funnel").then()
                .statusCode(400);

        // lead analytics of the same period: six leads, five converted, one junk for spam
        JsonPath leads = api().queryParam("from", start.toString()).queryParam("by", "channel")
                .get("/api/analytics/leads").then().statusCode(200).extract().jsonPath();
        assertEquals(6, leads.getInt("total"));
        assertEquals(5, leads.getInt("converted"));
        assertEquals(1, leads.getInt("junk"));
        assertEquals(Map.of("form", 3, "form-de", 2, "tilda", 1), leads.getMap("groups"));
        assertEquals(Map.of("spam", 1), api().queryParam("from", start.toString()).queryParam("by", "junk-reason")
                .get("/api/analytics/leads").then().extract().jsonPath().getMap("groups"));
    }
}
