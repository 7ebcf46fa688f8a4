package io.leadgate.contact;

import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.leadgate.contact.IdentityResolutionTest.events;
import static io.leadgate.contact.IdentityResolutionTest.form;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * On undo of a merge, the inquiries that arrived while the cards were merged follow the identities they came from:
 * back to the restored card with the leads (and their deals) they opened, or on the surviving card.
 */
@QuarkusTest
class MergeUndoArrivalsTest {

    @Test
    void inquiriesThatArrivedWhileMergedFollowTheIdentitiesTheyCameFrom() {
        String digits = Api.newMobileDigits();
        String aPhone = "+7" + digits;
        String bEmail = "undo.b." + digits + "@mail.example";
        String newEmail = "undo.new." + digits + "@mail.example";
        JsonPath a = form("form", Map.of("name", "Вера Соколова", "phone", aPhone));
        JsonPath b = form("form", Map.of("email", bEmail));
        String source = a.getString("contactId");
        String target = b.getString("contactId");
        String mergeId = api().contentType(ContentType.JSON).body(Map.of("sourceId", source))
                .post("/api/contacts/" + target + "/merge").then().statusCode(200).extract().path("id");

        // while merged: by A's phone into B's (pre-existing, newest) open lead
        JsonPath extendsB = form("form", Map.of("phone", aPhone));
        assertEquals(target, extendsB.getString("contactId"));
        assertEquals(b.getString("leadId"), extendsB.getString("leadId"), "it extended the target's own lead");
        // by A's phone with an address first seen here: a new lead, converted to a deal while merged
        JsonPath byA = form("form-repeat-new", Map.of("phone", aPhone, "email", newEmail));
        String byADeal = api().contentType(ContentType.JSON).body("{}")
                .post("/api/leads/" + byA.getString("leadId") + "/convert").then().statusCode(200)
                .extract().path("dealId");
        // by B's address; by the new address alone (it follows the message that brought it); by both cards' identities
        JsonPath byB = form("form-repeat-new", Map.of("email", bEmail));
        JsonPath byNew = form("form-repeat-new", Map.of("email", newEmail));
        JsonPath byBoth = form("form-repeat-new", Map.of("phone", aPhone, "email", bEmail));
        for (JsonPath p : List.of(byA, byB, byNew, byBoth)) {
            assertEquals(target, p.getString("contactId"));
        }

        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);

        JsonPath restored = api().get("/api/contacts/" + source).then().statusCode(200).extract().jsonPath();
        JsonPath survivor = api().get("/api/contacts/" + target).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(a.getString("inquiryId"), extendsB.getString("inquiryId"), byA.getString("inquiryId"),
                byNew.getString("inquiryId")), ids(restored.getList("timeline.id", String.class)));
        assertEquals(Set.of(b.getString("inquiryId"), byB.getString("inquiryId"), byBoth.getString("inquiryId")),
                ids(survivor.getList("timeline.id", String.class)));
        assertEquals(Set.of(a.getString("leadId"), byA.getString("leadId"), byNew.getString("leadId")),
                ids(restored.getList("leadIds", String.class)), "the leads the returned inquiries opened follow them");
        assertEquals(Set.of(b.getString("leadId"), byB.getString("leadId"), byBoth.getString("leadId")),
                ids(survivor.getList("leadIds", String.class)), "a lead that existed before stays where it was");
        assertEquals(List.of(aPhone), restored.getList("phones", String.class));
        assertEquals(List.of(newEmail), restored.getList("emails", String.class), "the new address went with it");
        assertEquals(List.of(bEmail), survivor.getList("emails", String.class));
        assertEquals(List.of(byADeal), dealsOf(source), "the deal of a lead that went back goes with it");
        assertEquals(List.of(), dealsOf(target));
        assertEquals(1, events(EventTypes.CONTACT_UNMERGED, target));

        // a later inquiry by the new address finds the restored card
        assertEquals(source, form("form", Map.of("email", newEmail)).getString("contactId"));
        assertEquals(target, form("form", Map.of("email", bEmail)).getString("contactId"));
        assertNotEquals(source, target);
    }

    @Test
    void dealsMovedByTheMergeAndThoseMadeWhileMergedFromTheSourcesLeadsGoBack() {
        String digits = Api.newMobileDigits();
        JsonPath a = form("form", Map.of("phone", "+7" + digits));
        JsonPath a2 = form("form-repeat-new", Map.of("phone", "+7" + digits)); // the source's second lead
        JsonPath b = form("form", Map.of("email", "undo.deal." + digits + "@mail.example"));
        String source = a.getString("contactId");
        String target = b.getString("contactId");
        assertEquals(source, a2.getString("contactId"));
        String movedDeal = convert(a.getString("leadId"));
        String mergeId = api().contentType(ContentType.JSON).body(Map.of("sourceId", source))
                .post("/api/contacts/" + target + "/merge").then().statusCode(200).extract().path("id");
        assertEquals(List.of(movedDeal), dealsOf(target), "the source's deal moved to the target");
        assertEquals(List.of(), dealsOf(source));
        String fromSourceLead = convert(a2.getString("leadId")); // made while merged from a lead the merge moved
        String fromTargetLead = convert(b.getString("leadId")); // made while merged from the target's own lead
        assertEquals(Set.of(movedDeal, fromSourceLead, fromTargetLead), ids(dealsOf(target)));

        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);
        assertEquals(Set.of(movedDeal, fromSourceLead), ids(dealsOf(source)), "the deals go back with their leads");
        assertEquals(List.of(fromTargetLead), dealsOf(target));
    }

    private static String convert(String leadId) {
        return api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/convert").then()
                .statusCode(200).extract().path("dealId");
    }

    private static List<String> dealsOf(String contactId) {
        return api().queryParam("contactId", contactId).get("/api/deals").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
    }

    private static Set<String> ids(List<String> ids) {
        return new HashSet<>(ids);
    }
}
