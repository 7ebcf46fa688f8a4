package io.leadgate.pipeline;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics API beyond the funnel's numbers (FunnelScenarioTest): calendar days in the requested time zone, the
 * previous period, leads per channel and bucket, won amounts, CSV answers and clear 400s.
 */
@QuarkusTest
class AnalyticsApiTest {

    @Inject
    AgroalDataSource dataSource;

    /** Moves a lead's creation to a fixed moment (leads of the API are created now). */
    private void createdAt(String leadId, String instant) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update lead set created_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.parse(instant)));
            s.setLong(2, Long.parseLong(leadId));
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void aMoscowDayIsAMoscowDay() throws SQLException {
        // 22:30 UTC on 1 March 2021 is 01:30 on 2 March in Moscow
        createdAt(lead("form"), "2021-03-01T22:30:00Z");
        createdAt(lead("tilda"), "2021-03-01T12:00:00Z");
        JsonPath utc = api().queryParam("from", "2021-03-01").queryParam("to", "2021-03-02").queryParam("tz", "UTC")
                .queryParam("by", "day").get("/api/analytics/leads").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("2021-03-01", 2), utc.getMap("groups"));
        assertEquals("UTC", utc.getString("tz"));
        JsonPath moscow = api().queryParam("from", "2021-03-01").queryParam("to", "2021-03-02")
                .queryParam("tz", "Europe/Moscow").queryParam("by", "day").get("/api/analytics/leads").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(Map.of("2021-03-01", 1, "2021-03-02", 1), moscow.getMap("groups"));
        assertEquals("2021-02-28T21:00:00Z", moscow.getString("from"), "a date is midnight in the zone");
        assertEquals(1, api().queryParam("from", "2021-03-02").queryParam("to", "2021-03-02")
                .queryParam("tz", "Europe/Moscow").get("/api/analytics/leads").then().extract().jsonPath()
                .getInt("total"), "the Moscow 2 March holds the late-evening UTC lead only");

        JsonPath series = api().queryParam("from", "2021-03-01").queryParam("to", "2021-03-31")
                .queryParam("tz", "Europe/Moscow").queryParam("bucket", "month").get("/api/analytics/leads/series")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("form", "tilda"), series.getList("channels"));
        assertEquals(List.of("2021-03-01", "2021-03-01"), series.getList("rows.period"));
        assertEquals(List.of(1, 1), series.getList("rows.count"));
        String csv = api().queryParam("from", "2021-03-01").queryParam("to", "2021-03-07")
                .queryParam("tz", "Europe/Moscow").queryParam("bucket", "week").queryParam("format", "csv")
                .get("/api/analytics/leads/series").then().statusCode(200)
                .header("Content-Disposition", containsString("leads-series.csv")).extract().asString();
        assertEquals("week,channel,leads\r\n2021-03-01,form,1\r\n2021-03-01,tilda,1\r\n", csv,
                "1 March 2021 was a Monday: both leads in its week");
    }

    @Test
    void funnelComparesWithThePreviousPeriodAndAnswersCsv() {
        String[] sales = SalesScenario.run();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonPath f = api().queryParam("pipelineId", sales[0]).queryParam("from", today).queryParam("to", today)
                .queryParam("compare", "previous").queryParam("by", "week").get("/api/analytics/funnel").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(SalesScenario.COUNTS.stream().map(Long::intValue).toList(), f.getList("stages.count"));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), f.getList("previous.report.stages.count"));
        assertEquals(Instant.parse(today + "T00:00:00Z").minusSeconds(86400).toString(), f.getString("previous.from"));
        assertEquals(1, f.getMap("groups").size(), "one week");

        String stages = api().queryParam("pipelineId", sales[0]).queryParam("format", "csv")
                .get("/api/analytics/funnel").then().statusCode(200).extract().asString();
        assertTrue(stages.startsWith("stage,semantics,deals,conversion,step_conversion,median_seconds_in_stage\r\n"
                + "New,in-progress,5,1.0,1.0,"), stages);
        assertEquals("loss_reason,deals\r\ncompetitor,1\r\nprice,1\r\n", api().queryParam("pipelineId", sales[0])
                .queryParam("format", "csv").queryParam("table", "lost").get("/api/analytics/funnel").then()
                .statusCode(200).extract().asString());
        String groups = api().queryParam("pipelineId", sales[0]).queryParam("format", "csv")
                .queryParam("table", "groups").queryParam("by", "channel").get("/api/analytics/funnel").then()
                .statusCode(200).extract().asString();
        assertEquals("channel,deals,won,conversion,New,Qualified,Proposal,Negotiation,Contract,Won,Lost",
                groups.lines().findFirst().orElseThrow());
        assertTrue(groups.contains("\r\nform-de,1,1,1.0,1,1,1,1,1,1,0\r\n"), groups);

        JsonPath won = api().queryParam("from", today).queryParam("to", today).queryParam("by", "source")
                .get("/api/analytics/won").then().statusCode(200).extract().jsonPath();
        assertTrue(won.getList("rows.key").contains("website-de"), won.prettify());
    }

    @Test
    void badQuestionsAreClear400s() {
        api().queryParam("tz", "Mars/Olympus").get("/api/analytics/leads").then().statusCode(400)
                .body("error", equalTo("tz must be a time zone such as Europe/Moscow or UTC"));
        api().queryParam("tz", "+03:00").get("/api/analytics/leads").then().statusCode(400);
        api().queryParam("from", "2025-03-02").queryParam("to", "2025-03-01").get("/api/analytics/leads").then()
                .statusCode(400).body("error", equalTo("from must be before to"));
        api().queryParam("format", "xml").get("/api/analytics/leads").then().statusCode(400);
        api().queryParam("bucket", "year").get("/api/analytics/leads/series").then().statusCode(400);
        api().queryParam("by", "stage").get("/api/analytics/won").then().statusCode(400);
        api().queryParam("format", "csv").queryParam("table", "moon").get("/api/analytics/funnel").then()
                .statusCode(400);
    }
}
