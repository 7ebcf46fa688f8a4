package io.leadgate.pipeline;

import io.leadgate.testing.Api;
import io.leadgate.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Open leads turn hot, warm and cold by the documented rules as the clock runs; closed leads have no temperature. */
@QuarkusTest
class LeadTemperatureApiTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void leadsCoolDownAsTheClockRunsAndOnlyOpenOnesCount() {
        String channel = "warmth-" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body("{\"id\":\"" + channel + "\",\"provider\":\"webform\"}")
                .post("/api/channels").then().statusCode(201);
        String anna = "+7" + Api.newMobileDigits();
        String boris = "+7" + Api.newMobileDigits();
        post(channel, "Anna", anna, "Do you deliver?");
        post(channel, "Anna", anna, "And on Sundays?"); // the same open lead, a second inquiry
        post(channel, "Boris", boris, "Price list, please");
        String annaLead = lead(anna);
        String borisLead = lead(boris);
        Instant now = Instant.now();

        JsonPath fresh = temperatures(channel, null);
        assertEquals(Map.of("hot", 1, "warm", 1, "cold", 0), fresh.getMap("counts"), "two inquiries, just now: hot");
        assertEquals(List.of(annaLead, borisLead), fresh.getList("leads.leadId"));
        assertEquals(List.of(2, 1), fresh.getList("leads.inquiries"));

        TestClock.set(now.plus(Duration.ofDays(4))); // past three days: warm
        assertEquals(Map.of("hot", 0, "warm", 2, "cold", 0), temperatures(channel, null).getMap("counts"));

        TestClock.set(now.plus(Duration.ofDays(15))); // past fourteen days: cold
        assertEquals(List.of(borisLead, annaLead), temperatures(channel, "cold").getList("leads.leadId"),
                "both cold: the most recent first");
        assertEquals(List.of(), temperatures(channel, "warm").getList("leads"));

        api().contentType(ContentType.JSON).body("{\"reason\":\"spam\"}").post("/api/leads/" + borisLead + "/junk")
                .then().statusCode(200);
        assertEquals(Map.of("hot", 0, "warm", 0, "cold", 1), temperatures(channel, null).getMap("counts"),
                "a junk lead has no temperature");

        api().queryParam("temperature", "lukewarm").get("/api/analytics/lead-temperature").then().statusCode(400)
                .body("error", containsString("cold, warm or hot"));
    }

    private static void post(String channel, String name, String phone, String message) {
        given().formParam("name", name).formParam("phone", phone).formParam("message", message)
                .post("/hooks/" + channel).then().statusCode(200);
    }

    private static String lead(String phone) {
        List<String> ids = api().queryParam("phone", phone).get("/api/contacts").then().statusCode(200)
                .extract().path("[0].leadIds");
        assertEquals(1, ids.size(), "one lead per client");
        return ids.get(0);
    }

    private static JsonPath temperatures(String channel, String temperature) {
        var request = api().queryParam("channelId", channel);
        if (temperature != null) {
            request = request.queryParam("temperature", temperature);
        }
        return request.get("/api/analytics/lead-temperature").then().statusCode(200).extract().jsonPath();
    }
}
