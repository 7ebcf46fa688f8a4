package io.leadgate.delivery.kafka;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Without a broker address Kafka delivery is off: no channel, no lag metrics, readiness says so, hooks work. */
@QuarkusTest
class KafkaOffTest {

    @Test
    void withoutBootstrapServersKafkaDeliveryIsOffAndHooksAccept() {
        given().formParam("name", "Off").formParam("phone", "+7" + Api.newMobileDigits())
                .header("Accept", "application/json").post("/hooks/form")
                .then().statusCode(200).body("status", equalTo("accepted"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka delivery' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka delivery' }.data.kafka", equalTo("off"));
        given().get("/q/metrics").then().statusCode(200).body(not(containsString("leadgate_outbox_lag")));
    }
}
