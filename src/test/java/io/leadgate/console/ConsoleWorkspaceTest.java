package io.leadgate.console;

import io.leadgate.delivery.OutboxEvent;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #23 point by point over HTTP: what an inbox line shows, every filter, the lead actions and who they are
 * recorded for, the card's timeline (calls, attachments, status changes, deal moves, merges and undo, edits), the
 * board's cards and a move that fires a tunnel, users managed from the console, the language and time zone.
 */
@QuarkusTest
class ConsoleWorkspaceTest {

    private static final String PASSWORD = "manager-pass-1";

    @Test
    void inboxLineShowsChannelContactMessageCampaignAndBadges() {
        String d = Api.newMobileDigits();
        String email = "line." + d + "@client.example";
        JsonPath first = form(Map.of("name", "Lina Line", "phone", "+7" + d, "email", email,
                "message", "Need a quote for windows", "campaign", "autumn-" + d));
        ConsoleSession admin = ConsoleSession.admin();
        String line = line(admin.get("/console/inbox?q=" + email).asString(), first.getString("leadId"));
        for (String shown : List.of("form · webform", "Lina Line", "+7" + d, email, "Need a quote for windows",
                "website", "autumn-" + d, "datetime=\"")) {
            assertTrue(line.contains(shown), shown + " in " + line);
        }
        assertFalse(line.contains("badge-returning"), "a first inquiry is no returning client");

        // closed, then the same client writes again: a new lead with the returning-client badge
        admin.post("/console/leads/" + first.getString("leadId") + "/junk", Map.of("reason", "spam")).then()
                .statusCode(200);
        JsonPath again = form(Map.of("name", "Lina Line", "phone", "8 " + d, "message", "Me again"));
        assertEquals(first.getString("contactId"), again.getString("contactId"));
        String second = line(admin.get("/console/inbox?q=" + email).asString(), again.getString("leadId"));
        assertTrue(second.contains("badge-returning") && second.contains("Returning client"), second);

        // a missed call: the call-back badge on the line, the call on the card with its direction and "missed"
        String mobile = "49151" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String callId = "sg-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sipgate("event=newCall&direction=in&to=4930600000000&from=" + mobile + "&callId=" + callId);
        sipgate("event=hangup&direction=in&callId=" + callId + "&cause=noAnswer&to=4930600000000&from=" + mobile);
        JsonPath contact = api().queryParam("phone", "+" + mobile).get("/api/contacts").then().extract().jsonPath();
        String callLead = contact.getString("[0].leadIds[0]");
        String called = line(admin.request().queryParam("q", "+" + mobile).get("/console/inbox").asString(), callLead);
        assertTrue(called.contains("sipgate · sipgate"), called);
        assertTrue(called.contains("badge-callback") && called.contains("Call back"), called);
        String card = admin.get("/console/contacts/" + contact.getString("[0].id")).then().statusCode(200).extract()
                .asString();
        assertTrue(card.contains("class=\"call\">Incoming") || card.contains("class=\"call\">In"), card);
        assertTrue(card.contains("badge-callback"), "the call is marked missed");
    }

    @Test
    void inboxFiltersByChannelSourceStatusAndManager() {
        String source = "flt-" + UUID.randomUUID().toString().substring(0, 8);
        String manual = manualLead("Filter Manual", source, null);
        String viaForm = manualLead("Filter Form", source, "form");
        String manager = ConsoleSecurityTest.newUser("manager");
        ConsoleSession admin = ConsoleSession.admin();
        assertEquals(List.of(viaForm, manual), ids(admin.get("/console/inbox?source=" + source).asString()));
        assertEquals(List.of(viaForm), ids(admin.get("/console/inbox?source=" + source + "&channel=form").asString()));
        assertEquals(List.of(manual), ids(admin.get("/console/inbox?source=" + source + "&channel=manual").asString()));

        admin.post("/console/leads/" + manual + "/junk", Map.of("reason", "spam")).then().statusCode(200)
                .body(containsString("id=\"lead-" + manual + "\"")).body(containsString("junk"));
        assertEquals(List.of(manual), ids(admin.get("/console/inbox?source=" + source + "&status=junk").asString()));
        assertEquals(List.of(viaForm), ids(admin.get("/console/inbox?source=" + source + "&status=new").asString()));

        admin.post("/console/leads/" + viaForm + "/assign", Map.of("manager", manager)).then().statusCode(200)
                .body(containsString(manager));
        api().get("/api/leads/" + viaForm).then().body("responsible", equalTo(manager));
        assertEquals(List.of(viaForm), ids(admin.get("/console/inbox?source=" + source + "&manager=" + manager).asString()));
        assertEquals(List.of(), ids(admin.get("/console/inbox?source=" + source + "&manager=nobody-" + source).asString()));
    }

