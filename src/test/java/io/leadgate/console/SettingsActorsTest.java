package io.leadgate.console;

import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #23, "every action taken in the console records the signed-in user as its actor": setting changes (pipelines,
 * stages, tunnels, automation rules, the lists, the analytics time zone, webhooks, connectors) land in the settings
 * change log with the console user or the API's actor; "not the same person" records who decided; and a Russian
 * console user reads the services' refusals in Russian (settings, board, duplicates, deliveries, card, new lead,
 * users) while the API keeps its English answers.
 */
@QuarkusTest
class SettingsActorsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ConnectorRunner connectors;

    private static String newAdmin() {
        String name = "a" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body(Map.of("username", name, "displayName", "Admin " + name,
                "role", "admin", "password", "admin-pass-1")).post("/api/users").then().statusCode(201);
        return name;
    }

    /**
     * The recorded changes of one subject, newest first, as "kind actor"; {@code of} the starts of the kinds, split
     * by {@code |} (ids
     * of pipelines, tunnels, rules and webhooks come from different sequences: the kind says which one is meant).
     */
    private static List<String> changes(String of, String subject) {
        String kinds = "['" + String.join("','", of.split("\\|")) + "']";
        return api().queryParam("limit", 1000).get("/api/settings/changes").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.subject == '" + subject + "' && " + kinds
                        + ".any { p -> it.kind.startsWith(p) } }.collect { it.kind + ' ' + it.actor }");
    }

    @Test
    void consoleSettingChangesRecordTheSignedInUser() {
        String name = newAdmin();
        ConsoleSession admin = ConsoleSession.signIn(name, "admin-pass-1");
        String location = admin.post("/console/settings/pipelines", Map.of("name", "Actors " + Api.newMobileDigits()))
                .then().statusCode(200).extract().header("HX-Redirect");
        String id = location.substring(location.indexOf("pipeline=") + "pipeline=".length());
        String base = "/console/settings/pipelines/" + id;
        admin.post(base, Map.of("name", "Actors renamed " + Api.newMobileDigits())).then().statusCode(200);
        admin.post(base + "/stages", Map.of("name", "Demo", "color", "#445566", "semantics", "in-progress"))
                .then().statusCode(200);
        List<String> stages = ConsoleSettingsPagesTest.stageIds(id);
        String demo = stages.get(5);
        admin.post(base + "/stages/" + demo, Map.of("name", "Demo call", "color", "#112233")).then().statusCode(200);
        admin.post(base + "/stages/" + demo + "/move", Map.of("by", "-1")).then().statusCode(200);
        admin.post(base + "/stages/" + demo + "/delete", Map.of()).then().statusCode(200);
        String other = ConsoleSettingsPagesTest.pipeline("Actors target");
        admin.post(base + "/tunnels", Map.of("fromStageId", stages.get(1),
                "toStageId", ConsoleSettingsPagesTest.stageIds(other).get(0), "mode", "copy")).then().statusCode(200)
                .body(containsString("Tunnel added."));
        String tunnel = api().queryParam("pipelineId", id).get("/api/tunnels").then().extract().path("[0].id");
        admin.post(base + "/tunnels/" + tunnel + "/delete", Map.of()).then().statusCode(200);
        admin.post(base + "/automations", Map.of("stageId", stages.get(2), "action", "add-task", "title", "Call",
                "kind", "task", "due", "PT2H")).then().statusCode(200).body(containsString("Automation rule added."));
        String rule = api().queryParam("stageId", stages.get(2)).get("/api/automations").then().extract().path("[0].id");
        admin.post(base + "/automations/" + rule + "/delete", Map.of()).then().statusCode(200);

        assertEquals(List.of("stage.deleted " + name, "stages.reordered " + name, "stage.updated " + name,
                "stage.added " + name, "pipeline.updated " + name, "pipeline.created " + name), changes("pipeline.|stage", id));
        assertEquals(List.of("tunnel.deleted " + name, "tunnel.created " + name), changes("tunnel.", tunnel));
        assertEquals(List.of("automation.deleted " + name, "automation.created " + name),
                changes("automation.", rule));

        String code = "actor-" + Api.newMobileDigits();
        for (String list : List.of("junk-reasons", "loss-reasons", "lead-statuses")) {
            admin.post("/console/settings/lists/" + list, Map.of("code", code, "name", "Actor test",
                    "semantics", "in-progress")).then().statusCode(200).body(not(containsString("flash-error")));
            admin.post("/console/settings/lists/" + list + "/" + code + "/rename", Map.of("name", "Renamed"))
                    .then().statusCode(200).body(not(containsString("flash-error")));
            admin.post("/console/settings/lists/" + list + "/" + code + "/delete", Map.of()).then().statusCode(200)
                    .body(not(containsString("flash-error")));
        }
        assertEquals(List.of("lead-status.deleted " + name, "lead-status.renamed " + name, "lead-status.added " + name,
                "loss-reason.deleted " + name, "loss-reason.renamed " + name, "loss-reason.added " + name,
                "junk-reason.deleted " + name, "junk-reason.renamed " + name, "junk-reason.added " + name),
                changes("", code));

        // the zone in force is set again (the shared database's setting stays as it was)
        Map<String, Object> zone = api().get("/api/analytics/time-zone").then().statusCode(200).extract().as(Map.class);
        String same = Boolean.TRUE.equals(zone.get("stored")) ? (String) zone.get("timeZone") : "";
        admin.post("/console/settings/analytics/time-zone", Map.of("timeZone", same)).then().statusCode(200);
        assertTrue(changes("analytics.", "analytics.time-zone").contains("analytics.time-zone " + name));

        // the Changes page lists them with the user and the kind in the user's language
        admin.get("/console/settings/changes").then().statusCode(200)
                .body(containsString("id=\"changes\"")).body(containsString(name)).body(containsString("Stage added"));
        admin.language("ru").get("/console/settings/changes").then().statusCode(200)
                .body(containsString("Стадия добавлена")).body(containsString("Изменения"));
    }

    @Test
    void apiSettingChangesRecordTheActorHeaderOrApi() {
        String id = api().header("X-Actor", "robot-7").contentType(ContentType.JSON)
                .body(Map.of("name", "Api actors " + Api.newMobileDigits(), "stages", List.of(
                        Map.of("name", "New", "semantics", "in-progress"), Map.of("name", "Talk"),
                        Map.of("name", "Offer"), Map.of("name", "Invoice"),
                        Map.of("name", "Won", "semantics", "won"), Map.of("name", "Lost", "semantics", "lost"))))
                .post("/api/pipelines").then().statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).body(Map.of("name", "Api actors renamed " + Api.newMobileDigits()))
                .patch("/api/pipelines/" + id).then().statusCode(200);
        List<String> stages = ConsoleSettingsPagesTest.stageIds(id);
        api().header("X-Actor", "robot-7").contentType(ContentType.JSON).body(Map.of("color", "#123456"))
                .patch("/api/pipelines/" + id + "/stages/" + stages.get(1)).then().statusCode(200);
        assertEquals(List.of("stage.updated robot-7", "pipeline.updated api", "pipeline.created robot-7"),
                changes("pipeline.|stage", id));

        String other = ConsoleSettingsPagesTest.pipeline("Api actors target");
        String tunnel = api().header("X-Actor", "robot-7").contentType(ContentType.JSON).body(Map.of(
                        "fromPipelineId", id, "fromStageId", stages.get(1), "toPipelineId", other,
                        "toStageId", ConsoleSettingsPagesTest.stageIds(other).get(0), "mode", "copy"))
                .post("/api/tunnels").then().statusCode(201).extract().path("id");
        api().delete("/api/tunnels/" + tunnel).then().statusCode(204);
        assertEquals(List.of("tunnel.deleted api", "tunnel.created robot-7"), changes("tunnel.", tunnel));

        String code = "api-actor-" + Api.newMobileDigits();
        api().header("X-Actor", "robot-7").contentType(ContentType.JSON).body(Map.of("code", code, "name", "X"))
                .post("/api/loss-reasons").then().statusCode(201);
        api().contentType(ContentType.JSON).body(Map.of("name", "Y")).put("/api/loss-reasons/" + code)
                .then().statusCode(200);
        assertEquals(List.of("loss-reason.renamed api", "loss-reason.added robot-7"), changes("", code));

        // the log is read with an admin key only, newest first, paged
        RestAssured.given().header("X-Api-Key", "test-read-key").get("/api/settings/changes").then().statusCode(403);
        api().queryParam("limit", 1).get("/api/settings/changes").then().statusCode(200).body("size()", equalTo(1));
        api().queryParam("limit", 0).get("/api/settings/changes").then().statusCode(400);
    }

    @Test
    void webhooksConnectorsAndNotTheSamePersonRecordTheirActor() throws SQLException {
        String name = newAdmin();
        ConsoleSession admin = ConsoleSession.signIn(name, "admin-pass-1");
        String url = "https://" + name + ".example/hook?token=secret-in-url";
        admin.post("/console/deliveries/webhooks", Map.of("url", url, "events", "leadgate.lead.created"))
                .then().statusCode(200);
        String hook = api().queryParam("limit", 1000).get("/api/webhooks").then().extract()
                .path("find { it.url == '" + url + "' }.id");
        admin.post("/console/deliveries/webhooks/" + hook + "/enable", Map.of()).then().statusCode(200);
        api().header("X-Actor", "ops-bot").delete("/api/webhooks/" + hook).then().statusCode(204);
        assertEquals(List.of("webhook.deleted ops-bot", "webhook.enabled " + name, "webhook.created " + name),
                changes("webhook.", hook));
        String details = api().queryParam("limit", 1000).get("/api/settings/changes").then().extract()
                .path("findAll { it.subject == '" + hook + "' }.detail").toString();
        assertTrue(details.contains(name + ".example") && !details.contains("secret-in-url"), details);

        String crm = "actors-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.resume(crm, name);
        assertEquals(List.of("connector.resumed " + name), changes("connector.", crm));

        String[] console = ConsoleOpsPagesTest.pair("Анна Белова", "Anna Belova");
        admin.post("/console/duplicates/" + console[0] + "/distinct", Map.of()).then().statusCode(200);
        assertEquals(name, decidedBy(console[0]));
        String[] viaApi = ConsoleOpsPagesTest.pair("Олег Белов", "Oleg Belov");
        api().header("X-Actor", "dedup-bot").post("/api/contacts/duplicates/" + viaApi[0] + "/distinct").then()
                .statusCode(200);
        assertEquals("dedup-bot", decidedBy(viaApi[0]));
    }

    @Test
    void aRussianConsoleUserReadsRefusalsInRussianAndTheApiStaysEnglish() {
        ConsoleSession ru = ConsoleSession.admin().language("ru");

        // a tunnel that would close a loop
        String a = ConsoleSettingsPagesTest.pipeline("Ru loop A");
        String b = ConsoleSettingsPagesTest.pipeline("Ru loop B");
        String aWon = ConsoleSettingsPagesTest.stageIds(a).get(4);
        String bFirst = ConsoleSettingsPagesTest.stageIds(b).get(0);
        ru.post("/console/settings/pipelines/" + a + "/tunnels", Map.of("fromStageId", aWon, "toStageId", bFirst,
                "mode", "copy")).then().statusCode(200).body(not(containsString("flash-error")));
        ru.post("/console/settings/pipelines/" + b + "/tunnels", Map.of("fromStageId", bFirst, "toStageId", aWon,
                        "mode", "move")).then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("flash-error")).body(containsString("Это правило замкнуло бы круг"))
                .body(not(containsString("would close a loop")));
        api().contentType(ContentType.JSON).body(Map.of("fromPipelineId", b, "fromStageId", bFirst,
                        "toPipelineId", a, "toStageId", aWon, "mode", "move")).post("/api/tunnels").then()
                .statusCode(409).body("error", containsString("this rule would close a loop"));

        // deleting a junk reason still given to a lead
        String code = "ru-refusal-" + Api.newMobileDigits();
        api().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Ru")).post("/api/junk-reasons")
                .then().statusCode(201);
        String leadId = api().contentType(ContentType.JSON).body(Map.of("name", "Ru Junk",
                "phones", List.of("+7" + Api.newMobileDigits()), "text", "hello")).post("/api/leads").then()
                .statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).body(Map.of("reason", code)).post("/api/leads/" + leadId + "/junk")
                .then().statusCode(200);
        ru.post("/console/settings/lists/junk-reasons/" + code + "/delete", Map.of()).then().statusCode(200)
                .body(containsString("flash-error"))
                .body(containsString("Причина брака " + code + " указана у лидов (1)"));
        api().delete("/api/junk-reasons/" + code).then().statusCode(409)
                .body("error", equalTo("junk reason " + code + " is given to 1 leads; name another junk reason to move"
                        + " them to (moveTo)"));

        // a deal moved into a lost stage without a reason
        String dealLead = api().contentType(ContentType.JSON).body(Map.of("name", "Ru Deal",
                "phones", List.of("+7" + Api.newMobileDigits()), "text", "hello")).post("/api/leads").then()
                .statusCode(201).extract().path("id");
        String dealId = api().contentType(ContentType.JSON).body(Map.of("pipelineId", a))
                .post("/api/leads/" + dealLead + "/convert").then().statusCode(200).extract().path("dealId");
        String lost = ConsoleSettingsPagesTest.stageIds(a).get(5);
        ru.post("/console/deals/" + dealId + "/move", Map.of("stageId", lost, "pipeline", a)).then().statusCode(200)
                .body(containsString("flash-error"))
                .body(containsString("Для перевода в стадию проигрыша нужна причина проигрыша"));

        // a stage that holds a deal
        String first = ConsoleSettingsPagesTest.stageIds(a).get(0);
        ru.post("/console/settings/pipelines/" + a + "/stages/" + first + "/delete", Map.of()).then().statusCode(200)
                .body(containsString("На стадии «New» есть сделки (1)"));

        // a bad time zone
        ru.post("/console/settings/analytics/time-zone", Map.of("timeZone", "Mars/Olympus")).then().statusCode(200)
                .body(containsString("«Mars/Olympus» — не часовой пояс"));
    }

    @Test
    void theDuplicatesDeliveriesCardNewLeadAndUsersPagesRefuseInRussianToo() {
        ConsoleSession ru = ConsoleSession.admin().language("ru");

        // duplicates: undoing a merge twice; the API keeps its English answer
        String kept = api().contentType(ContentType.JSON).body(Map.of("name", "Ru Merge",
                "phones", List.of("+7" + Api.newMobileDigits()), "text", "hello")).post("/api/leads").then()
                .statusCode(201).extract().path("contactId");
        String gone = api().contentType(ContentType.JSON).body(Map.of("name", "Ru Merge Twin",
                "phones", List.of("+7" + Api.newMobileDigits()), "text", "hello")).post("/api/leads").then()
                .statusCode(201).extract().path("contactId");
        String mergeId = api().contentType(ContentType.JSON).body(Map.of("sourceId", gone))
                .post("/api/contacts/" + kept + "/merge").then().statusCode(200).extract().path("id");
        ru.post("/console/duplicates/merges/" + mergeId + "/undo", Map.of()).then().statusCode(200)
                .body(not(containsString("flash-error")));
        ru.post("/console/duplicates/merges/" + mergeId + "/undo", Map.of()).then().statusCode(200)
                .body(containsString("Объединение " + mergeId + " уже отменено."))
                .body(not(containsString("undone already")));
        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(409)
                .body("error", equalTo("merge " + mergeId + " was undone already"));

        // deliveries: a webhook URL that is not an http(s) one
        ru.post("/console/deliveries/webhooks", Map.of("url", "ftp://ru-refusal.example/hook",
                        "events", "leadgate.lead.created")).then().statusCode(200)
                .body(containsString("Укажите полный URL http или https с именем хоста."))
                .body(not(containsString("absolute http")));
        api().contentType(ContentType.JSON).body(Map.of("url", "ftp://ru-refusal.example/hook",
                        "events", List.of("leadgate.lead.created"), "secret", "s3cret")).post("/api/webhooks").then()
                .statusCode(400).body("error", equalTo("url must be an absolute http or https URL"));

        // the contact card: an empty note
        ru.post("/console/contacts/" + kept + "/notes", Map.of("text", " ")).then().statusCode(200)
                .header("HX-Reswap", equalTo("none")).body(containsString("Введите текст заметки."));

        // the new-lead form: nobody to reach
        ru.post("/console/leads/new", Map.of("text", "nobody")).then().statusCode(200)
                .header("HX-Reswap", equalTo("none")).body(containsString("Укажите имя, телефон или email."));

        // the users page: a weak password, a taken username
        String name = "r" + UUID.randomUUID().toString().substring(0, 8);
        ru.post("/console/users", Map.of("username", name, "displayName", "Ru " + name, "role", "manager",
                        "password", "short")).then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("Пароль должен быть длиной от 8 до 72 символов."));
        ru.post("/console/users", Map.of("username", name, "displayName", "Ru " + name, "role", "manager",
                "password", "ru-pass-123")).then().statusCode(200).body(not(containsString("flash-error")));
        ru.post("/console/users", Map.of("username", name, "displayName", "Ru " + name, "role", "manager",
                        "password", "ru-pass-123")).then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("Пользователь " + name + " уже есть."));
    }

    private String decidedBy(String pairId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select status, decided_by from merge_candidate where id = ?")) {
            s.setLong(1, Long.parseLong(pairId));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "pair " + pairId);
                assertEquals("distinct", r.getString(1));
                return r.getString(2);
            }
        }
    }
}
