package io.leadgate.console;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings pages over HTTP: admins only, every action through the pipeline services (checked through the REST
 * API), refusals shown with their reason, outside text escaped; and the channels page's set-up steps.
 */
@QuarkusTest
class ConsoleSettingsPagesTest {

    /** A pipeline of its own (the default 7 stages) for one test; returns its id. */
    static String pipeline(String name) {
        return api().contentType(ContentType.JSON).body(Map.of("name", name + " " + Api.newMobileDigits(),
                        "stages", List.of(Map.of("name", "New", "semantics", "in-progress"),
                                Map.of("name", "Talk", "semantics", "in-progress"),
                                Map.of("name", "Offer", "semantics", "in-progress"),
                                Map.of("name", "Invoice", "semantics", "in-progress"),
                                Map.of("name", "Won", "semantics", "won"),
                                Map.of("name", "Lost", "semantics", "lost"))))
                .post("/api/pipelines").then().statusCode(201).extract().path("id");
    }

    static List<String> stageIds(String pipelineId) {
        return api().get("/api/pipelines/" + pipelineId).then().statusCode(200).extract().path("stages.id");
    }

    @Test
    void settingsAreForAdminsOnly() {
        for (String page : List.of("/console/settings", "/console/settings/lists")) {
            RestAssured.given().redirects().follow(false).get(page).then().statusCode(302)
                    .header("Location", containsString("/console/login"));
        }
        ConsoleSession manager = ConsoleSession.signIn(ConsoleSecurityTest.newUser("manager"), "manager-pass-1");
        manager.get("/console/settings").then().statusCode(403);
        manager.get("/console/settings/lists").then().statusCode(403);
        String id = pipeline("Managers cannot");
        manager.post("/console/settings/pipelines/" + id, Map.of("name", "Renamed by a manager")).then().statusCode(403);
        String html = manager.get("/console/inbox").then().statusCode(200).extract().asString();
        assertTrue(!html.contains("href=\"/console/settings\""), "no link to the settings for managers");
    }

