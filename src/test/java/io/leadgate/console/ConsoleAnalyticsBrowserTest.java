package io.leadgate.console;

import io.leadgate.console.pages.AnalyticsPage;
import io.leadgate.console.pages.Browser;
import io.leadgate.console.pages.LoginPage;
import io.leadgate.pipeline.SalesScenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics pages in a real headless Chromium: the funnel of a scripted scenario shows its known numbers in the
 * table and in the ECharts chart, groups come in by htmx, the CSV link downloads the same numbers. Saves screenshots
 * ({@code analytics-funnel}, {@code analytics-leads}) like {@link ConsoleBrowserTest}.
 */
@QuarkusTest
class ConsoleAnalyticsBrowserTest {

    @TestHTTPResource("/")
    URL gateway;

    private String base() {
        return "http://127.0.0.1:" + gateway.getPort();
    }

    @Test
    void funnelOfTheScriptedScenarioShowsItsNumbers() throws Exception {
        String[] sales = SalesScenario.run();
        try (Browser browser = new Browser(base(), "en-US")) {
            LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            AnalyticsPage page = AnalyticsPage.funnel(browser, sales[0]);

            List<List<String>> rows = page.stageRows();
            assertEquals(List.of("New", "Qualified", "Proposal", "Negotiation", "Contract", "Won", "Lost"),
                    rows.stream().map(r -> r.get(0)).toList());
            assertEquals(SalesScenario.COUNTS.stream().map(String::valueOf).toList(),
                    rows.stream().map(r -> r.get(1)).toList());
            assertEquals(List.of("100%", "80%", "60%", "40%", "40%", "40%", "40%"),
                    rows.stream().map(r -> r.get(2)).toList());
            assertEquals(List.of("100%", "80%", "75%", "66.7%", "100%", "100%", ""),
                    rows.stream().map(r -> r.get(3)).toList());
            assertEquals(List.of("0", "0", "0", "0", "0", "0", "0"), rows.stream().map(r -> r.get(5)).toList(),
                    "the previous 30 days had none of these deals");
            assertEquals("40%", page.text("funnel-conversion"));
            assertEquals(SalesScenario.COUNTS, page.chartCounts("funnel-chart"), "the chart draws the same counts");
            assertEquals(List.of("New", "Qualified", "Proposal", "Negotiation", "Contract", "Won", "Lost"),
                    page.chartLabels("funnel-chart"));
            assertEquals(List.of(List.of("competitor", "1", "50%"), List.of("price", "1", "50%")),
                    page.rows("#lost-table tbody tr").stream().sorted((a, b) -> a.get(0).compareTo(b.get(0)))
                            .toList());

            page.groupBy("channel");
            assertTrue(page.currentUrl().contains("by=channel"), page.currentUrl());
            assertEquals(List.of(List.of("form", "3", "1", "33.3%", "3", "3", "2", "1", "1", "1", "2"),
                    List.of("form-de", "1", "1", "100%", "1", "1", "1", "1", "1", "1", "0"),
                    List.of("tilda", "1", "0", "0%", "1", "0", "0", "0", "0", "0", "0")),
                    page.rows("#groups-table tbody tr"));
            browser.screenshots("analytics-funnel");

            // the CSV link of the stage table, fetched with the browser's session
            String csv = RestAssured.given().cookies(browser.driver().manage().getCookies().stream()
                            .collect(java.util.stream.Collectors.toMap(c -> c.getName(), c -> c.getValue())))
                    .get(page.csvLink("csv-funnel-stages")).then().statusCode(200)
                    .contentType("text/csv;charset=UTF-8").extract().asString();
            List<String> lines = csv.lines().toList();
            assertEquals("stage,semantics,deals,conversion,step_conversion,median_seconds_in_stage,previous_deals,"
                    + "previous_conversion", lines.get(0));
            assertTrue(lines.get(1).startsWith("New,in-progress,5,1.0,1.0,"), lines.get(1));
            assertTrue(lines.get(7).startsWith("Lost,lost,2,0.4,,"), lines.get(7));

            AnalyticsPage leads = AnalyticsPage.leads(browser);
            assertTrue(Long.parseLong(leads.text("leads-total")) >= 6, leads.text("leads-total"));
            assertTrue(leads.rows("#junk-table tbody tr").stream().anyMatch(r -> r.get(0).equals("spam")));
            browser.screenshots("analytics-leads");
        }
    }
}
