package io.leadgate.api;

import io.leadgate.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The website snippet in a real headless Chromium (Debian {@code chromium} + {@code chromium-driver}, installed by
 * {@code bin/test}) against the running gateway: a visit from an ad, a second visit from a newsletter, a form
 * posted cross-origin without a reload, and the stored lead carrying both touches. Fails, never skips, when the
 * browser is missing.
 */
@QuarkusTest
class SnippetBrowserTest {

    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final List<File> BROWSERS = List.of(new File("/usr/lib/chromium/chromium"), new File("/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL gateway;

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void startChromium() throws IOException {
        if (!DRIVER.canExecute()) {
            fail("/usr/bin/chromedriver is missing: apt-get install -y chromium chromium-driver (bin/test installs it)");
        }
        File binary = BROWSERS.stream().filter(File::canExecute).findFirst().orElseThrow(() -> new AssertionError(
                "Chromium is missing: apt-get install -y chromium chromium-driver (bin/test installs it)"));
        profile = Files.createTempDirectory("leadgate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        try {
            browser = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            throw new AssertionError("Chromium could not be started by /usr/bin/chromedriver: " + e.getMessage(), e);
        }
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void formPostedByTheSnippetStoresFirstAndLastTouchOnTheLead() {
        String site = "http://127.0.0.1:" + gateway.getPort();
        browser.get(site + "/snippet-test/landing?utm_source=first&utm_medium=cpc&utm_campaign=spring&gclid=GCLID-first");
        browser.findElement(By.id("next")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.urlContains("/snippet-test/form"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!window.Leadgate")));
        ((JavascriptExecutor) browser).executeScript("window.samePage = 'still here'");

        String phone = "+7" + Api.newMobileDigits();
        browser.findElement(By.name("name")).sendKeys("Browser Visitor");
        browser.findElement(By.name("phone")).sendKeys(phone);
        browser.findElement(By.name("message")).sendKeys("Please call me back");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        By form = By.cssSelector("form[data-leadgate]");
        wait.until(d -> List.of("success", "error").contains(d.findElement(form).getAttribute("data-leadgate-state")));
        String message = browser.findElement(By.cssSelector("[data-leadgate-message]")).getText();
        assertEquals("success", browser.findElement(form).getAttribute("data-leadgate-state"), message);
        assertTrue(browser.findElement(form).getAttribute("class").contains("leadgate-success"));
        assertEquals("still here", ((JavascriptExecutor) browser).executeScript("return window.samePage"),
                "the page was not reloaded");
        assertTrue(message.startsWith("Thank you"), message);
        assertEquals("", browser.findElement(By.name("phone")).getAttribute("value"), "the form is reset");

        List<String> leadIds = api().queryParam("phone", phone).get("/api/contacts").then().statusCode(200)
                .extract().path("[0].leadIds");
        assertEquals(1, leadIds.size());
        JsonPath lead = api().get("/api/leads/" + leadIds.get(0)).then().statusCode(200).extract().jsonPath();
        assertEquals("snippet", lead.getString("channelId"));
        assertEquals("first", lead.getString("attribution.firstTouch.utm_source"));
        assertEquals("cpc", lead.getString("attribution.firstTouch.utm_medium"));
        assertEquals("spring", lead.getString("attribution.firstTouch.utm_campaign"));
        assertEquals("GCLID-first", lead.getString("attribution.firstTouch.clickIds.gclid"));
        assertTrue(lead.getString("attribution.firstTouch.landingPage").contains("/snippet-test/landing?utm_source=first"));
        assertEquals("second", lead.getString("attribution.lastTouch.utm_source"));
        assertEquals("email", lead.getString("attribution.lastTouch.utm_medium"));
        assertEquals("newsletter", lead.getString("attribution.lastTouch.utm_campaign"));
        assertNull(lead.getString("attribution.lastTouch.clickIds.gclid"), "the second visit came without a click id");
        assertTrue(lead.getString("attribution.lastTouch.landingPage").contains("/snippet-test/form?utm_source=second"));
        assertEquals("second", lead.getString("attribution.utm_source"), "the lead's own campaign is the last touch");
        api().queryParam("channelId", "snippet").queryParam("contactId", lead.getString("contactId"))
                .get("/api/inquiries").then().statusCode(200)
                .extract().jsonPath().getList("extra").forEach(extra ->
                        assertTrue(!extra.toString().contains("lg_"), "snippet fields are no extra data: " + extra));
    }
}
