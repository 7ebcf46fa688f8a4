package io.leadgate.api;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The website snippet's server side: the script itself, CORS preflight, first- and last-touch fields, the minimum
 * fill time and the field size limits (refused, counted, not stored).
 */
@QuarkusTest
class SnippetHookTest {

    @Test
    void snippetIsServedAsJavaScriptWithCachingHeaders() {
        given().get("/leadgate.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age=3600"))
                .body(containsString("data-leadgate"));
    }

    @Test
    void preflightFromAnAllowedOriginLetsTheScriptPost() {
        given().header("Origin", "http://127.0.0.1:8081").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-requested-with")
                .options("/hooks/snippet").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8081")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("X-Requested-With"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/hooks/snippet").then().statusCode(403);
    }

    @Test
    void firstAndLastTouchFieldsLandOnTheLead() {
        String phone = "+7" + Api.newMobileDigits();
        String leadId = given().header("Origin", "https://shop.example").header("X-Requested-With", "leadgate")
                .formParam("name", "Touch Twice").formParam("phone", phone)
                .formParam("lg_first_utm_source", "yandex").formParam("lg_first_utm_medium", "cpc")
                .formParam("lg_first_yclid", "Y-1").formParam("lg_first_referrer", "https://ya.ru/")
                .formParam("lg_first_landing_page", "https://shop.example/?utm_source=yandex&utm_campaign=brand")
                .formParam("lg_first_at", "2026-01-02T03:04:05Z")
                .formParam("lg_last_utm_source", "mail").formParam("lg_last_utm_medium", "email")
                .formParam("lg_last_landing_page", "https://shop.example/sale?utm_source=mail")
                .formParam("lg_last_at", "1767400000000")
                .formParam("lg_rendered_at", "1000").formParam("lg_submitted_at", "9000")
                .post("/hooks/snippet").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .body("status", equalTo("accepted"))
                .body("leadId", equalTo(null)).body("contactId", equalTo(null)) // an anonymous browser: no ids
                .extract().path("leadId");
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then().extract().path("[0].id");
        leadId = api().queryParam("contactId", contactId).get("/api/leads").then().extract().path("[0].id");
        String body = api().get("/api/leads/" + leadId).then().statusCode(200).extract().asString();
        JsonPath attribution = new JsonPath(body).setRootPath("attribution");
        assertEquals("yandex", attribution.getString("firstTouch.utm_source"));
        assertEquals("brand", attribution.getString("firstTouch.utm_campaign"), "read from the landing page");
        assertEquals("Y-1", attribution.getString("firstTouch.clickIds.yclid"));
        assertEquals("https://ya.ru/", attribution.getString("firstTouch.referrer"));
        assertEquals("2026-01-02T03:04:05Z", attribution.getString("firstTouch.at"));
        assertEquals("mail", attribution.getString("lastTouch.utm_source"));
        assertEquals("email", attribution.getString("lastTouch.utm_medium"));
        assertNull(attribution.getString("lastTouch.clickIds.yclid"));
        assertEquals("2026-01-03T00:26:40Z", attribution.getString("lastTouch.at"));
        assertEquals("mail", attribution.getString("utm_source"), "no campaign fields of its own: the last touch");
        api().queryParam("channelId", "snippet").queryParam("contactId", contactId)
                .get("/api/inquiries").then()
                .body("[0].extra.lg_rendered_at", equalTo(null))
                .body("[0].attribution.firstTouch.utm_source", equalTo("yandex"));
    }

    @Test
    void submitFasterThanTheMinimumFillTimeIsRefusedCountedAndNotStored() {
        double before = rejected("form-guarded", "too-fast");
        String phone = "+7" + Api.newMobileDigits();
        given().header("Accept", "application/json").formParam("phone", phone)
                .formParam("lg_rendered_at", "1700000000000").formParam("lg_submitted_at", "1700000001500")
                .post("/hooks/form-guarded").then().statusCode(422)
                .body("error", containsString("too fast"));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(0));
        assertEquals(before + 1, rejected("form-guarded", "too-fast"));
    }

    @Test
    void submitAfterTheMinimumFillTimeIsStored() {
        String phone = "+7" + Api.newMobileDigits();
        given().header("Accept", "application/json").formParam("phone", phone)
                .formParam("lg_rendered_at", "1700000000000").formParam("lg_submitted_at", "1700000004000")
                .post("/hooks/form-guarded").then().statusCode(200).body("status", equalTo("accepted"));
    }

    @Test
    void plainHtmlPostWithoutTheSnippetStillWorks() {
        given().redirects().follow(false).header("Accept", "text/html").formParam("name", "No Script")
                .formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form-guarded").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void oversizeFieldIs413WithTheFieldNamedAndCounted() {
        double before = rejected("form-guarded", "field-too-large");
        String phone = "+7" + Api.newMobileDigits();
        given().header("Accept", "application/json").formParam("phone", phone).formParam("message", "x".repeat(101))
                .post("/hooks/form-guarded").then().statusCode(413)
                .body("error", equalTo("field 'message' is longer than 100 characters"));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(0));
        assertEquals(before + 1, rejected("form-guarded", "field-too-large"));
    }

    @Test
    void tooManyFieldsIs413() {
        var request = given().header("Accept", "application/json").formParam("phone", "+7" + Api.newMobileDigits());
        for (int i = 0; i < 10; i++) {
            request.formParam("f" + i, "v");
        }
        request.post("/hooks/form-guarded").then().statusCode(413).body("error", containsString("at most 10"));
    }

    @Test
    void filledHoneypotIsCountedAsRejected() {
        double before = rejected("form", "honeypot");
        given().header("Accept", "application/json").formParam("phone", "+7" + Api.newMobileDigits())
                .formParam("hp_website", "http://spam.example").post("/hooks/form").then().statusCode(200);
        assertEquals(before + 1, rejected("form", "honeypot"));
    }

    private static double rejected(String channel, String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^leadgate_hook_rejected_total\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("channel=\"" + channel + "\"") && m.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
