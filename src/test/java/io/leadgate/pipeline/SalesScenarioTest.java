package io.leadgate.pipeline;

import io.leadgate.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.pipeline.SalesTesting.contact;
import static io.leadgate.pipeline.SalesTesting.deal;
import static io.leadgate.pipeline.SalesTesting.items;
import static io.leadgate.pipeline.SalesTesting.money;
import static io.leadgate.pipeline.SalesTesting.probability;
import static io.leadgate.pipeline.SalesTesting.product;
import static io.leadgate.pipeline.SalesTesting.same;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The scripted sales scenario: three months of two managers' deals with products, wins, a loss and a returning
 * client, on a clock the test moves. Revenue, forecast and contribution are checked to the cent.
 */
@QuarkusTest
class SalesScenarioTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void revenueForecastAndContributionAreExact() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String anna = "anna-" + tag;
        String boris = "boris-" + tag;
        JsonPath p = pipeline(unique("Scenario sales"), "New", "Proposal", "Contract", "Won:won", "Lost:lost");
        String pid = p.getString("id");
        probability(p, "New", 10);
        probability(p, "Proposal", 40);
        probability(p, "Contract", 70);
        String boiler = product("Boiler", "1500.00", "RUB");
        String install = product("Installation", "350.50", "RUB");
        String care = product("Maintenance", "99.99", "RUB");
        String ivan = contact("Ivan");

        // January
        at("2031-01-10T10:00:00Z");
        String d1 = deal(ivan, pid, anna);
        items(d1, boiler, 2, install, 1);                                   // 3350.50
        String d2 = deal(contact("Olga"), pid, anna, "expectedCloseDate", "2031-03-15");
        items(d2, boiler, 1);                                               // 1500.00
        String d3 = deal(contact("Petr"), pid, boris, "amount", "1000");    // by hand
        String d4 = deal(contact("Lena"), pid, boris);
        items(d4, install, 2);                                              // 701.00
        at("2031-01-12T09:00:00Z");
        move(d2, stage(p, "Proposal"));
        move(d4, stage(p, "Proposal"));

        // the forecast on 12 January: d1 3350.50 × 10 %, d2 1500.00 × 40 %, d3 1000.00 × 10 %, d4 701.00 × 40 %
        JsonPath early = money().queryParam("pipelineId", pid).get("/api/analytics/forecast").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, early.getInt("deals"));
        same("6551.50", early.get("amount.RUB"));
        same("1315.45", early.get("weighted.RUB")); // 335.05 + 600.00 + 100.00 + 280.40

        at("2031-01-20T15:00:00Z");
        move(d1, stage(p, "Won"));
        at("2031-01-25T11:00:00Z");
        move(d3, stage(p, "Won"));
        move(d4, stage(p, "Lost"), "price");

        // February: Ivan comes back
        at("2031-02-05T10:00:00Z");
        String d5 = deal(ivan, pid, anna);
        items(d5, care, 3);                                                 // 299.97
        String d6 = deal(contact("Oleg"), pid, boris, "expectedCloseDate", "2031-02-28");
        items(d6, boiler, 1, care, 1);                                      // 1599.99
        String d7 = deal(contact("Nina"), pid, boris, "amount", "500", "expectedCloseDate", "2031-03-01");
        move(d6, stage(p, "Contract"));
        at("2031-02-10T12:00:00Z");
        move(d5, stage(p, "Won"));

        // March
        at("2031-03-03T08:00:00Z");
        move(d2, stage(p, "Won"));

        // revenue: d1 3350.50 + d3 1000.00 + d5 299.97 + d2 1500.00
        JsonPath revenue = money().queryParam("pipelineId", pid).queryParam("by", "manager")
                .get("/api/analytics/revenue").then().statusCode(200).extract().jsonPath();
        assertEquals(4, revenue.getInt("deals"));
        same("6150.47", revenue.get("amount.RUB"));
        assertEquals(3, revenue.getInt("groups.'" + anna + "'.deals"));
        same("5150.47", revenue.get("groups.'" + anna + "'.amount.RUB"));
        same("1000.00", revenue.get("groups.'" + boris + "'.amount.RUB"));

        JsonPath byMonth = money().queryParam("pipelineId", pid).queryParam("by", "month")
                .get("/api/analytics/revenue").then().extract().jsonPath();
        same("4350.50", byMonth.get("groups.'2031-01'.amount.RUB"));
        same("299.97", byMonth.get("groups.'2031-02'.amount.RUB"));
        same("1500.00", byMonth.get("groups.'2031-03'.amount.RUB"));
        JsonPath february = money().queryParam("pipelineId", pid).queryParam("from", "2031-02-01")
                .queryParam("to", "2031-02-28").get("/api/analytics/revenue").then().extract().jsonPath();
        assertEquals(1, february.getInt("deals"));
        same("299.97", february.get("amount.RUB"));

        // repeat client (Ivan had won d1 before d5 was created) against new clients
        JsonPath clients = money().queryParam("pipelineId", pid).queryParam("by", "client")
                .get("/api/analytics/revenue").then().extract().jsonPath();
        assertEquals(1, clients.getInt("groups.repeat.deals"));
        same("299.97", clients.get("groups.repeat.amount.RUB"));
        assertEquals(3, clients.getInt("groups.new.deals"));
        same("5850.50", clients.get("groups.new.amount.RUB"));
        same("299.97", money().queryParam("pipelineId", pid).queryParam("client", "repeat")
                .get("/api/analytics/revenue").then().extract().path("amount.RUB"));

        // by product: deals won with a boiler are d1 and d2
        JsonPath boilers = money().queryParam("pipelineId", pid).queryParam("productId", boiler)
                .get("/api/analytics/revenue").then().extract().jsonPath();
        assertEquals(2, boilers.getInt("deals"));
        same("4850.50", boilers.get("amount.RUB"));

        // forecast now: d6 1599.99 × 70 % = 1119.99 (to the cent), d7 500.00 × 10 % = 50.00
        JsonPath forecast = money().queryParam("pipelineId", pid).queryParam("by", "month")
                .get("/api/analytics/forecast").then().statusCode(200).extract().jsonPath();
        assertEquals(2, forecast.getInt("deals"));
        same("2099.99", forecast.get("amount.RUB"));
        same("1169.99", forecast.get("weighted.RUB"));
        same("1119.99", forecast.get("groups.'2031-02'.weighted.RUB"));
        same("50.00", forecast.get("groups.'2031-03'.weighted.RUB"));
        JsonPath byStage = money().queryParam("pipelineId", pid).queryParam("by", "stage")
                .get("/api/analytics/forecast").then().extract().jsonPath();
        same("1119.99", byStage.get("groups.'Contract (" + stage(p, "Contract") + ")'.weighted.RUB"));
        same("1169.99", money().queryParam("pipelineId", pid).queryParam("manager", boris)
                .get("/api/analytics/forecast").then().extract().path("weighted.RUB"));
        same("50.00", money().queryParam("pipelineId", pid).queryParam("from", "2031-03-01")
                .get("/api/analytics/forecast").then().extract().path("weighted.RUB"));
        same("1119.99", money().queryParam("pipelineId", pid).queryParam("productId", boiler)
                .get("/api/analytics/forecast").then().extract().path("weighted.RUB"));

        // contribution, January to March
        JsonPath c = money().queryParam("pipelineId", pid).queryParam("from", "2031-01").queryParam("to", "2031-03")
                .get("/api/analytics/contribution").then().statusCode(200).extract().jsonPath();
        String a = "managers.'" + anna + "'";
        String b = "managers.'" + boris + "'";
        assertEquals(java.util.List.of("2031-01", "2031-02", "2031-03"), c.getList(a + ".month"));
        assertEquals(java.util.List.of(2, 1, 0), c.getList(a + ".leads"));
        assertEquals(java.util.List.of(1, 1, 1), c.getList(a + ".won"));
        same("3350.50", c.get(a + "[0].revenue.RUB"));
        same("0.5", c.get(a + "[0].conversion"));
        same("0.7701", c.get(a + "[0].share.RUB"));        // 3350.50 / 4350.50
        assertEquals(1, c.getInt(a + "[0].wonChange"));
        same("3350.50", c.get(a + "[0].revenueChange.RUB"));
        same("1", c.get(a + "[1].conversion"));
        same("1", c.get(a + "[1].share.RUB"));
        same("-3050.53", c.get(a + "[1].revenueChange.RUB"));
        assertNull(c.get(a + "[2].conversion"), "no deals taken in March");
        same("1200.03", c.get(a + "[2].revenueChange.RUB"));

        assertEquals(java.util.List.of(2, 2, 0), c.getList(b + ".leads"));
        assertEquals(java.util.List.of(1, 0, 0), c.getList(b + ".won"));
        same("0.2299", c.get(b + "[0].share.RUB"));        // 1000.00 / 4350.50
        same("0", c.get(b + "[1].conversion"));
        same("0", c.get(b + "[1].share.RUB"));
        assertEquals(-1, c.getInt(b + "[1].wonChange"));
        same("-1000.00", c.get(b + "[1].revenueChange.RUB"));
        assertEquals(Map.of(), c.getMap(b + "[2].revenueChange"));

        assertEquals(java.util.List.of(4, 3, 0), c.getList("team.leads"));
        assertEquals(java.util.List.of(2, 1, 1), c.getList("team.won"));
        same("4350.50", c.get("team[0].revenue.RUB"));
        same("1", c.get("team[0].share.RUB"));

        // defaults: the six months up to the clock's
        at("2031-03-20T00:00:00Z");
        JsonPath recent = money().queryParam("pipelineId", pid).get("/api/analytics/contribution").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("2030-10", recent.getString("from"));
        assertEquals("2031-03", recent.getString("to"));
        assertEquals(6, recent.getList("team").size());
    }

    @Test
    void revenueBySourceAndCampaignOfTheLeads() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        JsonPath p = pipeline(unique("Campaigns"), "New", "Won:won", "Lost:lost");
        String pid = p.getString("id");
        String spring = converted("spring-" + tag, pid);
        String autumn = converted("autumn-" + tag, pid);
        String springAgain = converted("spring-" + tag, pid);
        String none = PipelineTesting.convert(PipelineTesting.lead("tilda"), pid);
        amount(spring, "100.10");
        amount(autumn, "200.20");
        amount(springAgain, "300.30");
        amount(none, "400.40");
        for (String d : java.util.List.of(spring, autumn, springAgain, none)) {
            move(d, stage(p, "Won"));
        }
        JsonPath byCampaign = money().queryParam("pipelineId", pid).queryParam("by", "campaign")
                .get("/api/analytics/revenue").then().statusCode(200).extract().jsonPath();
        assertEquals(2, byCampaign.getInt("groups.'spring-" + tag + "'.deals"));
        same("400.40", byCampaign.get("groups.'spring-" + tag + "'.amount.RUB"));
        same("200.20", byCampaign.get("groups.'autumn-" + tag + "'.amount.RUB"));
        same("400.40", byCampaign.get("groups.none.amount.RUB"));
        JsonPath bySource = money().queryParam("pipelineId", pid).queryParam("by", "source")
                .get("/api/analytics/revenue").then().extract().jsonPath();
        same("600.60", bySource.get("groups.website.amount.RUB"));
        assertEquals(1, bySource.getInt("groups.tilda.deals"));
        same("200.20", money().queryParam("pipelineId", pid).queryParam("campaign", "autumn-" + tag)
                .get("/api/analytics/revenue").then().extract().path("amount.RUB"));
        same("1001.00", money().queryParam("pipelineId", pid).get("/api/analytics/revenue").then().extract()
                .path("amount.RUB"));
    }

    /** A lead through the web form with a UTM campaign, converted into the pipeline; the deal id. */
    private static String converted(String campaign, String pipelineId) {
        String leadId = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "Client", "phone", "+7" + io.leadgate.testing.Api.newMobileDigits(),
                        "message", "hello " + UUID.randomUUID(), "campaign", campaign))
                .post("/hooks/form").then().statusCode(200).extract().path("leadId");
        return PipelineTesting.convert(leadId, pipelineId);
    }

    private static void amount(String dealId, String amount) {
        api().contentType(io.restassured.http.ContentType.JSON).body("{\"amount\": " + amount + "}")
                .patch("/api/deals/" + dealId).then().statusCode(200);
    }

    @Test
    void refusesUnknownGroupingsAndFilters() {
        api().queryParam("by", "colour").get("/api/analytics/revenue").then().statusCode(400);
        api().queryParam("client", "old").get("/api/analytics/revenue").then().statusCode(400);
        api().queryParam("temperature", "hot").get("/api/analytics/revenue").then().statusCode(400);
        api().queryParam("temperature", "lukewarm").get("/api/analytics/forecast").then().statusCode(400);
        api().queryParam("productId", "x").get("/api/analytics/forecast").then().statusCode(400);
        api().queryParam("from", "2031-13").get("/api/analytics/contribution").then().statusCode(400);
        api().queryParam("from", "2031-03").queryParam("to", "2031-01").get("/api/analytics/contribution").then()
                .statusCode(400);
    }

    private static void at(String instant) {
        TestClock.set(Instant.parse(instant));
    }
}
