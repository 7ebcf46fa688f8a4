package io.leadgate.console;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console pages over HTTP: inbox filters, search, paging and live arrivals; the card; the board's moves. */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern ROW = Pattern.compile("id=\"lead-(\\d+)\"");
    private static final Pattern MORE = Pattern.compile("/console/inbox/rows\\?before=([0-9:]+)");

    @Test
    void inboxFiltersBySourceAndPagesByKeyset() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 53; i++) {
            lead("Paged " + i, "+7" + Api.newMobileDigits(), source);
        }
        ConsoleSession admin = ConsoleSession.admin();
        String first = admin.get("/console/inbox?source=" + source).then().statusCode(200).extract().asString();
        List<String> page1 = ids(first);
        assertEquals(50, page1.size());
        Matcher more = MORE.matcher(first);
        assertTrue(more.find(), "a 'show more' link");
        String second = admin.get("/console/inbox/rows?before=" + more.group(1) + "&source=" + source).then()
                .statusCode(200).extract().asString();
        List<String> page2 = ids(second);
        assertEquals(3, page2.size());
        assertFalse(MORE.matcher(second).find(), "the last page has no 'show more'");
        assertTrue(Long.parseLong(page1.get(49)) > Long.parseLong(page2.get(0)), "newest first");
        assertTrue(second.contains("Paged 0"), "the oldest is on the last page");
    }

    @Test
    void inboxSearchesByPhoneInAnyFormatEmailAndName() {
        String d = Api.newMobileDigits();
        String name = "Searchable " + UUID.randomUUID().toString().substring(0, 6);
        String leadId = lead(name, "+7" + d, null);
        ConsoleSession admin = ConsoleSession.admin();
        String national = "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
        for (String q : new String[]{national, "+7" + d, name.substring(0, 14).toLowerCase()}) {
            admin.request().queryParam("q", q).get("/console/inbox").then().statusCode(200)
                    .body(containsString("id=\"lead-" + leadId + "\""));
        }
        admin.request().queryParam("q", "+7 999 000 00 00").get("/console/inbox").then().statusCode(200)
                .body(not(containsString("id=\"lead-" + leadId + "\"")));
    }

    @Test
    void liveEndpointReturnsLeadsCreatedAfterTheCursor() {
        ConsoleSession admin = ConsoleSession.admin();
        String page = admin.get("/console/inbox").then().statusCode(200).extract().asString();
        Matcher cursor = Pattern.compile("/console/inbox/live\\?after=(\\d+)").matcher(page);
        assertTrue(cursor.find());
        admin.get("/console/inbox/live?after=" + cursor.group(1)).then().statusCode(200)
                .body(not(containsString("hx-swap-oob")));
        String leadId = lead("Arriving Live", "+7" + Api.newMobileDigits(), null);
        String live = admin.get("/console/inbox/live?after=" + cursor.group(1)).then().statusCode(200).extract()
                .asString();
        assertTrue(live.contains("hx-swap-oob=\"afterbegin:#inbox-rows\""), live);
        assertTrue(live.contains("id=\"lead-" + leadId + "\""), live);
        Matcher next = Pattern.compile("/console/inbox/live\\?after=(\\d+)").matcher(live);
        assertTrue(next.find());
        assertTrue(Long.parseLong(next.group(1)) > Long.parseLong(cursor.group(1)), "the cursor moves on");
        admin.get("/console/inbox/live?after=" + next.group(1)).then()
                .body(not(containsString("id=\"lead-" + leadId + "\"")));
    }

    @Test
    void cardShowsEditsNotesAndHandMadeLeads() {
        ConsoleSession admin = ConsoleSession.admin();
        String phone = "+7" + Api.newMobileDigits();
        admin.post("/console/leads/new", Map.of("name", "Paper Note", "phone", phone, "text", "walked in", "channelId",
                "manual")).then().statusCode(200).header("HX-Redirect", containsString("/console/contacts/"));
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then().extract().path("[0].id");
        admin.post("/console/contacts/" + contactId, Map.of("name", "Paper Note", "company", "Acme & Sons"))
                .then().statusCode(200).body(containsString("Acme &amp; Sons"));
        admin.post("/console/contacts/" + contactId + "/notes", Map.of("text", "call on Monday")).then()
                .statusCode(200).body(containsString("call on Monday"));
        admin.get("/console/contacts/" + contactId).then().statusCode(200)
                .body(containsString("walked in")).body(containsString("call on Monday"))
                .body(containsString(phone));
        admin.post("/console/leads/new", Map.of("text", "nobody")).then().statusCode(200)
                .header("HX-Reswap", equalTo("none")).body(containsString("Enter a name, phone or email."));
        admin.get("/console/contacts/999999999").then().statusCode(404);
    }

    @Test
    void boardMovesShowTheRefusalReason() {
        String leadId = lead("Board Deal", "+7" + Api.newMobileDigits(), null);
        String dealId = api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/convert")
                .then().statusCode(200).extract().path("dealId");
        ConsoleSession admin = ConsoleSession.admin();
        admin.get("/console/board").then().statusCode(200).body(containsString("data-deal=\"" + dealId + "\""));
        admin.post("/console/deals/" + dealId + "/move", Map.of("stageId", "999999999")).then().statusCode(200)
                .body(containsString("flash-error")).body(containsString("data-deal=\"" + dealId + "\""));
        String stage = api().get("/api/deals/" + dealId).then().extract().path("stageId");
        String pipelineId = api().get("/api/deals/" + dealId).then().extract().path("pipelineId");
        List<String> stages = api().get("/api/pipelines/" + pipelineId).then().extract().path("stages.id");
        String next = stages.get(stages.indexOf(stage) + 1);
        admin.post("/console/deals/" + dealId + "/move", Map.of("stageId", next, "pipeline", pipelineId)).then()
                .statusCode(200).body(not(containsString("flash-error")));
        api().get("/api/deals/" + dealId).then().body("stageId", equalTo(next));
        api().get("/api/deals/" + dealId + "/history").then().body("actor", org.hamcrest.Matchers.hasItem("admin"));
    }

    private static String lead(String name, String phone, String source) {
        Map<String, Object> body = source == null ? Map.of("name", name, "phones", List.of(phone), "text", "hello")
                : Map.of("name", name, "phones", List.of(phone), "text", "hello", "source", source);
        return api().contentType(ContentType.JSON).body(body).post("/api/leads").then().statusCode(201).extract()
                .path("id");
    }

    private static List<String> ids(String html) {
        List<String> ids = new java.util.ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
