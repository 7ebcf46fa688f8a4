package io.leadgate.console;

import io.leadgate.console.pages.AnalyticsPage;
import io.leadgate.console.pages.Browser;
import io.leadgate.console.pages.ListsPage;
import io.leadgate.console.pages.LoginPage;
import io.leadgate.pipeline.SalesScenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reasons and statuses page and the analytics settings page in a real headless Chromium: a junk reason in use is
 * renamed, refused deletion with the count of its leads, then deleted by moving them to another; built-in statuses
 * offer no deletion. Saves screenshots of the analytics settings page, and the Russian ones of the analytics and
 * settings pages ({@code ru-…}).
 */
@QuarkusTest
class ConsoleListsBrowserTest {

    @TestHTTPResource("/")
    URL gateway;

    private String base() {
        return "http://127.0.0.1:" + gateway.getPort();
    }

    @Test
    void aJunkReasonInUseIsRenamedThenDeletedByMovingItsLeads() throws Exception {
        String salt = UUID.randomUUID().toString().substring(0, 8);
        String gone = "bot-" + salt;
        String kept = "robot-" + salt;
        for (String code : new String[]{gone, kept}) {
            api().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/junk-reasons").then()
                    .statusCode(201);
        }
        String leadId = given().contentType(ContentType.JSON).body(Map.of("name", "Bot", "phone",
                        "+7" + io.leadgate.testing.Api.newMobileDigits(), "message", "buy " + salt))
                .post("/hooks/form").then().statusCode(200).extract().path("leadId");
        api().contentType(ContentType.JSON).body(Map.of("reason", gone)).post("/api/leads/" + leadId + "/junk").then()
                .statusCode(200);

        try (Browser browser = new Browser(base(), "en-US")) {
            LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            ListsPage page = ListsPage.open(browser);
            assertTrue(page.codes(ListsPage.JUNK).contains(gone));
            assertFalse(page.deletable(ListsPage.STATUSES, "new"), "a built-in status offers no deletion");

            assertEquals("Renamed.", page.rename(ListsPage.JUNK, gone, "Bots and scripts"));
            api().get("/api/junk-reasons").then().body("find { it.code == '" + gone + "' }.name",
                    equalTo("Bots and scripts"));
            browser.waiting().until(d -> "Bots and scripts".equals(page.name(ListsPage.JUNK, gone)));

            String refused = page.delete(ListsPage.JUNK, gone, null);
            assertTrue(page.flashIsError(), refused);
            assertEquals("Junk reason " + gone + " is given to leads (1); choose another reason to move them to.",
                    refused);
            assertTrue(page.codes(ListsPage.JUNK).contains(gone));

            assertEquals("Deleted.", page.delete(ListsPage.JUNK, gone, kept));
            browser.waiting().until(d -> !page.codes(ListsPage.JUNK).contains(gone));
            api().get("/api/leads/" + leadId).then().body("junkReason", equalTo(kept));
            browser.js("document.getElementById('lead-statuses').scrollIntoView()");

            browser.open("/console/settings/analytics");
            browser.waiting().until(d -> !d.findElements(By.id("time-zone-now")).isEmpty());
            browser.screenshots("settings-analytics");
        }
    }

    @Test
    void russianScreenshotsOfTheAnalyticsAndSettingsPages() throws Exception {
        String[] sales = SalesScenario.run();
        try (Browser browser = new Browser(base(), "ru-RU")) {
            LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            AnalyticsPage funnel = AnalyticsPage.funnel(browser, sales[0]);
            assertEquals("40 %", funnel.text("funnel-conversion").replace('\u00a0', ' '), "a Russian percent");
            assertEquals("ru", browser.js("return document.documentElement.lang"));
            browser.screenshots("ru-analytics-funnel");
            AnalyticsPage.leads(browser);
            browser.screenshots("ru-analytics-leads");
            ListsPage.open(browser);
            assertTrue(browser.driver().findElement(By.id("lead-statuses")).getText()
                    .contains("Встроенный: можно переименовать, нельзя удалить"));
            browser.screenshots("ru-settings-lists");
            browser.open("/console/settings/analytics");
            browser.waiting().until(d -> d.findElement(By.id("analytics-settings")).getText()
                    .contains("Часовой пояс аналитики"));
            browser.screenshots("ru-settings-analytics");
        }
    }
}