    @Test
    void stagesAreRenamedRecolouredAddedReorderedAndDeletedThroughTheService() {
        String id = pipeline("Console stages");
        List<String> stages = stageIds(id);
        ConsoleSession admin = ConsoleSession.admin();
        admin.get("/console/settings?pipeline=" + id).then().statusCode(200)
                .body(containsString("id=\"stage-" + stages.get(1) + "\""))
                .body(containsString("6–14 stages"));

        admin.post("/console/settings/pipelines/" + id + "/stages/" + stages.get(1),
                        Map.of("name", "Qualified", "color", "#112233")).then().statusCode(200)
                .body(containsString("Stage saved.")).body(containsString("value=\"Qualified\""));
        api().get("/api/pipelines/" + id).then().body("stages[1].name", equalTo("Qualified"))
                .body("stages[1].color", equalTo("#112233"));

        admin.post("/console/settings/pipelines/" + id + "/stages",
                Map.of("name", "Demo", "color", "#445566", "semantics", "in-progress")).then().statusCode(200);
        List<String> after = stageIds(id);
        assertEquals(7, after.size());
        String demo = after.get(4); // before the first closed stage
        api().get("/api/pipelines/" + id).then().body("stages[4].name", equalTo("Demo"));

        // dragged: Demo first
        List<String> order = new java.util.ArrayList<>(after);
        order.remove(demo);
        order.add(0, demo);
        admin.post("/console/settings/pipelines/" + id + "/stages/order", Map.of("order", String.join(",", order)))
                .then().statusCode(200).body(containsString("Stages reordered."));
        assertEquals(order, stageIds(id));

        // the keyboard's way: one place down
        admin.post("/console/settings/pipelines/" + id + "/stages/" + demo + "/move", Map.of("by", "1")).then()
                .statusCode(200);
        assertEquals(demo, stageIds(id).get(1));

        admin.post("/console/settings/pipelines/" + id + "/stages/" + demo + "/delete", Map.of()).then()
                .statusCode(200).body(containsString("Stage deleted."));
        assertEquals(6, stageIds(id).size());

        // a reorder that leaves a stage out is refused with the service's reason, nothing swapped
        admin.post("/console/settings/pipelines/" + id + "/stages/order", Map.of("order", order.get(1)))
                .then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("flash-error")).body(containsString("must list all 6 stages"));
    }

    @Test
    void aStageWithDealsIsNotDeletedAndTheReasonIsShown() {
        String id = pipeline("Console busy stage");
        String leadId = api().contentType(ContentType.JSON).body(Map.of("name", "Settings Deal",
                "phones", List.of("+7" + Api.newMobileDigits()), "text", "hello")).post("/api/leads").then()
                .statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).body(Map.of("pipelineId", id)).post("/api/leads/" + leadId + "/convert")
                .then().statusCode(200);
        String first = stageIds(id).get(0);
        ConsoleSession admin = ConsoleSession.admin();
        String html = admin.get("/console/settings?pipeline=" + id).then().statusCode(200).extract().asString();
        assertTrue(!html.contains("/stages/" + first + "/delete"), "no Delete on a stage holding a deal");
        admin.post("/console/settings/pipelines/" + id + "/stages/" + first + "/delete", Map.of()).then()
                .statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("only empty stages can be deleted"));
        assertEquals(6, stageIds(id).size());
    }

    @Test
    void tunnelsAreAddedAndALoopIsRefusedWithItsReason() {
        String a = pipeline("Console tunnel A");
        String b = pipeline("Console tunnel B");
        String aWon = stageIds(a).get(4);
        String bFirst = stageIds(b).get(0);
        ConsoleSession admin = ConsoleSession.admin();
        admin.post("/console/settings/pipelines/" + a + "/tunnels",
                        Map.of("fromStageId", aWon, "toStageId", bFirst, "mode", "copy")).then().statusCode(200)
                .body(containsString("Tunnel added."));
        api().queryParam("pipelineId", a).get("/api/tunnels").then().body("", hasSize(1))
                .body("[0].toStageId", equalTo(bFirst)).body("[0].mode", equalTo("copy"));

        admin.post("/console/settings/pipelines/" + b + "/tunnels",
                        Map.of("fromStageId", bFirst, "toStageId", aWon, "mode", "move")).then().statusCode(200)
                .header("HX-Reswap", equalTo("none")).body(containsString("would close a loop"));
        api().queryParam("pipelineId", b).get("/api/tunnels").then().body("", hasSize(1));

        String tunnel = api().queryParam("pipelineId", a).get("/api/tunnels").then().extract().path("[0].id");
        admin.post("/console/settings/pipelines/" + a + "/tunnels/" + tunnel + "/delete", Map.of()).then()
                .statusCode(200).body(containsString("Tunnel deleted."));
        api().queryParam("pipelineId", a).get("/api/tunnels").then().body("", hasSize(0));
    }

    @Test
    void automationRulesTakeOnlyTheirActionsFields() {
        String id = pipeline("Console automation");
        String stage = stageIds(id).get(1);
        ConsoleSession admin = ConsoleSession.admin();
        admin.post("/console/settings/pipelines/" + id + "/automations", Map.of("stageId", stage, "action", "add-task",
                        "title", "Call <b>back</b>", "kind", "reminder", "due", "PT2H", "url", "https://ignored.example",
                        "delay", "PT1H")).then().statusCode(200)
                .body(containsString("Automation rule added.")).body(containsString("Call &lt;b&gt;back&lt;/b&gt;"))
                .body(not(containsString("Call <b>back</b>")));
        api().queryParam("stageId", stage).get("/api/automations").then().body("", hasSize(1))
                .body("[0].action", equalTo("add-task")).body("[0].params.title", equalTo("Call <b>back</b>"))
                .body("[0].params.due", equalTo("PT2H")).body("[0].params.url", equalTo(null))
                .body("[0].delaySeconds", equalTo(3600));

        admin.post("/console/settings/pipelines/" + id + "/automations", Map.of("stageId", stage, "action", "webhook"))
                .then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("params.url is required"));

        String rule = api().queryParam("stageId", stage).get("/api/automations").then().extract().path("[0].id");
        admin.post("/console/settings/pipelines/" + id + "/automations/" + rule + "/delete", Map.of()).then()
                .statusCode(200);
        api().queryParam("stageId", stage).get("/api/automations").then().body("", hasSize(0));
    }

    @Test
    void pipelinesAreCreatedRenamedAndDeleted() {
        ConsoleSession admin = ConsoleSession.admin();
        String name = "Console new " + Api.newMobileDigits();
        String location = admin.post("/console/settings/pipelines", Map.of("name", name)).then().statusCode(200)
                .extract().header("HX-Redirect");
        String id = location.substring(location.indexOf("pipeline=") + "pipeline=".length());
        api().get("/api/pipelines/" + id).then().body("name", equalTo(name)).body("stages", hasSize(7));
        admin.post("/console/settings/pipelines/" + id, Map.of("name", name + " <i>x</i>")).then().statusCode(200)
                .body(containsString("&lt;i&gt;x&lt;/i&gt;")).body(not(containsString("<i>x</i>")));
        admin.post("/console/settings/pipelines", Map.of("name", name + " <i>x</i>")).then().statusCode(200)
                .header("HX-Reswap", equalTo("none")).body(containsString("exists"));
        admin.post("/console/settings/pipelines/" + id + "/delete", Map.of()).then().statusCode(200)
                .header("HX-Redirect", equalTo("/console/settings"));
        api().get("/api/pipelines/" + id).then().statusCode(404);
        admin.get("/console/settings?pipeline=" + id).then().statusCode(404);
    }

    @Test
    void reasonsAndStatusesAreAddedAndShownAsText() {
        ConsoleSession admin = ConsoleSession.admin();
        String code = "console-" + Api.newMobileDigits();
        admin.post("/console/settings/lists/junk-reasons", Map.of("code", code, "name", "Spam <script>")).then()
                .statusCode(200).body(containsString("Spam &lt;script&gt;")).body(not(containsString("<script>")));
        admin.post("/console/settings/lists/loss-reasons", Map.of("code", code, "name", "Too dear")).then()
                .statusCode(200);
        admin.post("/console/settings/lists/lead-statuses", Map.of("code", code, "name", "Waiting", "semantics",
                "in-progress")).then().statusCode(200);
        api().get("/api/junk-reasons").then().body("code", hasItem(code));
        api().get("/api/loss-reasons").then().body("code", hasItem(code));
        api().get("/api/lead-statuses").then().body("code", hasItem(code));
        admin.post("/console/settings/lists/lead-statuses", Map.of("code", code + "-x", "name", "Odd", "semantics",
                "new")).then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("status semantics must be one of"));
        admin.post("/console/settings/lists/junk-reasons", Map.of("code", code, "name", "Again")).then()
                .statusCode(200).header("HX-Reswap", equalTo("none")).body(containsString("exists"));
        admin.get("/console/settings/lists").then().statusCode(200).body(containsString(code));
    }

    @Test
    void settingsPostsNeedTheCsrfToken() {
        String id = pipeline("Console csrf");
        ConsoleSession admin = ConsoleSession.admin();
        admin.request().contentType("application/x-www-form-urlencoded").formParam("name", "Forged")
                .post("/console/settings/pipelines/" + id).then().statusCode(403);
        api().get("/api/pipelines/" + id).then().body("name", not(equalTo("Forged")));
    }

    @Test
    void channelsShowEachProvidersSetUpStepsInBothLanguages() {
        ConsoleSession admin = ConsoleSession.admin();
        admin.get("/console/channels").then().statusCode(200)
                .body(containsString("How to connect"))
                .body(containsString("secret_token = the channel")).body(containsString("secret-token setting"))
                .body(containsString("POST /api/channels/tg/connect with settings.bot-token"));
        String ru = admin.request().cookie("leadgate-lang", "ru").get("/console/channels").then().statusCode(200)
                .extract().asString();
        assertTrue(ru.contains("Как подключить") && ru.contains("secret_token = настройка канала secret-token"), ru);
    }
}
