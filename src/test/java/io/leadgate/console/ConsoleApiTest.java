package io.leadgate.console;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The API the console brings (CONTRACT §5): hand-made leads, contact edits and notes; users for admins. */
@QuarkusTest
class ConsoleApiTest {

    @Test
    void handMadeLeadGoesThroughIdentityResolution() {
        String d = Api.newMobileDigits();
        var first = api().contentType(ContentType.JSON)
                .body(Map.of("name", "Walk-in Client", "phones", List.of("8 " + d), "text", "came to the showroom"))
                .post("/api/leads").then().statusCode(201)
                .body("id", notNullValue()).body("contactId", notNullValue()).extract().jsonPath();
        api().get("/api/leads/" + first.getString("id")).then().statusCode(200)
                .body("channelId", equalTo("manual")).body("source", equalTo("manual")).body("status", equalTo("new"));
        // the same person writes through a hook later: their card, their open lead
        String hookContact = io.restassured.RestAssured.given().contentType(ContentType.JSON)
                .header("Accept", "application/json")
                .body(Map.of("phone", "+7" + d, "message", "me again")).post("/hooks/form").then().statusCode(200)
                .extract().path("contactId");
        assertEquals(first.getString("contactId"), hookContact);
        // and a hand-made lead with an existing client's phone in another format lands on the same card
        String again = api().contentType(ContentType.JSON)
                .body(Map.of("phones", List.of("+7 (" + d.substring(0, 3) + ") " + d.substring(3)), "text", "called",
                        "source", "phone-note")).post("/api/leads").then().statusCode(201).extract().path("contactId");
        assertEquals(first.getString("contactId"), again);
        api().queryParam("contactId", again).get("/api/inquiries").then().body("", hasSize(3));
    }

    @Test
    void handMadeLeadsNeedTextAndSomeoneToReach() {
        api().contentType(ContentType.JSON).body(Map.of("name", "No Text")).post("/api/leads").then()
                .statusCode(400).body("error", equalTo("text is required"));
        api().contentType(ContentType.JSON).body(Map.of("phones", List.of("12"), "text", "x")).post("/api/leads")
                .then().statusCode(400).body("error", notNullValue());
        api().contentType(ContentType.JSON).body(Map.of("text", "x", "channelId", "no-such-channel"))
                .post("/api/leads").then().statusCode(400).body("error", equalTo("no channel no-such-channel"));
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of("text", "x", "name", "A"))
                .post("/api/leads").then().statusCode(401);
    }

    @Test
    void twoHandMadeLeadsWithTheSameTextAreTwoInquiries() {
        String email = "twice-" + Api.newMobileDigits() + "@example.com";
        String a = api().contentType(ContentType.JSON).body(Map.of("emails", List.of(email), "text", "same"))
                .post("/api/leads").then().statusCode(201).extract().path("contactId");
        api().contentType(ContentType.JSON).body(Map.of("emails", List.of(email), "text", "same"))
                .post("/api/leads").then().statusCode(201);
        api().queryParam("contactId", a).get("/api/inquiries").then().body("", hasSize(2));
    }

    @Test
    void contactNameCompanyAndNotes() {
        String contactId = api().contentType(ContentType.JSON)
                .body(Map.of("name", "Old Name", "phones", List.of("+7" + Api.newMobileDigits()), "text", "hello"))
                .post("/api/leads").then().statusCode(201).extract().path("contactId");
        api().contentType(ContentType.JSON).body(Map.of("name", "New Name", "company", "Acme LLC"))
                .patch("/api/contacts/" + contactId).then().statusCode(200)
                .body("name", equalTo("New Name")).body("company", equalTo("Acme LLC"));
        api().contentType(ContentType.JSON).body(Map.of("company", "Acme Group"))
                .patch("/api/contacts/" + contactId).then().statusCode(200)
                .body("name", equalTo("New Name")).body("company", equalTo("Acme Group"));
        api().contentType(ContentType.JSON).header("X-Actor", "anna").body(Map.of("text", "prefers WhatsApp"))
                .post("/api/contacts/" + contactId + "/notes").then().statusCode(201)
                .body("text", equalTo("prefers WhatsApp")).body("author", equalTo("anna"));
        api().get("/api/contacts/" + contactId + "/notes").then().body("text", hasItem("prefers WhatsApp"));
        api().contentType(ContentType.JSON).body(Map.of("text", " ")).post("/api/contacts/" + contactId + "/notes")
                .then().statusCode(400).body("error", equalTo("text is required"));
        api().contentType(ContentType.JSON).body(Map.of("name", "x")).patch("/api/contacts/999999999").then()
                .statusCode(404);
    }

    @Test
    void adminsManageUsers() {
        String name = "m" + Api.newMobileDigits();
        api().contentType(ContentType.JSON).body(Map.of("username", name, "password", "short"))
                .post("/api/users").then().statusCode(400).body("error", notNullValue());
        api().contentType(ContentType.JSON).body(Map.of("username", name, "password", "long-enough-1", "role", "boss"))
                .post("/api/users").then().statusCode(400).body("error", equalTo("role must be admin or manager"));
        api().contentType(ContentType.JSON).body(Map.of("username", name, "displayName", "Maria", "password", "long-enough-1"))
                .post("/api/users").then().statusCode(201).body("role", equalTo("manager"))
                .body("active", equalTo(true)).body("hasPassword", equalTo(true));
        api().contentType(ContentType.JSON).body(Map.of("username", name, "password", "long-enough-1"))
                .post("/api/users").then().statusCode(409);
        io.restassured.RestAssured.given().header("X-Api-Key", "test-read-key").contentType(ContentType.JSON)
                .body(Map.of("username", name + "x", "password", "long-enough-1")).post("/api/users").then().statusCode(403);
        api().post("/api/users/admin/deactivate").then().statusCode(409)
                .body("error", equalTo("the last active admin cannot be deactivated"));
        api().get("/api/users").then().body("find { it.username == '" + name + "' }.displayName", equalTo("Maria"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("$2a$")));
    }

    @Test
    void assignmentManagersAreConsoleUsers() {
        String id = "mgr-" + Api.newMobileDigits();
        api().contentType(ContentType.JSON).body(Map.of("name", "Pipeline Manager")).put("/api/managers/" + id)
                .then().statusCode(200).body("active", equalTo(true));
        api().get("/api/users").then()
                .body("find { it.username == '" + id + "' }.role", equalTo("manager"))
                .body("find { it.username == '" + id + "' }.hasPassword", equalTo(false));
        api().post("/api/users/" + id + "/deactivate").then().statusCode(200);
        api().get("/api/managers").then().body("find { it.id == '" + id + "' }.active", equalTo(false));
        String leadId = api().contentType(ContentType.JSON)
                .body(Map.of("phones", List.of("+7" + Api.newMobileDigits()), "text", "assign me")).post("/api/leads")
                .then().statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).body(Map.of("responsible", id)).post("/api/leads/" + leadId + "/assign")
                .then().statusCode(400).body("error", equalTo("manager " + id + " is not active"));
        api().post("/api/users/" + id + "/activate").then().statusCode(200);
        String responsible = api().contentType(ContentType.JSON).body(Map.of("responsible", id))
                .post("/api/leads/" + leadId + "/assign").then().statusCode(200).extract().path("responsible");
        assertEquals(id, responsible);
        assertNotEquals(null, responsible);
    }
}
