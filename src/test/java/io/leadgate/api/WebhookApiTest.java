package io.leadgate.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code /api/webhooks}: subscribe, list, unsubscribe, and every refused body answered 400 with an error. */
@QuarkusTest
class WebhookApiTest {

    private static final String URL = "https://hooks.example.com/leadgate";

    @Test
    void subscriptionIsCreatedListedAndDeleted() {
        String id = api().contentType(ContentType.JSON)
                .body(Map.of("url", URL, "events", List.of("leadgate.lead.created", "leadgate.lead.created",
                        "leadgate.inquiry.received"), "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .post("/api/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/webhooks/"))
                .body("id", notNullValue())
                .body("url", equalTo(URL))
                .body("events", equalTo(List.of("leadgate.lead.created", "leadgate.inquiry.received")))
                .body("status", equalTo("active"))
                .body("secret", nullValue())
                .extract().path("id");
        api().get("/api/webhooks").then().statusCode(200).body("id", hasItem(id)).body("secret", not(hasItem(notNullValue())));
        api().get("/api/webhooks/" + id).then().statusCode(200).body("url", equalTo(URL));
        api().get("/api/webhooks/" + id + "/deliveries").then().statusCode(200).body("", equalTo(List.of()));
        api().delete("/api/webhooks/" + id).then().statusCode(204);
        api().delete("/api/webhooks/" + id).then().statusCode(404).body("error", notNullValue());
        api().get("/api/webhooks/" + id).then().statusCode(404);
        api().get("/api/webhooks").then().body("id", not(hasItem(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{\"events\":[\"leadgate.lead.created\"],\"secret\":\"s\"}",
            "{\"url\":\"\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"s\"}",
            "{\"url\":42,\"events\":[\"leadgate.lead.created\"],\"secret\":\"s\"}",
            "{\"url\":\"/relative\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"s\"}",
            "{\"url\":\"ftp://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"s\"}",
            "{\"url\":\"https://exa mple.com/\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"s\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"secret\":\"s\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[],\"secret\":\"s\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":\"leadgate.lead.created\",\"secret\":\"s\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.exploded\"],\"secret\":\"s\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\",7],\"secret\":\"s\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\"]}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"\"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"   \"}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\"],\"secret\":null}",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"leadgate.lead.created\"],\"secret\":\"whsec_***\"}"})
    void refusedBodyAnswers400WithAnError(String body) {
        api().contentType(ContentType.JSON).body(body).post("/api/webhooks").then().statusCode(400)
                .contentType(ContentType.JSON).body("error", notNullValue());
    }

    @Test
    void unknownEventTypeIsNamedInTheError() {
        api().contentType(ContentType.JSON)
                .body(Map.of("url", URL, "events", List.of("leadgate.deal.exploded"), "secret", "s"))
                .post("/api/webhooks").then().statusCode(400)
                .body("error", containsString("leadgate.deal.exploded"))
                .body("error", containsString("leadgate.lead.created"));
    }

    @Test
    void unknownIdsAndBadParametersAreRefused() {
        api().get("/api/webhooks/999999999/deliveries").then().statusCode(404);
        api().get("/api/webhooks/abc").then().statusCode(404);
        api().post("/api/webhooks/999999999/replay").then().statusCode(404);
        api().post("/api/webhooks/999999999/enable").then().statusCode(404);
        api().post("/api/webhooks/deliveries/999999999/replay").then().statusCode(404).body("error", notNullValue());
        String id = api().contentType(ContentType.JSON)
                .body(Map.of("url", URL, "events", List.of("leadgate.lead.updated"), "secret", "s"))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        api().queryParam("status", "lost").get("/api/webhooks/" + id + "/deliveries").then().statusCode(400)
                .body("error", containsString("status"));
        api().queryParam("limit", "0").get("/api/webhooks").then().statusCode(400);
        api().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void webhooksNeedTheApiKey() {
        given().get("/api/webhooks").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("url", URL, "events", List.of("leadgate.lead.created"), "secret", "s"))
                .post("/api/webhooks").then().statusCode(401);
    }
}
