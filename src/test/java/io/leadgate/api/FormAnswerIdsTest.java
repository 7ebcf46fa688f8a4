package io.leadgate.api;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** An anonymous form post is answered with its status only; a post that carries the channel's token gets the ids. */
@QuarkusTest
class FormAnswerIdsTest {

    @Test
    void anonymousBrowserPostGetsNoInternalIds() {
        String phone = "+7" + Api.newMobileDigits();
        given().header("Origin", "https://shop.example").header("X-Requested-With", "leadgate")
                .formParam("name", "No Ids").formParam("phone", phone).formParam("message", "hello")
                .post("/hooks/snippet").then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("inquiryId", equalTo(null)).body("leadId", equalTo(null)).body("contactId", equalTo(null));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1)); // stored all the same
    }

    @Test
    void tokenAuthenticatedPostKeepsTheIds() {
        given().contentType(ContentType.URLENC).header("X-Leadgate-Token", "t0ken-123")
                .formParam("name", "With Ids").formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form-token").then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("inquiryId", notNullValue()).body("leadId", notNullValue()).body("contactId", notNullValue());
    }
}