    /**
     * The period is days in the user's time zone (the browser's, in the {@code leadgate-tz} cookie): Kiritimati
     * (UTC+14) and Pago Pago (UTC-11) never share a date, so one day filter finds the lead in one zone only.
     */
    @Test
    void periodIsDaysInTheUsersTimeZoneAndTimesAreShownThere() {
        String source = "tz-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = manualLead("Zone Client", source, null);
        Instant created = Instant.parse(api().get("/api/leads/" + lead).then().extract().path("createdAt"));
        ZoneId east = ZoneId.of("Pacific/Kiritimati");
        ZoneId west = ZoneId.of("Pacific/Pago_Pago");
        String day = LocalDate.ofInstant(created, east).toString();
        ConsoleSession admin = ConsoleSession.admin();
        String query = "/console/inbox?source=" + source + "&from=" + day + "&to=" + day;
        String inEast = admin.request().cookie("leadgate-tz", east.getId()).get(query).asString();
        assertEquals(List.of(lead), ids(inEast));
        assertTrue(line(inEast, lead).contains(east.getId()), "the time's title names the zone");
        assertEquals(List.of(), ids(admin.request().cookie("leadgate-tz", west.getId()).get(query).asString()));
        String yesterdayThere = LocalDate.ofInstant(created, west).toString();
        assertEquals(List.of(lead), ids(admin.request().cookie("leadgate-tz", west.getId())
                .get("/console/inbox?source=" + source + "&from=" + yesterdayThere + "&to=" + yesterdayThere).asString()));
        // a made-up zone falls back to UTC instead of failing the page
        admin.request().cookie("leadgate-tz", "Mars/Olympus").get("/console/inbox?source=" + source).then()
                .statusCode(200).body(containsString("id=\"lead-" + lead + "\""));
    }

    @Test
    void languageFollowsTheBrowserAndTheSwitchKeepsIt() {
        ConsoleSession admin = ConsoleSession.admin();
        admin.request().header("Accept-Language", "ru-RU,ru;q=0.9").get("/console/inbox").then()
                .body(containsString("<html lang=\"ru\">")).body(containsString("Входящие"));
        Response toRu = admin.request().get("/console/lang?to=ru&back=/console/board");
        assertEquals(303, toRu.statusCode());
        assertTrue(toRu.header("Location").endsWith("/console/board"), toRu.header("Location"));
        assertEquals("ru", toRu.cookie(Languages.COOKIE));
        admin.request().cookie(Languages.COOKIE, "ru").header("Accept-Language", "en-US").get("/console/board").then()
                .body(containsString("<html lang=\"ru\">"));
        admin.request().cookie(Languages.COOKIE, "en").header("Accept-Language", "ru-RU").get("/console/inbox").then()
                .body(containsString("<html lang=\"en\">")).body(containsString(">Inbox<"));
        // the way back stays inside the console
        assertTrue(admin.request().get("/console/lang?to=en&back=https://evil.example/").header("Location")
                .endsWith("/console/inbox"));
    }

