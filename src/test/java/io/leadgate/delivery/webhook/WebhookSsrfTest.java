package io.leadgate.delivery.webhook;

import io.leadgate.events.EventTypes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.delivery.webhook.WebhookReceiver.await;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the SSRF guard on (the production default): private targets refused at subscription (400) and at send time. */
@QuarkusTest
@TestProfile(WebhookSsrfTest.GuardOn.class)
class WebhookSsrfTest {

    /** The production setting: private targets not allowed. */
    public static class GuardOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadgate.webhooks.allow-private", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
            "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:a9fe:a9fe]/latest/meta-data/", "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://[fd00:ec2::254]/", "http://10.1.2.3/",
            "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[fe80::1]/",
            "http://2130706433/"})
    void privateTargetIsRefusedAtSubscription(String url) {
        api().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(EventTypes.LEAD_CREATED), "secret", "s"))
                .post("/api/webhooks").then().statusCode(400)
                .body("error", containsString("url host"));
    }

    @Test
    void publicTargetIsAccepted() {
        String id = api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/hook", "events", List.of(EventTypes.LEAD_CREATED), "secret", "s"))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        api().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void privateTargetIsRefusedAtSendTimeAndNothingReachesIt() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // a subscription made before the guard was on (or whose DNS changed since): written directly
            String url = receiver.url("/internal");
            long id = QuarkusTransaction.requiringNew().call(() -> {
                WebhookSubscription s = new WebhookSubscription();
                s.url = url;
                s.events = EventTypes.LEAD_CREATED;
                s.secret = "s";
                s.status = WebhookSubscription.Status.ACTIVE;
                s.createdAt = Instant.now();
                s.updatedAt = s.createdAt;
                s.persist();
                return s.id;
            });
            WebhookDeliveryTest.postForm();
            List<Map<String, Object>> dead = await(() -> api().queryParam("status", "dead")
                            .get("/api/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath().getList(""),
                    list -> !list.isEmpty(), Duration.ofSeconds(30), "the refused delivery dead-lettered");
            assertTrue(((String) dead.get(0).get("lastError")).startsWith("target refused"), (String) dead.get(0).get("lastError"));
            assertEquals(3, dead.get(0).get("attempts"));
            assertEquals(List.of(), receiver.all(), "no request reached the private address");
            String metrics = given().get("/q/metrics").then().extract().asString();
            assertTrue(metrics.contains("leadgate_webhook_deliveries_total{outcome=\"refused\"}"));
            api().delete("/api/webhooks/" + id).then().statusCode(204);
        }
        api().get("/api/webhooks").then().body("size()", equalTo(0));
    }
}
