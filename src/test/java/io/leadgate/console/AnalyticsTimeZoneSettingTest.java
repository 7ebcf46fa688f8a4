package io.leadgate.console;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics time zone set by an administrator (API and settings page) is the default of every analytics answer;
 * a request's tz still wins, and removing the setting brings back leadgate.analytics.time-zone.
 */
@QuarkusTest
class AnalyticsTimeZoneSettingTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void backToTheConfiguredZone() {
        api().contentType(ContentType.JSON).body("{\"timeZone\":null}").put("/api/analytics/time-zone").then()
                .statusCode(200).body("stored", equalTo(false));
    }

    /** A web-form lead received at a fixed moment, in a channel of its own so the counts are this test's. */
    private String leadAt(String instant) throws SQLException {
        String leadId = given().contentType(ContentType.JSON).body(Map.of("name", "Client", "phone",
                        "+7" + io.leadgate.testing.Api.newMobileDigits(), "message", "tz " + UUID.randomUUID()))
                .post("/hooks/form").then().statusCode(200).extract().path("leadId");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update lead set created_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.parse(instant)));
            s.setLong(2, Long.parseLong(leadId));
            assertEquals(1, s.executeUpdate());
        }
        return leadId;
    }

    private static JsonPath leadsOf(String day, String tz) {
        var request = api().queryParam("from", day).queryParam("to", day).queryParam("by", "day");
        if (tz != null) {
            request.queryParam("tz", tz);
        }
        return request.get("/api/analytics/leads").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theStoredZoneIsTheDefaultAndARequestsTzStillWins() throws SQLException {
        JsonPath before = api().get("/api/analytics/time-zone").then().statusCode(200).extract().jsonPath();
        assertEquals(false, before.getBoolean("stored"));
        assertEquals(before.getString("fallback"), before.getString("timeZone"));
        // 22:30 UTC on 3 June 2019 is 06:30 on 4 June in Vladivostok (+10)
        leadAt("2019-06-03T22:30:00Z");

        api().header("X-Actor", "anna").contentType(ContentType.JSON).body(Map.of("timeZone", " Asia/Vladivostok "))
                .put("/api/analytics/time-zone").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Vladivostok")).body("stored", equalTo(true))
                .body("fallback", equalTo(before.getString("fallback")));
        api().get("/api/analytics/time-zone").then().body("timeZone", equalTo("Asia/Vladivostok"));

        JsonPath vladivostok = leadsOf("2019-06-04", null);
        assertEquals("Asia/Vladivostok", vladivostok.getString("tz"));
        assertEquals(1, ((Number) vladivostok.getMap("groups").get("2019-06-04")).intValue());
        assertEquals("2019-06-03T14:00:00Z", vladivostok.getString("from"), "a date is midnight in the set zone");
        JsonPath utc = leadsOf("2019-06-03", "UTC");
        assertEquals("UTC", utc.getString("tz"));
        assertTrue(((Number) utc.getMap("groups").get("2019-06-03")).intValue() >= 1);

        api().contentType(ContentType.JSON).body(Map.of("timeZone", "")).put("/api/analytics/time-zone").then()
                .statusCode(200).body("stored", equalTo(false)).body("timeZone", equalTo(before.getString("fallback")));
    }

    @Test
    void anInvalidZoneIsRefusedAndTheStoredOneKept() {
        api().contentType(ContentType.JSON).body(Map.of("timeZone", "Europe/Moscow")).put("/api/analytics/time-zone")
                .then().statusCode(200);
        for (String bad : new String[]{"Mars/Olympus", "+03:00", "Europe/Moscow'; drop table lead; --", "x".repeat(80)}) {
            api().contentType(ContentType.JSON).body(Map.of("timeZone", bad)).put("/api/analytics/time-zone").then()
                    .statusCode(400).body("error", equalTo("timeZone must be a time zone such as Europe/Moscow or UTC"));
        }
        api().contentType(ContentType.JSON).body("null").put("/api/analytics/time-zone").then().statusCode(400)
                .body("error", equalTo("a JSON object {timeZone} is required"));
        api().get("/api/analytics/time-zone").then().body("timeZone", equalTo("Europe/Moscow"));
    }

    @Test
    void anAdministratorSetsTheZoneOnTheSettingsPage() {
        ConsoleSession admin = ConsoleSession.admin();
        Response page = admin.get("/console/settings/analytics");
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("name=\"timeZone\""));

        Map<String, String> form = new HashMap<>();
        form.put("timeZone", "Asia/Yekaterinburg");
        Response saved = admin.post("/console/settings/analytics/time-zone", form);
        assertEquals(200, saved.statusCode());
        assertTrue(saved.asString().contains("<strong>Asia/Yekaterinburg</strong>"), saved.asString());
        api().get("/api/analytics/time-zone").then().body("timeZone", equalTo("Asia/Yekaterinburg"));
        assertTrue(admin.get("/console/analytics").asString().contains("Asia/Yekaterinburg"),
                "the analytics page counts in the set zone");

        form.put("timeZone", "Moscow time");
        Response refused = admin.post("/console/settings/analytics/time-zone", form);
        api().get("/api/analytics/time-zone").then().body("timeZone", equalTo("Asia/Yekaterinburg"));
        // htmx swaps no 4xx answer: the refusal is a 200 that swaps only the flash (out of band), in red
        assertEquals(200, refused.statusCode());
        assertEquals("none", refused.header("HX-Reswap"));
        String flash = refused.asString();
        assertTrue(flash.contains("id=\"flash\"") && flash.contains("hx-swap-oob=\"true\"")
                && flash.contains("flash-error"), flash);
        assertTrue(flash.contains("&quot;Moscow time&quot; is not a time zone: write a region such as Europe/Moscow,"
                + " or UTC. Nothing was changed."), flash);

        Response russian = admin.request().header("X-CSRF-Token", admin.csrf()).header("HX-Request", "true")
                .header("Accept-Language", "ru").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("timeZone", "<b>Mars</b>").post("/console/settings/analytics/time-zone");
        assertEquals(200, russian.statusCode());
        assertTrue(russian.asString().contains("«&lt;b&gt;Mars&lt;/b&gt;» — не часовой пояс"), russian.asString());
        api().get("/api/analytics/time-zone").then().body("timeZone", equalTo("Asia/Yekaterinburg"));
    }
}
