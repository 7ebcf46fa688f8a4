package io.leadgate.pipeline;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A merge moves the source card's deals to the target; its undo moves exactly those back, and nothing else. */
@QuarkusTest
class DealMergeTest {

    @Test
    void dealsFollowTheMergeAndExactlyThoseGoBackOnUndo() {
        String digits = Api.newMobileDigits();
        JsonPath a = post(Map.of("name", "Deal Target", "phone", "+7" + digits, "message", "first card"));
        JsonPath b = post(Map.of("email", "deal.merge." + digits + "@mail.example", "message", "second card"));
        String target = a.getString("contactId");
        String source = b.getString("contactId");
        String targetDeal = convert(a.getString("leadId"));
        String sourceDeal = convert(b.getString("leadId"));

        String mergeId = api().contentType(ContentType.JSON).body(Map.of("sourceId", source))
                .post("/api/contacts/" + target + "/merge").then().statusCode(200).extract().path("id");
        assertEquals(List.of(targetDeal, sourceDeal), dealsOf(target), "the source's deal moved to the target");
        assertEquals(List.of(), dealsOf(source));
        // a deal made for the merged card while merged
        String whileMerged = convert(post(Map.of("phone", "+7" + digits, "message", "while merged")).getString("leadId"));
        assertEquals(List.of(targetDeal, sourceDeal, whileMerged), dealsOf(target));

        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);
        assertEquals(List.of(sourceDeal), dealsOf(source), "exactly the moved deal goes back");
        assertEquals(List.of(targetDeal, whileMerged), dealsOf(target), "the target keeps its own deals");
    }

    private static JsonPath post(Map<String, String> fields) {
        return given().contentType(ContentType.JSON).body(fields).post("/hooks/form").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String convert(String leadId) {
        return api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/convert").then()
                .statusCode(200).extract().path("dealId");
    }

    private static List<String> dealsOf(String contactId) {
        return api().queryParam("contactId", contactId).get("/api/deals").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
    }
}
