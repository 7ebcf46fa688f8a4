package io.leadgate.pipeline;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round robin among a channel's or a pipeline's managers, returning clients, deals-only channels. */
@QuarkusTest
class AssignmentTest {

    private static String responsible(String leadId) {
        return api().get("/api/leads/" + leadId).then().statusCode(200).extract().path("responsible");
    }

    @Test
    void channelLeadsGoToItsActiveManagersInTurn() {
        api().contentType(ContentType.JSON).body(Map.of("active", false)).put("/api/managers/max").then().statusCode(200)
                .body("active", equalTo(false));
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(responsible(lead("form-rr")));
        }
        assertEquals(Set.of("mia", "lev"), Set.copyOf(turns), "max is inactive and skipped");
        assertNotEquals(turns.get(0), turns.get(1));
        assertEquals(turns.get(0), turns.get(2));
        assertEquals(turns.get(1), turns.get(3));
        api().contentType(ContentType.JSON).body(Map.of("active", true)).put("/api/managers/max").then().statusCode(200);
        api().get("/api/managers").then().body("find { it.id == 'max' }.active", equalTo(true));
    }

    @Test
    void returningClientKeepsTheirManager() {
        String phone = "+7" + Api.newMobileDigits();
        String first = lead("form-rr", phone);
        String manager = responsible(first);
        assertTrue(Set.of("mia", "max", "lev").contains(manager));
        api().contentType(ContentType.JSON).body(Map.of("reason", "duplicate")).post("/api/leads/" + first + "/junk")
                .then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            lead("form-rr"); // other clients take the next turns
        }
        String again = lead("form-rr", phone);
        assertNotEquals(first, again, "a new lead: the first is closed");
        assertEquals(manager, responsible(again));
        api().contentType(ContentType.JSON).body(Map.of("reason", "duplicate")).post("/api/leads/" + again + "/junk")
                .then().statusCode(200);
        assertEquals(manager, responsible(lead("form", phone)), "also through a channel without managers");
        String dealId = convert(lead("form", "+7" + Api.newMobileDigits()), api().get("/api/pipelines").then().extract()
                .path("find { it.default == true }.id"));
        api().get("/api/deals/" + dealId).then().body("responsible", equalTo(null));
    }

    @Test
    void convertedDealsGoToThePipelinesManagersInTurn() {
        String pipelineId = PipelineTesting.pipeline(unique("Managed"), "New", "Won:won", "Lost:lost").getString("id");
        api().contentType(ContentType.JSON).body(Map.of("managers", List.of("pm1", "pm2")))
                .patch("/api/pipelines/" + pipelineId).then().statusCode(200).body("managers", equalTo(List.of("pm1", "pm2")));
        String a = convert(lead("form"), pipelineId);
        String b = convert(lead("form"), pipelineId);
        String ra = api().get("/api/deals/" + a).then().extract().path("responsible");
        String rb = api().get("/api/deals/" + b).then().extract().path("responsible");
        assertEquals(Set.of("pm1", "pm2"), Set.of(ra, rb));
    }

    @Test
    void dealsOnlyChannelCreatesThenExtendsTheClientsDeal() {
        String phone = "+7" + Api.newMobileDigits();
        JsonPath desk = api().get("/api/pipelines").then().extract().jsonPath()
                .setRootPath("find { it.name == 'Service desk' }");
        String first = lead("form-deals", phone);
        JsonPath lead = api().get("/api/leads/" + first).then().statusCode(200).extract().jsonPath();
        assertEquals("converted", lead.getString("status"));
        String dealId = lead.getString("dealId");
        JsonPath deal = api().get("/api/deals/" + dealId).then().statusCode(200).extract().jsonPath();
        assertEquals(desk.getString("id"), deal.getString("pipelineId"));
        assertEquals(stage(desk, "Request"), deal.getString("stageId"));
        assertEquals(first, deal.getString("leadId"));
        assertEquals("deals-form", deal.getString("source"));
        assertTrue(Set.of("dora", "dan").contains(deal.getString("responsible")), "the pipeline's managers");
        assertEquals(deal.getString("responsible"), lead.getString("responsible"));

        String second = lead("form-deals", phone);
        assertNotEquals(first, second);
        api().get("/api/leads/" + second).then().body("dealId", equalTo(dealId)).body("status", equalTo("converted"));
        api().queryParam("contactId", deal.getString("contactId")).get("/api/deals").then()
                .body("", hasSize(1)).body("[0].inquiryCount", equalTo(2));
    }
}
