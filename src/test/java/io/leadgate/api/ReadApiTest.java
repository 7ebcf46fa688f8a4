package io.leadgate.api;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read API (CONTRACT §5), preview (§4) and the event feed (§6). */
@QuarkusTest
class ReadApiTest {

    @Test
    void apiNeedsAKey() {
        given().get("/api/leads").then().statusCode(401).body("error", equalTo("X-Api-Key header required"));
        given().header("X-Api-Key", "nope").get("/api/leads").then().statusCode(401);
        api().get("/api/leads").then().statusCode(200);
    }

    @Test
    void hooksNeverNeedTheKey() {
        given().formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/form").then().statusCode(200);
    }

    @Test
    void previewNormalisesAndStoresNothing() {
        String d = Api.newMobileDigits();
        api().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("Имя", "Мария").formParam("Телефон", "8" + d).formParam("phone", "555888")
                .formParam("email", "Maria@Example.RU").formParam("utm_campaign", "autumn").formParam("plan", "pro")
                .post("/api/channels/form/preview")
                .then().statusCode(200)
                .body("verified", equalTo(true))
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("lead"))
                .body("items[0].reason", nullValue())
                .body("items[0].channel", equalTo("webform"))
                .body("items[0].provider", equalTo("webform"))
                .body("items[0].contact.name", equalTo("Мария"))
                .body("items[0].contact.phones", equalTo(List.of("+7" + d)))
                .body("items[0].contact.rawPhones", equalTo(List.of("555888")))
                .body("items[0].contact.emails", equalTo(List.of("maria@example.ru")))
                .body("items[0].attribution.utm_campaign", equalTo("autumn"))
                .body("items[0].attribution.utm_source", nullValue())
                .body("items[0].extra.plan", equalTo("pro"))
                .body("items[0].attachments", hasSize(0))
                .body("items[0].thread.inReplyTo", hasSize(0));
        api().queryParam("phone", "+7" + d).get("/api/contacts").then().body("", hasSize(0));
    }

    @Test
    void previewShowsUnverifiedRequests() {
        api().contentType(ContentType.URLENC).formParam("phone", "+7" + Api.newMobileDigits())
                .post("/api/channels/form-token/preview").then().statusCode(200)
                .body("verified", equalTo(false)).body("items", hasSize(1));
        api().contentType(ContentType.URLENC).formParam("phone", "+7" + Api.newMobileDigits())
                .post("/api/channels/form-token/preview/t0ken-123").then().statusCode(200).body("verified", equalTo(true));
        api().contentType(ContentType.JSON).body("[").post("/api/channels/form/preview").then().statusCode(400);
        api().contentType(ContentType.JSON).body("{}").post("/api/channels/nope/preview").then().statusCode(404);
    }

    @Test
    void contactLookupAndTimeline() {
        String d = Api.newMobileDigits();
        given().contentType(ContentType.JSON).body("{\"name\":\"Timeline\",\"phone\":\"8" + d + "\",\"message\":\"one\"}")
                .post("/hooks/form").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"phone\":\"+7" + d + "\",\"email\":\"tl-" + d + "@example.com\",\"message\":\"two\"}")
                .post("/hooks/form-de").then().statusCode(200);
        String id = api().queryParam("phone", "8 " + d).get("/api/contacts").then().statusCode(200)
                .body("", hasSize(1)).extract().path("[0].id");
        api().queryParam("email", "TL-" + d + "@example.com").get("/api/contacts").then().body("[0].id", equalTo(id));
        api().get("/api/contacts/" + id).then().statusCode(200)
                .body("phones", equalTo(List.of("+7" + d)))
                .body("emails", equalTo(List.of("tl-" + d + "@example.com")))
                .body("timeline", hasSize(2))
                .body("timeline.channelId", equalTo(List.of("form", "form-de")))
                .body("timeline[1].resolution.decision", equalTo("matched"));
        api().get("/api/contacts/999999999").then().statusCode(404);
        api().get("/api/contacts/abc").then().statusCode(404);
    }

    @Test
    void inquiriesByChannelAndExternalId() {
        api().queryParam("channelId", "form").queryParam("limit", 5).get("/api/inquiries").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.lessThanOrEqualTo(5));
        api().queryParam("channelId", "form").queryParam("externalId", "no-such-key").get("/api/inquiries").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void badParametersAre400() {
        api().queryParam("limit", "abc").get("/api/leads").then().statusCode(400).body("error", equalTo("limit must be a whole number"));
        api().queryParam("limit", 5000).get("/api/inquiries").then().statusCode(400);
        api().queryParam("status", "won").get("/api/leads").then().statusCode(400);
        api().queryParam("contactId", "x").get("/api/leads").then().statusCode(400);
        api().queryParam("phone", "call me").get("/api/contacts").then().statusCode(400);
        api().queryParam("after", "x").get("/api/events").then().statusCode(400);
    }

    @Test
    void eventsComeInCommitOrderWithCursors() {
        List<Integer> before = api().queryParam("limit", 1000).get("/api/events").then().statusCode(200).extract().path("cursor");
        int start = 0;
        while (!before.isEmpty()) { // read to the end of the feed
            start = before.get(before.size() - 1);
            before = api().queryParam("after", start).queryParam("limit", 1000).get("/api/events").then().extract().path("cursor");
        }
        String d = Api.newMobileDigits();
        var created = given().contentType(ContentType.JSON).body("{\"phone\":\"+7" + d + "\",\"message\":\"a\"}")
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON).body("{\"phone\":\"+7" + d + "\",\"message\":\"b\"}")
                .post("/hooks/form").then().statusCode(200);
        var events = api().queryParam("after", start).get("/api/events").then().statusCode(200)
                .body("specversion", hasItem("1.0"))
                .extract().jsonPath();
        List<String> types = events.getList("type");
        assertEquals(List.of("leadgate.inquiry.received", "leadgate.lead.created", "leadgate.inquiry.received",
                "leadgate.lead.updated"), types);
        List<String> subjects = events.getList("subject");
        assertTrue(subjects.stream().allMatch(created.getString("contactId")::equals), "subject = contact id");
        List<Integer> cursors = events.getList("cursor");
        for (int i = 1; i < cursors.size(); i++) {
            assertTrue(cursors.get(i) > cursors.get(i - 1));
        }
        assertEquals(created.getString("leadId"), events.getString("[1].data.lead.id"));
        assertEquals("/leadgate/channels/form", events.getString("[1].source"));
        api().queryParam("after", cursors.get(cursors.size() - 1)).get("/api/events").then().body("", hasSize(0));
    }

    @Test
    void channelsAreListedWithoutSecrets() {
        String body = api().get("/api/channels").then().statusCode(200)
                .body("id", hasItem("form-token")).extract().asString();
        assertTrue(!body.contains("t0ken-123"), "settings are not shown");
    }

    @Test
    void healthAndMetrics() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/form").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("leadgate_inquiries_total{channel=\"form\",kind=\"lead\",provider=\"webform\"}"), metrics);
    }
}