    /** Accept, junk, assign, move, note and edit from the console are recorded for the signed-in user. */
    @Test
    void consoleActionsRecordTheSignedInUser() {
        String manager = ConsoleSecurityTest.newUser("manager");
        ConsoleSession s = ConsoleSession.signIn(manager, PASSWORD);
        String toAccept = manualLead("Actor Accept", null, null);
        String toJunk = manualLead("Actor Junk", null, null);
        String stage = defaultStages().get(0);
        s.post("/console/leads/" + toAccept + "/convert", Map.of("stageId", stage)).then().statusCode(200)
                .body(containsString("converted"));
        s.post("/console/leads/" + toJunk + "/junk", Map.of("reason", "spam")).then().statusCode(200);
        s.post("/console/leads/" + toJunk + "/assign", Map.of("manager", manager)).then().statusCode(200);
        List<String> actors = actors(toAccept, toJunk);
        assertTrue(actors.size() >= 3 && actors.stream().allMatch(manager::equals), actors.toString());

        String contactId = api().get("/api/leads/" + toJunk).then().extract().path("contactId");
        s.post("/console/contacts/" + contactId, Map.of("name", "Actor Renamed", "company", "")).then().statusCode(200)
                .body(containsString("Actor Renamed"))
                .body(containsString("hx-swap-oob=\"true\"")).body(containsString("Name changed"));
        String card = s.get("/console/contacts/" + contactId).asString();
        String edit = entry(card, "event-edit");
        assertTrue(edit.contains("Name changed") && edit.contains(manager), edit);
        String status = entry(card, "event-status");
        assertTrue(status.contains("new → junk") && status.contains(manager) && status.contains("spam"), status);
        // the same record through the API, with its X-Actor; an unchanged value records nothing
        api().header("X-Actor", "crm-sync").contentType(ContentType.JSON).body(Map.of("company", "Acme"))
                .patch("/api/contacts/" + contactId).then().statusCode(200);
        api().contentType(ContentType.JSON).body(Map.of("company", "Acme")).patch("/api/contacts/" + contactId).then()
                .statusCode(200);
        api().get("/api/contacts/" + contactId + "/export").then().statusCode(200)
                .body("contact.edits.actor", equalTo(List.of(manager, "crm-sync")))
                .body("contact.edits.fields", equalTo(List.of("name", "company")));
    }

    /** Inquiries with text and downloadable attachments, deal moves, merges and their undo on one timeline. */
    @Test
    void cardTimelineHoldsAttachmentsDealMovesAndMergesWithUndo() {
        String d = Api.newMobileDigits();
        String email = "timeline." + d + "@client.example";
        String messageId = "tl-" + d + "@client.example";
        JsonPath mail = RestAssured.given().contentType("message/rfc822").body(mail(email, messageId, "Floor plan",
                "plan.pdf")).post("/hooks/mail-store").then().statusCode(200).extract().jsonPath();
        String contactId = mail.getString("contactId");
        String other = form(Map.of("name", "Timeline Twin", "phone", "+7" + d)).getString("contactId");
        String leadId = mail.getString("leadId");
        String dealId = api().contentType(ContentType.JSON).body("{}").post("/api/leads/" + leadId + "/convert").then()
                .statusCode(200).extract().path("dealId");
        List<String> stages = defaultStages();
        ConsoleSession admin = ConsoleSession.admin();
        admin.post("/console/deals/" + dealId + "/move", Map.of("stageId", stages.get(1))).then().statusCode(200)
                .body(not(containsString("flash-error")));
        String mergeId = api().contentType(ContentType.JSON).body(Map.of("sourceId", other))
                .post("/api/contacts/" + contactId + "/merge").then().statusCode(200).extract().path("id");
        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);

