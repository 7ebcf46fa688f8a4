package io.leadgate.contact;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.leadgate.contact.IdentityResolutionTest.form;
import static io.leadgate.contact.IdentityResolutionTest.inquiry;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** With {@code leadgate.identity.auto-merge=true}: rules merge, below the score nothing does, and merges undo. */
@QuarkusTest
@TestProfile(AutoMergeProfile.class)
class AutoMergeTest {

    @Test
    void conflictingIdentitiesWithTheSameNameAreMergedByRuleAndTheMergeUndoes() {
        String digits = Api.newMobileDigits();
        String email = "anna." + digits + "@mail.example";
        String phoneCard = form("form", Map.of("name", "Анна Петрова", "phone", "+7" + digits)).getString("contactId");
        String emailCard = form("form", Map.of("name", "Anna Petrova", "email", email)).getString("contactId");

        JsonPath both = form("form", Map.of("name", "Аня Петрова", "phone", "+7" + digits, "email", email));
        assertEquals(phoneCard, both.getString("contactId"));
        inquiry(both).body("resolution.decision", equalTo("merged"))
                .body("resolution.merges[0].sourceId", equalTo(emailCard))
                .body("resolution.merges[0].rule", equalTo("shared-identity"));
        api().get("/api/contacts/" + phoneCard).then().body("emails", contains(email)).body("leadIds", hasSize(2));
        api().get("/api/contacts/" + emailCard).then().body("mergedInto", equalTo(phoneCard));
        JsonPath merge = api().queryParam("contactId", emailCard).get("/api/merges").then().body("", hasSize(1))
                .body("[0].origin", equalTo("auto")).body("[0].reasons", hasItem("shared-identity"))
                .extract().jsonPath();

        api().post("/api/merges/" + merge.getString("[0].id") + "/undo").then().statusCode(200);
        api().get("/api/contacts/" + emailCard).then().body("mergedInto", nullValue()).body("emails", contains(email));
        api().queryParam("contactId", emailCard).get("/api/contacts/duplicates").then()
                .body("[0].contactIds", containsInAnyOrder(phoneCard, emailCard))
                .body("[0].rule", equalTo("shared-identity"));
    }

    @Test
    void aPairMarkedNotTheSamePersonIsNeverMergedByRuleAgain() {
        String digits = Api.newMobileDigits();
        String email = "twins." + digits + "@mail.example";
        String phoneCard = form("form", Map.of("name", "Инна Соколова", "phone", "+7" + digits)).getString("contactId");
        String emailCard = form("form", Map.of("name", "Inna Sokolova", "email", email)).getString("contactId");
        form("form", Map.of("name", "Инна Соколова", "phone", "+7" + digits, "email", email));
        String mergeId = api().queryParam("contactId", emailCard).get("/api/merges").then().body("", hasSize(1))
                .extract().path("[0].id");
        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);
        String pairId = api().queryParam("contactId", emailCard).get("/api/contacts/duplicates").then()
                .body("", hasSize(1)).extract().path("[0].id");

        api().post("/api/contacts/duplicates/" + pairId + "/distinct").then().statusCode(200);
        JsonPath again = form("form", Map.of("name", "Инна Соколова", "phone", "+7" + digits, "email", email));
        inquiry(again).body("resolution.merges", hasSize(0));
        api().get("/api/contacts/" + emailCard).then().body("mergedInto", nullValue());
        api().queryParam("contactId", emailCard).get("/api/contacts/duplicates").then().body("", hasSize(0));
        // an operator still may merge them
        api().contentType(io.restassured.http.ContentType.JSON).body(Map.of("sourceId", emailCard))
                .post("/api/contacts/" + phoneCard + "/merge").then().statusCode(200);
    }

    @Test
    void conflictingIdentitiesWithDifferentNamesStayACandidate() {
        String digits = Api.newMobileDigits();
        String email = "family." + digits + "@mail.example";
        String husband = form("form", Map.of("name", "Олег Петров", "phone", "+7" + digits)).getString("contactId");
        String wife = form("form", Map.of("name", "Ольга Петрова", "email", email)).getString("contactId");
        JsonPath both = form("form", Map.of("name", "Ольга Петрова", "phone", "+7" + digits, "email", email));
        inquiry(both).body("resolution.decision", equalTo("conflict"))
                .body("resolution.candidates[0].reasons", contains("shared-identity", "name-differs"));
        api().get("/api/contacts/" + wife).then().body("mergedInto", nullValue());
        assertNotEquals(husband, wife);
    }

    @Test
    void aPairListedForWantOfANameMergesWhenTheNameArrives() {
        String digits = Api.newMobileDigits();
        String german = form("form-de", Map.of("name", "Yulia Zaitseva", "phone", digits)).getString("contactId");
        JsonPath call = form("form", Map.of("phone", "+7" + digits)); // no name: only a candidate
        inquiry(call).body("resolution.decision", equalTo("new"))
                .body("resolution.candidates[0].contactId", equalTo(german));
        JsonPath named = form("form", Map.of("name", "Юлия Зайцева", "phone", "8" + digits));
        assertEquals(call.getString("contactId"), named.getString("contactId"));
        inquiry(named).body("resolution.decision", equalTo("merged"))
                .body("resolution.merges[0].sourceId", equalTo(german))
                .body("resolution.merges[0].rule", equalTo("phone-country-code"));
        api().get("/api/contacts/" + german).then().body("mergedInto", equalTo(call.getString("contactId")));
    }

    @Test
    void aPhoneMissingItsCountryCodeWithTheSameNameJoinsTheCard() {
        String digits = Api.newMobileDigits();
        String ru = form("form", Map.of("name", "Дмитрий Кузнецов", "phone", "+7" + digits)).getString("contactId");
        JsonPath de = form("form-de", Map.of("name", "Dmitry Kuznetsov", "phone", digits));
        assertEquals(ru, de.getString("contactId"));
        inquiry(de).body("resolution.decision", equalTo("matched-fuzzy"))
                .body("resolution.matchedBy", contains("phone-country-code", "name-transliteration"));
        api().get("/api/contacts/" + ru).then().body("phones", hasSize(2)).body("leadIds", hasSize(1));

        // the same ten digits in another country under another name: another person
        JsonPath stranger = form("form", Map.of("name", "John Smith", "phone", "+1" + digits));
        assertNotEquals(ru, stranger.getString("contactId"));
        inquiry(stranger).body("resolution.decision", equalTo("new"));
    }
}
