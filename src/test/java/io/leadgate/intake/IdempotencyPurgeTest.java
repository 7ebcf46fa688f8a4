package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Keys are remembered for the retention and forgotten after it: the same post is then a new inquiry. */
@QuarkusTest
class IdempotencyPurgeTest {

    @Inject
    IdempotencyPurge purge;

    @Test
    void keysAreForgottenOnlyAfterTheRetention() {
        String body = "{\"phone\":\"+7" + Api.newMobileDigits() + "\",\"message\":\"once\"}";
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("accepted"));
        purge.purgeExpired(Instant.now().plus(Duration.ofDays(7)));
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("duplicate"));
        purge.purgeExpired(Instant.now().plus(Duration.ofDays(9)));
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("accepted"));
    }
}