        String card = admin.get("/console/contacts/" + contactId).then().statusCode(200).extract().asString();
        String inquiry = entry(card, "event-inquiry");
        assertTrue(inquiry.contains("Floor plan") && inquiry.contains("The wall is 3.2 m long."), inquiry);
        Matcher link = Pattern.compile("href=\"(/console/inquiries/\\d+/attachments/0)\" download>plan.pdf<")
                .matcher(inquiry);
        assertTrue(link.find(), inquiry);
        Response file = admin.get(link.group(1));
        assertEquals(200, file.statusCode());
        assertTrue(file.contentType().startsWith("application/octet-stream"), file.contentType());
        assertTrue(file.header("Content-Disposition").startsWith("attachment;"), file.header("Content-Disposition"));
        assertEquals("%PDF-1.4 floor plan", new String(file.asByteArray(), StandardCharsets.US_ASCII));
        String move = entry(card, "event-deal");
        assertTrue(move.contains("#" + dealId + ":") && move.contains("→") && move.contains("admin"), move);
        assertTrue(entry(card, "event-merge").contains("#" + other + " → #" + contactId));
        assertTrue(entry(card, "event-unmerge").contains("#" + other + " → #" + contactId));
        assertTrue(card.contains(email), "the email identity");
    }

    /** Hostile values through a real mail hook (subject, file name) are text on the card and in the inbox. */
    @Test
    void hostileSubjectAndFileNameAreShownAsText() {
        String d = Api.newMobileDigits();
        String subject = "<b onmouseover=alert(1)>Bold</b>";
        String file = "<img src=x onerror=alert(2)>.pdf";
        JsonPath mail = RestAssured.given().contentType("message/rfc822")
                .body(mail("hostile." + d + "@client.example", "h-" + d + "@client.example", subject, file))
                .post("/hooks/mail-store").then().statusCode(200).extract().jsonPath();
        ConsoleSession admin = ConsoleSession.admin();
        for (String page : List.of("/console/contacts/" + mail.getString("contactId"),
                "/console/inbox?q=hostile." + d + "@client.example")) {
            String html = admin.get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'")).extract().asString();
            assertFalse(html.contains("<b onmouseover"), page);
            assertFalse(html.contains("<img src=x"), page);
            assertTrue(html.contains("&lt;b onmouseover=alert(1)&gt;Bold&lt;/b&gt;"), page + " escapes the subject");
        }
        assertTrue(admin.get("/console/contacts/" + mail.getString("contactId")).asString()
                .contains("&lt;img src=x onerror=alert(2)&gt;.pdf"), "the file name is text");
    }

    /**
     * A card shows the deal's title, the contact, amount, manager and days in stage under a column in the stage's
     * colour with count and sum; a move from the board fires the pipeline's tunnel as the API's does; "my deals".
     */
    @Test
    void boardCardsAndAMoveThatFiresATunnel() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath sales = pipeline("Board Sales " + tag, "New", "Proposal", "Won:won", "Lost:lost");
        JsonPath service = pipeline("Board Service " + tag, "Start", "Done:won", "Gone:lost");
        api().contentType(ContentType.JSON).body(Map.of("fromPipelineId", sales.getString("id"),
                "fromStageId", stage(sales, "Proposal"), "toPipelineId", service.getString("id"),
                "toStageId", stage(service, "Start"), "mode", "copy")).post("/api/tunnels").then().statusCode(201);
        String manager = ConsoleSecurityTest.newUser("manager");
        String mine = deal(manualLead("Board Client " + tag, null, null), sales.getString("id"));
        String theirs = deal(manualLead("Other Client " + tag, null, null), sales.getString("id"));
        api().contentType(ContentType.JSON).body(Map.of("title", "Kitchen " + tag, "amount", 15000,
                "responsible", manager)).patch("/api/deals/" + mine).then().statusCode(200);

        ConsoleSession s = ConsoleSession.signIn(manager, PASSWORD);
        String board = s.get("/console/board?pipeline=" + sales.getString("id")).then().statusCode(200).extract()
                .asString();
        String card = card(board, mine);
        for (String shown : List.of("Kitchen " + tag, "Board Client " + tag, "15,000", manager, "0 d in stage")) {
            assertTrue(card.contains(shown), shown + " in " + card);
        }
        assertTrue(card(board, theirs).contains("Other Client " + tag), "a deal without a title shows the default");
        assertTrue(board.contains("data-color=\"#336699\""), "the column in the stage's colour");
        Matcher newColumn = Pattern.compile("id=\"stage-" + stage(sales, "New") + "\">New</h2>\\s*"
                + "<span class=\"count\"[^>]*>2</span>\\s*<span class=\"sum\">15,000").matcher(board);
        assertTrue(newColumn.find(), "count and sum of the New column");

        String mineOnly = s.get("/console/board?pipeline=" + sales.getString("id") + "&mine=true").asString();
        assertTrue(mineOnly.contains("data-deal=\"" + mine + "\""));
        assertFalse(mineOnly.contains("data-deal=\"" + theirs + "\""), "my deals only");

        s.post("/console/deals/" + mine + "/move", Map.of("stageId", stage(sales, "Proposal"),
                "pipeline", sales.getString("id"))).then().statusCode(200).body(not(containsString("flash-error")));
        api().queryParam("sourceDealId", mine).queryParam("pipelineId", service.getString("id")).get("/api/deals")
                .then().body("", hasSize(1)).body("[0].stageId", equalTo(stage(service, "Start")));
        // lost needs a reason from the list: refused with the service's reason, then done with one
        s.post("/console/deals/" + mine + "/move", Map.of("stageId", stage(sales, "Lost"),
                "pipeline", sales.getString("id"))).then().statusCode(200).body(containsString("flash-error"))
                .body(containsString("needs a loss reason"));
        api().get("/api/deals/" + mine).then().body("stageId", equalTo(stage(sales, "Proposal")));
        s.post("/console/deals/" + mine + "/move", Map.of("stageId", stage(sales, "Lost"), "lossReason", "price",
                "pipeline", sales.getString("id"))).then().statusCode(200).body(not(containsString("flash-error")));
        api().get("/api/deals/" + mine).then().body("status", equalTo("lost")).body("lossReason", equalTo("price"));
    }

    @Test
    void adminsCreateDeactivateAndResetUsersInTheConsole() {
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession admin = ConsoleSession.admin();
        admin.post("/console/users", Map.of("username", name, "displayName", "Clara " + name, "role", "manager",
                "password", "short")).then().statusCode(200).header("HX-Reswap", equalTo("none"))
                .body(containsString("password must be 8 to 72 characters"));
        admin.post("/console/users", Map.of("username", name, "displayName", "Clara " + name, "role", "manager",
                "password", "clara-pass-1")).then().statusCode(200).body(containsString("Clara " + name));
        ConsoleSession clara = ConsoleSession.signIn(name, "clara-pass-1");
        clara.get("/console/inbox").then().statusCode(200);
        clara.get("/console/users").then().statusCode(403);

        admin.post("/console/users/" + name + "/active", Map.of("active", "false")).then().statusCode(200);
        api().get("/api/users").then().body("find { it.username == '" + name + "' }.active", equalTo(false));
        clara.get("/console/inbox").then().statusCode(403);
        admin.post("/console/users/" + name + "/active", Map.of("active", "true")).then().statusCode(200);
        admin.post("/console/users/" + name + "/password", Map.of("password", "clara-pass-2")).then().statusCode(200);
        assertTrue(ConsoleSession.attempt(name, "clara-pass-1").header("Location").contains("error"));
        ConsoleSession.signIn(name, "clara-pass-2").get("/console/inbox").then().statusCode(200);
        admin.post("/console/users/admin/active", Map.of("active", "false")).then().statusCode(200)
                .header("HX-Reswap", equalTo("none"))
                .body(containsString("The last active admin cannot be deactivated."));
    }

    @Test
    void userChangesInTheConsoleRecordTheSignedInAdmin() {
        String boss = "b" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body(Map.of("username", boss, "role", "admin", "password", "boss-pass-1"))
                .post("/api/users").then().statusCode(201).body("updatedBy", nullValue());
        ConsoleSession admin = ConsoleSession.signIn(boss, "boss-pass-1");
        String name = "d" + UUID.randomUUID().toString().substring(0, 8);
        String who = "find { it.username == '" + name + "' }.updatedBy";
        admin.post("/console/users", Map.of("username", name, "role", "manager", "password", "dora-pass-1")).then()
                .statusCode(200);
        api().get("/api/users").then().body(who, equalTo(boss));
        api().post("/api/users/" + name + "/deactivate").then().statusCode(200).body("updatedBy", nullValue());
        admin.post("/console/users/" + name + "/active", Map.of("active", "true")).then().statusCode(200);
        api().get("/api/users").then().body(who, equalTo(boss)).body("find { it.username == '" + name + "' }.active",
                equalTo(true));
        api().contentType(ContentType.JSON).body("{\"password\":\"dora-pass-2\"}").post("/api/users/" + name + "/password")
                .then().statusCode(200).body("updatedBy", nullValue());
        admin.post("/console/users/" + name + "/password", Map.of("password", "dora-pass-3")).then().statusCode(200);
        api().get("/api/users").then().body(who, equalTo(boss));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static JsonPath form(Map<String, String> body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Accept", "application/json").body(body)
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
    }

    private static void sipgate(String body) {
        RestAssured.given().contentType("application/x-www-form-urlencoded").body(body)
                .post("/hooks/sipgate/sg-token-1").then().statusCode(200);
    }

    /** A lead by hand with a fresh phone; the lead id. */
    private static String manualLead(String name, String source, String channelId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phones", List.of("+7" + Api.newMobileDigits()),
                "text", "hello"));
        if (source != null) {
            body.put("source", source);
        }
        if (channelId != null) {
            body.put("channelId", channelId);
        }
        return api().contentType(ContentType.JSON).body(body).post("/api/leads").then().statusCode(201).extract()
                .path("id");
    }

    private static String deal(String leadId, String pipelineId) {
        return api().contentType(ContentType.JSON).body(Map.of("pipelineId", pipelineId))
                .post("/api/leads/" + leadId + "/convert").then().statusCode(200).extract().path("dealId");
    }

    private static JsonPath pipeline(String name, String... stages) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String s : stages) {
            String[] parts = s.split(":");
            list.add(Map.of("name", parts[0], "color", "#336699", "semantics", parts.length > 1 ? parts[1] : "in-progress"));
        }
        return api().contentType(ContentType.JSON).body(Map.of("name", name, "stages", list)).post("/api/pipelines")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String stage(JsonPath pipeline, String name) {
        return pipeline.getString("stages.find { it.name == '" + name + "' }.id");
    }

    private static List<String> defaultStages() {
        JsonPath all = api().get("/api/pipelines").then().extract().jsonPath();
        return all.getList("[" + all.getList("default").indexOf(true) + "].stages.id");
    }

    /** The actors named by the lead-updated events of these leads (changes made by no one, such as routing, left out). */
    private static List<String> actors(String... leadIds) {
        List<Long> ids = java.util.Arrays.stream(leadIds).map(Long::valueOf).toList();
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                        "type = ?1 and leadId in ?2 order by id", EventTypes.LEAD_UPDATED, ids).stream()
                .map(e -> JsonPath.from(e.payload).getString("data.actor")).filter(java.util.Objects::nonNull).toList());
    }

    /** A mail with a subject, a text and one small PDF under the given file name. */
    private static byte[] mail(String from, String messageId, String subject, String fileName) {
        String encodedSubject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=";
        return ("From: Client <" + from + ">\r\nTo: sales@example.com\r\nSubject: " + encodedSubject
                + "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe wall is 3.2 m long.\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"" + fileName
                + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("%PDF-1.4 floor plan".getBytes(StandardCharsets.US_ASCII))
                + "\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern ROW = Pattern.compile("<li class=\"lead[^\"]*\" id=\"lead-(\\d+)\"");

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** One inbox line's markup. */
    private static String line(String html, String leadId) {
        int start = html.indexOf("id=\"lead-" + leadId + "\"");
        assertTrue(start >= 0, "lead " + leadId + " is listed");
        return html.substring(start, html.indexOf("</li>", html.indexOf("lead-actions", start)));
    }

    /** One deal card's markup on the board. */
    private static String card(String html, String dealId) {
        int start = html.indexOf("data-deal=\"" + dealId + "\"");
        assertTrue(start >= 0, "deal " + dealId + " is on the board");
        return html.substring(start, html.indexOf("</li>", start));
    }

    /** The first (newest) timeline entry of a kind. */
    private static String entry(String html, String kind) {
        int start = html.indexOf("class=\"event " + kind + "\"");
        assertTrue(start >= 0, kind + " on the timeline");
        return html.substring(start, html.indexOf("</li>", start));
    }
}
