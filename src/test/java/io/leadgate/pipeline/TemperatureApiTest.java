package io.leadgate.pipeline;

import io.leadgate.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.pipeline.SalesTesting.contact;
import static io.leadgate.pipeline.SalesTesting.deal;
import static io.leadgate.pipeline.SalesTesting.money;
import static io.leadgate.pipeline.SalesTesting.probability;
import static io.leadgate.pipeline.SalesTesting.same;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Open deals turn hot, warm and cold by the documented rules as the clock runs; analytics filter by it. */
@QuarkusTest
class TemperatureApiTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void dealsCoolDownAsTheClockRuns() {
        JsonPath p = pipeline(unique("Warmth"), "New", "Meeting", "Won:won", "Lost:lost");
        String pid = p.getString("id");
        probability(p, "Meeting", 60);
        TestClock.set(Instant.parse("2032-05-01T12:00:00Z"));
        String a = deal(contact("Anna"), pid, "t-anna", "amount", "100");
        String b = deal(contact("Boris"), pid, "t-boris", "amount", "200");
        String won = deal(contact("Vera"), pid, "t-vera", "amount", "300");
        move(won, stage(p, "Won"));

        TestClock.advance(Duration.ofDays(1));
        assertEquals(Map.of("hot", 0, "warm", 2, "cold", 0), counts(pid), "new deals, one step old: warm");
        move(a, stage(p, "Meeting")); // 60 % ≥ 50 %, active now: hot

        TestClock.advance(Duration.ofDays(3)); // a: 3 days since its last activity, still hot
        assertEquals(Map.of("hot", 1, "warm", 1, "cold", 0), counts(pid));
        JsonPath hot = api().queryParam("pipelineId", pid).queryParam("temperature", "hot")
                .get("/api/analytics/temperature").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(a), hot.getList("deals.dealId"));
        assertEquals("2032-05-02T12:00:00Z", hot.getString("deals[0].lastActivity"));
        same("60.00", money().queryParam("pipelineId", pid).queryParam("temperature", "hot")
                .get("/api/analytics/forecast").then().extract().path("weighted.RUB"));

        TestClock.advance(Duration.ofSeconds(1)); // past three days: warm
        assertEquals(Map.of("hot", 0, "warm", 2, "cold", 0), counts(pid));

        TestClock.set(Instant.parse("2032-05-15T12:00:01Z")); // b: 14 days and a second: cold; a: 13 days
        assertEquals(Map.of("hot", 0, "warm", 1, "cold", 1), counts(pid));
        JsonPath cold = api().queryParam("pipelineId", pid).queryParam("temperature", "cold")
                .get("/api/analytics/temperature").then().extract().jsonPath();
        assertEquals(List.of(b), cold.getList("deals.dealId"));
        JsonPath byTemperature = money().queryParam("pipelineId", pid).queryParam("by", "temperature")
                .get("/api/analytics/forecast").then().extract().jsonPath();
        assertEquals(1, byTemperature.getInt("groups.cold.deals"));
        assertEquals(1, byTemperature.getInt("groups.warm.deals"));

        TestClock.set(Instant.parse("2032-06-01T00:00:00Z"));
        assertEquals(Map.of("hot", 0, "warm", 0, "cold", 2), counts(pid), "won deals have no temperature");
    }

    private static Map<String, Integer> counts(String pid) {
        return api().queryParam("pipelineId", pid).get("/api/analytics/temperature").then().statusCode(200).extract()
                .jsonPath().getMap("counts");
    }
}
