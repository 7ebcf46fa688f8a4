package io.leadgate.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A channel without its optional secret shows as open in {@code GET /api/channels} and in readiness. */
@QuarkusTest
class ChannelVerificationApiTest {

    @Test
    void openChannelsAreShownAsOpen() {
        api().get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'form' }.verification", equalTo("open"))
                .body("find { it.id == 'form-token' }.verification", equalTo("secret"))
                .body("find { it.id == 'tg' }.verification", equalTo("secret"));
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Channels' }.data.'channel form'", equalTo("verification: open"))
                .body("checks.find { it.name == 'Channels' }.data.'channel form-token'", equalTo(null));
    }
}
