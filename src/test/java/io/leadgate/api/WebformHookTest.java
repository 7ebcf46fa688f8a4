package io.leadgate.api;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generic web form through its hook: every status code of CONTRACT §3 and the write path behind it. */
@QuarkusTest
class WebformHookTest {

    @Test
    void jsonPostCreatesLeadVisibleInTheApi() {
        String digits = Api.newMobileDigits();
        String leadId = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Anna Smirnova\",\"phone\":\"+7" + digits + "\",\"email\":\"Anna@Example.com\","
                        + "\"message\":\"Need a quote\",\"utm_source\":\"google\"}")
                .post("/hooks/form")
                .then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("inquiryId", notNullValue())
                .extract().path("leadId");
        api().get("/api/leads/" + leadId).then().statusCode(200)
                .body("status", equalTo("new"))
                .body("channelId", equalTo("form"))
                .body("source", equalTo("website"))
                .body("inquiryCount", equalTo(1))
                .body("attribution.utm_source", equalTo("google"));
        api().queryParam("phone", "+7" + digits).get("/api/contacts").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("Anna Smirnova"))
                .body("[0].emails", equalTo(List.of("anna@example.com")))
                .body("[0].leadIds", equalTo(List.of(leadId)));
    }

    @Test
    void returningClientByPhoneInAnotherFormatExtendsOpenLead() {
        String d = Api.newMobileDigits();
        String national = "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
        var first = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("name", "Пётр").formParam("phone", national).formParam("message", "Первый")
                .header("Accept", "application/json").post("/hooks/form")
                .then().statusCode(200).extract().jsonPath();
        var second = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("phone", "+7 " + d.substring(0, 3) + " " + d.substring(3))
                .formParam("message", "Второй раз").header("Accept", "application/json").post("/hooks/form")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(first.getString("contactId"), second.getString("contactId"), "one card");
        assertEquals(first.getString("leadId"), second.getString("leadId"), "the open lead is extended");
        api().get("/api/leads/" + first.getString("leadId")).then().body("inquiryCount", equalTo(2));
        api().queryParam("contactId", first.getString("contactId")).get("/api/inquiries").then()
                .body("", hasSize(2)).body("text", equalTo(List.of("Первый", "Второй раз")));
    }

    @Test
    void doubleSubmitOfTheSameFormIsOneInquiry() {
        String phone = "+7" + Api.newMobileDigits();
        String first = given().formParam("name", "Twice").formParam("phone", phone).header("Accept", "application/json")
                .post("/hooks/form").then().statusCode(200).body("status", equalTo("accepted")).extract().path("inquiryId");
        given().formParam("name", "Twice").formParam("phone", phone).header("Accept", "application/json")
                .post("/hooks/form").then().statusCode(200)
                .body("status", equalTo("duplicate"))
                .body("inquiryId", equalTo(first));
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then().extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", hasSize(1));
    }

    @Test
    void browserPostIsRedirected() {
        given().redirects().follow(false).header("Accept", "text/html,application/xhtml+xml")
                .formParam("name", "Browser").formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form")
                .then().statusCode(303).header("Location", "https://shop.example/thanks");
    }

    @Test
    void multipartPostWithFile() {
        given().multiPart("Имя", "Ольга").multiPart("Телефон", "+7" + Api.newMobileDigits())
                .multiPart("cv", "cv.txt", "hello".getBytes(), "text/plain")
                .header("Accept", "application/json")
                .post("/hooks/form").then().statusCode(200).body("status", equalTo("accepted"));
    }

    @Test
    void unknownAndDisabledChannelsAre404() {
        given().formParam("name", "x").post("/hooks/no-such-channel").then().statusCode(404).body("error", notNullValue());
        given().formParam("name", "x").post("/hooks/form-disabled").then().statusCode(404);
    }

    @Test
    void tokenIsCheckedAndNothingStoredOnFailure() {
        String phone = "+7" + Api.newMobileDigits();
        given().formParam("phone", phone).post("/hooks/form-token").then().statusCode(401);
        given().formParam("phone", phone).post("/hooks/form-token/wrong-token").then().statusCode(401);
        given().formParam("phone", phone).header("X-Leadgate-Token", "t0ken-12").post("/hooks/form-token").then().statusCode(401);
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(0));
        given().formParam("phone", phone).post("/hooks/form-token/t0ken-123").then().statusCode(200);
        given().formParam("phone", phone).formParam("message", "again").header("X-Leadgate-Token", "t0ken-123")
                .post("/hooks/form-token").then().statusCode(200);
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1));
    }

    @Test
    void unparseableBodyIs400AndKeptForReplay() {
        String envelopeId = given().contentType(ContentType.JSON).body("{\"name\": \"Broken")
                .post("/hooks/form").then().statusCode(400)
                .body("error", startsWith("body cannot be parsed"))
                .extract().path("envelopeId");
        List<String> kept = api().queryParam("status", "unparseable").queryParam("limit", 1000)
                .get("/api/envelopes").then().statusCode(200).extract().path("id");
        org.junit.jupiter.api.Assertions.assertTrue(kept.contains(envelopeId));
    }

    @Test
    void oversizeBodyIs413() {
        given().contentType(ContentType.JSON).body("{\"message\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/hooks/form").then().statusCode(413);
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType("text/plain").body("name=x").post("/hooks/form").then().statusCode(415)
                .body("error", notNullValue());
        given().contentType("application/xml").body("<a/>").post("/hooks/form").then().statusCode(415);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            given().formParam("name", "Rapid " + i).formParam("phone", "+7" + Api.newMobileDigits())
                    .post("/hooks/form-limited").then().statusCode(200);
        }
        given().formParam("name", "Rapid 3").post("/hooks/form-limited").then().statusCode(429)
                .header("Retry-After", notNullValue());
    }

    @Test
    void corsPerAllowedOrigins() {
        given().header("Origin", "https://evil.example").formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form").then().statusCode(403);
        given().header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .options("/hooks/form").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example");
        given().header("Origin", "https://shop.example").header("Accept", "application/json")
                .formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/form").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example");
    }

    @Test
    void filledHoneypotIsAcknowledgedButNotStored() {
        String phone = "+7" + Api.newMobileDigits();
        given().formParam("phone", phone).formParam("hp_website", "http://spam.example").header("Accept", "application/json")
                .post("/hooks/form").then().statusCode(200).body("status", equalTo("ignored"));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(0));
    }

    @Test
    void getOnAFormHookIs405() {
        given().get("/hooks/form").then().statusCode(405).header("Allow", "POST");
    }
}
