package io.leadgate.console;

import io.leadgate.console.pages.Browser;
import io.leadgate.console.pages.ChannelsPage;
import io.leadgate.console.pages.LoginPage;
import io.leadgate.console.pages.SettingsPage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings page in a real headless Chromium: a stage renamed, then dragged to another place, both kept by the
 * pipeline service; a tunnel that would close a loop refused with its reason. Saves screenshots of the settings, the
 * reasons and statuses, and the channels page's set-up steps (1280 and 390 px).
 */
@QuarkusTest
class ConsoleSettingsBrowserTest {

    @TestHTTPResource("/")
    URL gateway;

    private String base() {
        return "http://127.0.0.1:" + gateway.getPort();
    }

    @Test
    void stageRenamedAndReorderedByDragging() throws Exception {
        String id = ConsoleSettingsPagesTest.pipeline("Browser settings");
        String other = ConsoleSettingsPagesTest.pipeline("Browser partner");
        List<String> stages = ConsoleSettingsPagesTest.stageIds(id);
        try (Browser browser = new Browser(base(), "en-US")) {
            LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            SettingsPage page = SettingsPage.open(browser, id);
            assertEquals(stages, page.stageOrder());
            assertTrue(browser.driver().findElement(By.id("stage-advice")).getText().contains("6–14 stages"));

            assertTrue(page.rename(stages.get(2), "Proposal sent").contains("Stage saved"));
            api().get("/api/pipelines/" + id).then().body("stages[2].name", equalTo("Proposal sent"));
            browser.waiting().until(d -> "Proposal sent".equals(page.stageName(stages.get(2))));

            List<String> expected = new ArrayList<>(stages); // the third stage dragged onto the first's place
            expected.add(0, expected.remove(2));
            page.drag(stages.get(2), stages.get(0), expected);
            assertEquals(expected, ConsoleSettingsPagesTest.stageIds(id));
            api().get("/api/pipelines/" + id).then().body("stages[0].name", equalTo("Proposal sent"));

            String otherFirst = ConsoleSettingsPagesTest.stageIds(other).get(0);
            api().contentType("application/json").body(java.util.Map.of("fromPipelineId", other, "fromStageId",
                    otherFirst, "toPipelineId", id, "toStageId", stages.get(1), "mode", "copy")).post("/api/tunnels")
                    .then().statusCode(201);
            String flash = page.addTunnel(stages.get(1), otherFirst, "copy");
            assertTrue(page.flashIsError() && flash.contains("would close a loop"), flash);
            browser.js("window.scrollTo(0, 0)");
            browser.screenshots("settings");

            browser.open("/console/settings/lists");
            browser.waiting().until(d -> !d.findElements(By.id("lead-statuses")).isEmpty());
            browser.screenshots("settings-lists");

            ChannelsPage.open(browser);
            browser.driver().findElement(By.cssSelector("#channel-tg details.setup > summary")).click();
            String steps = browser.driver().findElement(By.cssSelector("#channel-tg .steps")).getText();
            assertTrue(steps.contains("/api/channels/tg/connect") && steps.contains("setWebhook") && steps.contains("secret-token"), steps);
            browser.js("document.getElementById('channel-tg').scrollIntoView()");
            browser.screenshots("channels-setup");
        }
    }
}
