package io.leadgate.console;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The duplicates, channels and deliveries pages over HTTP: sign-in, roles, CSRF, bad input, escaping. */
@QuarkusTest
class ConsoleOpsPagesTest {

    @Inject
    DataSource dataSource;

    /** Two cards that share a phone and an email between them: a listed candidate pair. Returns [pair, a, b]. */
    static String[] pair(String nameA, String nameB) {
        String digits = Api.newMobileDigits();
        String email = "dup." + digits + "@mail.example";
        String a = form(Map.of("name", nameA, "phone", "+7" + digits)).getString("contactId");
        String b = form(Map.of("name", nameB, "email", email)).getString("contactId");
        form(Map.of("name", nameA, "phone", "+7" + digits, "email", email));
        String pairId = api().queryParam("contactId", b).get("/api/contacts/duplicates").then().statusCode(200)
                .body("", hasSize(1)).extract().path("[0].id");
        return new String[] {pairId, a, b, digits, email};
    }

    static JsonPath form(Map<String, String> body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Accept", "application/json").body(body)
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pagesAskToSignIn() {
        for (String page : List.of("/console/duplicates", "/console/channels", "/console/deliveries")) {
            RestAssured.given().redirects().follow(false).get(page).then().statusCode(302)
                    .header("Location", containsString("/console/login"));
        }
    }

    @Test
    void matchReasonsAreWordsInTheUsersLanguageWithTheCodeKeptAside() {
        String[] p = pair("Ирина Волкова", "Irina Volkova");
        ConsoleSession admin = ConsoleSession.signIn("admin", ConsoleSession.ADMIN_PASSWORD);
        String en = pairHtml(admin.get("/console/duplicates").then().statusCode(200).extract().asString(), p[0]);
        assertTrue(en.contains("data-reason=\"shared-identity\">One inquiry named details of both cards"), en);
        assertTrue(en.contains("data-reason=\"name-transliteration\">The same name in another alphabet"), en);
        String ru = pairHtml(admin.language("ru").get("/console/duplicates").then().statusCode(200).extract()
                .asString(), p[0]);
        assertTrue(ru.contains(">Одно обращение указало данные обеих карточек<"), ru);
        assertTrue(ru.contains(">То же имя другим алфавитом<"), ru);
    }

    private static String pairHtml(String page, String pairId) {
        int start = page.indexOf("id=\"pair-" + pairId + "\"");
        assertTrue(start >= 0, "pair " + pairId + " listed");
        return page.substring(start, page.indexOf("</li>\n", page.indexOf("</ul>", start)));
    }

    @Test
    void managerReviewsDuplicatesButChannelsAndDeliveriesAreForAdmins() {
        String name = ConsoleSecurityTest.newUser("manager");
        ConsoleSession manager = ConsoleSession.signIn(name, "manager-pass-1");
        String html = manager.get("/console/duplicates").then().statusCode(200).extract().asString();
        assertFalse(html.contains("href=\"/console/channels\""), "no link to admin pages");
        manager.get("/console/channels").then().statusCode(403);
        manager.get("/console/deliveries").then().statusCode(403);
        manager.post("/console/channels/envelopes/1/replay", Map.of()).then().statusCode(403);
        String url = "https://" + name + ".example/hook";
        manager.post("/console/deliveries/webhooks", Map.of("url", url, "events", "leadgate.lead.created")).then()
                .statusCode(403);
        api().queryParam("limit", 500).get("/api/webhooks").then().body("find { it.url == '" + url + "' }", nullValue());
        manager.post("/console/deliveries/connectors/amocrm/resume", Map.of()).then().statusCode(403);

        String[] p = pair("Мария Козлова", "Maria Kozlova");
        manager.post("/console/duplicates/" + p[0] + "/merge", Map.of("keep", p[1])).then().statusCode(200)
                .body(containsString("id=\"merge-"));
        api().get("/api/contacts/" + p[2]).then().body("mergedInto", equalTo(p[1]));
        // the signed-in manager is recorded as who merged and who undid it (the API's view and the event's data)
        String mergeId = api().queryParam("contactId", p[2]).get("/api/merges").then().body("", hasSize(1))
                .body("[0].mergedBy", equalTo(name)).body("[0].undoneBy", nullValue()).extract().path("[0].id");
        String undone = manager.post("/console/duplicates/merges/" + mergeId + "/undo", Map.of()).then()
                .statusCode(200).extract().asString();
        api().get("/api/merges/" + mergeId).then().body("mergedBy", equalTo(name)).body("undoneBy", equalTo(name));
        String line = undone.substring(undone.indexOf("id=\"merge-" + mergeId + "\""));
        line = line.substring(0, line.indexOf("</tr>"));
        assertTrue(line.contains("class=\"merged-by\">" + name + "<"), "the history names who merged: " + line);
        assertTrue(line.contains("class=\"undone-by\">" + name + "<"), "and who undid it: " + line);
    }

    @Test
    void actionsWithoutTheCsrfTokenAreRefused() {
        ConsoleSession admin = ConsoleSession.admin();
        String[] p = pair("Пётр Смирнов", "Petr Smirnov");
        for (String path : List.of("/console/duplicates/" + p[0] + "/merge", "/console/duplicates/" + p[0] + "/distinct",
                "/console/duplicates/merges/1/undo", "/console/channels/envelopes/1/replay",
                "/console/deliveries/webhooks", "/console/deliveries/webhook-deliveries/1/replay",
                "/console/deliveries/webhooks/1/replay", "/console/deliveries/connectors/amocrm/resume")) {
            admin.request().contentType("application/x-www-form-urlencoded").formParam("keep", p[1]).post(path)
                    .then().statusCode(403).body("error", containsString("CSRF"));
            admin.request().header("X-CSRF-Token", "B".repeat(43)).contentType("application/x-www-form-urlencoded")
                    .formParam("keep", p[1]).post(path).then().statusCode(403);
        }
        api().get("/api/contacts/" + p[2]).then().body("mergedInto", nullValue());
        api().queryParam("contactId", p[2]).get("/api/contacts/duplicates").then().body("", hasSize(1));
    }

    @Test
    void mergeChoosesTheSurvivorAndUndoes() {
        ConsoleSession admin = ConsoleSession.admin();
        String[] p = pair("Ирина Волкова", "Irina Volkova");
        admin.post("/console/duplicates/" + p[0] + "/merge", Map.of("keep", "123")).then().statusCode(400);
        admin.post("/console/duplicates/987654321/merge", Map.of("keep", p[1])).then().statusCode(404);
        String html = admin.post("/console/duplicates/" + p[0] + "/merge", Map.of("keep", p[2])).then()
                .statusCode(200).extract().asString();
        assertFalse(html.contains("id=\"pair-" + p[0] + "\""), "the pair is gone from the list");
        api().get("/api/contacts/" + p[1]).then().body("mergedInto", equalTo(p[2])); // the chosen card survives
        String mergeId = api().queryParam("contactId", p[1]).get("/api/merges").then().body("", hasSize(1))
                .extract().path("[0].id");
        assertTrue(html.contains("id=\"merge-" + mergeId + "\""), "the merge is in the history");

        admin.post("/console/duplicates/" + p[0] + "/merge", Map.of("keep", p[2])).then().statusCode(404); // not open
        admin.post("/console/duplicates/merges/" + mergeId + "/undo", Map.of()).then().statusCode(200)
                .body(containsString("merge-undone"));
        api().get("/api/contacts/" + p[1]).then().body("mergedInto", nullValue());
        admin.post("/console/duplicates/merges/" + mergeId + "/undo", Map.of()).then().statusCode(200)
                .body(containsString("flash-error")).body(containsString("undone already"));
        admin.post("/console/duplicates/merges/987654321/undo", Map.of()).then().statusCode(404);
    }

    @Test
    void envelopeReplayRecordsTheSignedInUser() {
        String envelopeId = RestAssured.given().contentType(ContentType.JSON).body("{not json").post("/hooks/form")
                .then().statusCode(400).extract().path("envelopeId");
        String who = "find { it.id == '" + envelopeId + "' }.replayedBy";
        api().queryParam("status", "unparseable").queryParam("limit", 1000).get("/api/envelopes").then()
                .body(who, nullValue());
        ConsoleSession.admin().post("/console/channels/envelopes/" + envelopeId + "/replay", Map.of()).then()
                .statusCode(200).body(containsString("flash-error")); // still unparseable, but the replay is recorded
        api().queryParam("status", "unparseable").queryParam("limit", 1000).get("/api/envelopes").then()
                .body(who, equalTo("admin"));
    }

    @Test
    void deadLetterReplaysRecordTheSignedInUser() throws SQLException {
        String hook = api().contentType(ContentType.JSON).body(Map.of("url", "https://dead-letters.example/hook",
                        "events", List.of("leadgate.lead.created"), "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        try {
            long one = deadDelivery(hook, 1);
            long two = deadDelivery(hook, 2);
            ConsoleSession admin = ConsoleSession.admin();
            admin.post("/console/deliveries/webhook-deliveries/" + one + "/replay", Map.of()).then().statusCode(200);
            api().get("/api/webhooks/" + hook + "/deliveries").then()
                    .body("find { it.id == '" + one + "' }.replayedBy", equalTo("admin"))
                    .body("find { it.id == '" + two + "' }.replayedBy", nullValue());
            admin.post("/console/deliveries/webhooks/" + hook + "/replay", Map.of()).then().statusCode(200);
            api().get("/api/webhooks/" + hook + "/deliveries").then()
                    .body("find { it.id == '" + two + "' }.replayedBy", equalTo("admin"));
        } finally {
            api().delete("/api/webhooks/" + hook);
        }
    }

    /** A dead letter of the subscription, written directly (the sender's retries would take hours); its id. */
    private long deadDelivery(String hook, long position) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("insert into webhook_delivery (id, subscription_id, feed_position, event_id,"
                     + " event_type, status, attempts, next_attempt_at, created_at) values (nextval('webhook_delivery_seq'), "
                     + Long.parseLong(hook) + ", " + position + ", 'evt-dead-" + hook + "-" + position
                     + "', 'leadgate.lead.created', 'DEAD', 8, now(), now()) returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void notTheSamePersonIsRememberedAndNeverProposedAgain() {
        ConsoleSession admin = ConsoleSession.admin();
        String[] p = pair("Олег Петров", "Ольга Петрова");
        String html = admin.post("/console/duplicates/" + p[0] + "/distinct", Map.of()).then().statusCode(200)
                .extract().asString();
        assertFalse(html.contains("id=\"pair-" + p[0] + "\""));
        api().queryParam("contactId", p[2]).get("/api/contacts/duplicates").then().body("", hasSize(0));
        // the same conflict again: the pair stays closed
        form(Map.of("name", "Ольга Петрова", "phone", "+7" + p[3], "email", p[4]));
        api().queryParam("contactId", p[2]).get("/api/contacts/duplicates").then().body("", hasSize(0));
        admin.get("/console/duplicates").then().body(not(containsString("id=\"pair-" + p[0] + "\"")));

        // the API's twin
        String[] q = pair("Анна Белова", "Anna Belova");
        api().post("/api/contacts/duplicates/" + q[0] + "/distinct").then().statusCode(200)
                .body("status", equalTo("distinct"));
        api().queryParam("contactId", q[2]).get("/api/contacts/duplicates").then().body("", hasSize(0));
        api().post("/api/contacts/duplicates/987654321/distinct").then().statusCode(404);
        api().post("/api/contacts/duplicates/x/distinct").then().statusCode(404);
        String[] r = pair("Семён Орлов", "Semyon Orlov");
        api().contentType(ContentType.JSON).body(Map.of("sourceId", r[2])).post("/api/contacts/" + r[1] + "/merge")
                .then().statusCode(200);
        api().post("/api/contacts/duplicates/" + r[0] + "/distinct").then().statusCode(409);
    }

    @Test
    void outsideTextIsShownAsText() {
        ConsoleSession admin = ConsoleSession.admin();
        String hostile = "<b onmouseover=alert(1)>Dup</b>";
        String[] p = pair(hostile, "Someone Else");
        String html = admin.get("/console/duplicates").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"pair-" + p[0] + "\""));
        assertFalse(html.contains("<b onmouseover"), "the name is shown as text");
        String stored = api().get("/api/contacts/" + p[1]).then().extract().path("name");
        if (stored.contains("<")) {
            assertTrue(html.contains(stored.replace("<", "&lt;").replace(">", "&gt;")), "the name is escaped");
        }

        String unparseable = RestAssured.given().contentType(ContentType.JSON).body("{not json <i>x</i>")
                .post("/hooks/form").then().statusCode(400).extract().path("envelopeId");
        html = admin.get("/console/channels").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"envelope-" + unparseable + "\""), "the parked envelope is listed");
        assertTrue(html.contains("/hooks/form</code>"), "the hook URL is shown");
        assertFalse(html.contains("<i>x</i>"));
    }

    @Test
    void aWebhookSecretIsShownOnceAndBadInputIsRefused() {
        ConsoleSession admin = ConsoleSession.admin();
        String url = "https://console-" + Api.newMobileDigits() + ".example/hook";
        String html = admin.post("/console/deliveries/webhooks", Map.of("url", url, "events", "leadgate.lead.created"))
                .then().statusCode(200).extract().asString();
        Matcher secret = Pattern.compile("id=\"webhook-secret\">(whsec_[A-Za-z0-9+/=]+)<").matcher(html);
        assertTrue(secret.find(), html);
        api().queryParam("limit", 500).get("/api/webhooks").then()
                .body("find { it.url == '" + url + "' }.events", equalTo(List.of("leadgate.lead.created")));
        String page = admin.get("/console/deliveries").then().statusCode(200).extract().asString();
        assertTrue(page.contains(url));
        assertFalse(page.contains(secret.group(1)), "the secret is shown only once");

        html = admin.post("/console/deliveries/webhooks", Map.of("url", "ftp://nowhere", "events",
                "leadgate.lead.created")).then().statusCode(200).extract().asString();
        assertTrue(html.contains("flash-error"), html);
        assertFalse(html.contains("whsec_"));
        html = admin.post("/console/deliveries/webhooks", Map.of("url", url + "2")).then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("Choose at least one event."), html);
        admin.post("/console/deliveries/webhook-deliveries/987654321/replay", Map.of()).then().statusCode(404);
        admin.post("/console/deliveries/connectors/nope/resume", Map.of()).then().statusCode(404);
        admin.post("/console/channels/envelopes/987654321/replay", Map.of()).then().statusCode(404);
        assertEquals(200, admin.get("/console/channels").statusCode());
    }
}
