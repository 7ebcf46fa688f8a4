package io.leadgate.console;

import io.leadgate.console.pages.BoardPage;
import io.leadgate.console.pages.Browser;
import io.leadgate.console.pages.ContactPage;
import io.leadgate.console.pages.InboxPage;
import io.leadgate.console.pages.LoginPage;
import io.leadgate.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real headless Chromium: the journeys of a sales day. Saves screenshots of the inbox, the card and
 * the board (1280 and 390 px) to {@code target/screenshots/} ({@code docs/screenshots/} with -Dleadgate.screenshots).
 */
@QuarkusTest
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    DemoData demo;

    private String base() {
        return "http://127.0.0.1:" + gateway.getPort();
    }

    @Test
    void salesDayFromInboxToLostDeal() throws Exception {
        demo.fill(); // a realistic inbox and board around the journey (and for the screenshots)
        try (Browser browser = new Browser(base(), "en-US")) {
            InboxPage inbox = LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            inbox.markDocument();
            // the page tells the server the browser's time zone, in which times and periods are shown
            Object zone = browser.js("return Intl.DateTimeFormat().resolvedOptions().timeZone");
            assertEquals(zone, java.net.URLDecoder.decode(browser.driver().manage().getCookieNamed("leadgate-tz")
                    .getValue(), java.nio.charset.StandardCharsets.UTF_8));

            // a form posted to a hook shows up in the open inbox without a reload
            String digits = Api.newMobileDigits();
            String email = "browser." + digits + "@client.example";
            JsonPath lead = RestAssured.given().contentType(ContentType.JSON).header("Accept", "application/json")
                    .body(Map.of("name", "Vera Browser", "phone", "+7" + digits, "email", email,
                            "message", "Please call me about a new kitchen", "utm_campaign", "spring-sale"))
                    .post("/hooks/form").then().statusCode(200).extract().jsonPath();
            String leadId = lead.getString("leadId");
            inbox.waitForLead(leadId);
            assertTrue(inbox.sameDocument(), "the lead arrived without a reload");
            assertTrue(inbox.lineText(leadId).contains("Vera Browser"), inbox.lineText(leadId));
            assertTrue(inbox.lineText(leadId).contains("spring-sale"), "the campaign: " + inbox.lineText(leadId));

            // the same person writes an email: one card, two channels on one timeline
            RestAssured.given().contentType("message/rfc822").body(("From: Vera <" + email + ">\r\nTo: sales@example.com\r\n"
                    + "Subject: Kitchen measurements\r\nMessage-ID: <m" + digits + "@client.example>\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe wall is 3.2 m long.\r\n").getBytes())
                    .post("/hooks/mail").then().statusCode(200);
            browser.screenshots("inbox");
            ContactPage card = inbox.openContact(leadId);
            assertTrue(card.name().startsWith("Vera"), card.name());
            List<String> channels = card.inquiryChannels();
            assertTrue(channels.stream().anyMatch(c -> c.startsWith("mail")), channels.toString());
            assertTrue(channels.stream().anyMatch(c -> c.startsWith("form")), channels.toString());
            assertTrue(card.timelineText().contains("Kitchen measurements"), card.timelineText());
            card.addNote("Prefers a call after 6 pm");
            browser.screenshots("card");

            // accept the lead into the default pipeline's first stage
            JsonPath pipeline = api().get("/api/pipelines").then().extract().jsonPath();
            int def = pipeline.getList("default").indexOf(true);
            List<String> stageIds = pipeline.getList("[" + def + "].stages.id");
            List<String> semantics = pipeline.getList("[" + def + "].stages.semantics");
            inbox = card.inbox();
            inbox.accept(leadId, stageIds.get(0));
            String dealId = api().get("/api/leads/" + leadId).then().extract().path("dealId");

            // drag the deal to the next stage: the same move as the API
            BoardPage board = inbox.board();
            assertEquals(stageIds.get(0), board.stageOf(dealId));
            board.drag(dealId, stageIds.get(1));
            api().queryParam("contactId", lead.getString("contactId")).get("/api/deals").then()
                    .body("find { it.id == '" + dealId + "' }.stageId", org.hamcrest.Matchers.equalTo(stageIds.get(1)));

            assertEquals("Vera Browser — website", board.title(dealId), "the deal's default title on its card");

            // mark it lost with a reason, with the keyboard only
            String lost = stageIds.get(semantics.indexOf("lost"));
            List<String> stageNames = pipeline.getList("[" + def + "].stages.name");
            board.moveWithKeyboard(dealId, stageNames.get(semantics.indexOf("lost")), "price");
            board.waitForCardIn(dealId, lost);
            api().get("/api/deals/" + dealId).then().body("status", org.hamcrest.Matchers.equalTo("lost"))
                    .body("lossReason", org.hamcrest.Matchers.equalTo("price"));
            browser.open("/console/board");
            browser.screenshots("board");

            // a console POST without the CSRF token is refused
            Object status = browser.asyncJs("var done = arguments[arguments.length - 1];"
                    + "fetch('/console/leads/" + leadId + "/junk', {method: 'POST', headers: {'Content-Type': "
                    + "'application/x-www-form-urlencoded'}, body: 'reason=spam'}).then(r => done(r.status));");
            assertEquals(403L, status);

            // sign out
            InboxPage.open(browser).signOut();
            browser.open("/console/inbox");
            LoginPage.shown(browser);
        }
    }

    @Test
    void managerIsRefusedAdminPages() throws Exception {
        String manager = ConsoleSecurityTest.newUser("manager");
        try (Browser browser = new Browser(base(), "ru-RU")) {
            InboxPage inbox = LoginPage.open(browser).signIn(manager, "manager-pass-1");
            assertTrue(browser.driver().getPageSource().contains("Входящие"), "Russian from the browser's language");
            Object status = browser.asyncJs("var done = arguments[arguments.length - 1];"
                    + "fetch('/console/users').then(r => done(r.status));");
            assertEquals(403L, status);
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.cssSelector("nav a[href='/console/users']"))
                    .isEmpty(), "no link to admin pages");
            inbox.signOut();
        }
    }
}
