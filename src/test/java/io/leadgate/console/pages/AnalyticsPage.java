package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/** The analytics pages: the funnel (chart, stage table, lost reasons, groups) and the leads. */
public final class AnalyticsPage {

    private final Browser browser;

    private AnalyticsPage(Browser browser) {
        this.browser = browser;
    }

    public static AnalyticsPage funnel(Browser browser, String pipelineId) {
        browser.open("/console/analytics?pipeline=" + pipelineId);
        return drawn(browser, "funnel-chart");
    }

    public static AnalyticsPage leads(Browser browser) {
        browser.open("/console/analytics/leads");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lead-conversion")));
        return new AnalyticsPage(browser);
    }

    private static AnalyticsPage drawn(Browser browser, String chartId) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + chartId + "[data-chart-drawn] canvas")));
        return new AnalyticsPage(browser);
    }

    /** The stage table: one list per row (stage, deals, from first, from previous, median, [previous, change]). */
    public List<List<String>> stageRows() {
        return rows("#funnel-table tbody tr");
    }

    public List<List<String>> rows(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** What the chart draws: the values of its first series, read from ECharts. */
    @SuppressWarnings("unchecked")
    public List<Long> chartCounts(String chartId) {
        return ((List<Object>) browser.js("var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                + " return c.getOption().series[0].data;", chartId)).stream().map(o -> ((Number) o).longValue())
                .toList();
    }

    public List<String> chartLabels(String chartId) {
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.js("var c = echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])); var o = c.getOption();"
                + " return (o.yAxis[0].type === 'category' ? o.yAxis[0] : o.xAxis[0]).data;", chartId);
        return labels;
    }

    /** Chooses a grouping; waits until the groups table has come in place by htmx. */
    public void groupBy(String by) {
        new Select(browser.driver().findElement(By.id("analytics-by"))).selectByValue(by);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#groups-table tbody tr")));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#funnel-chart[data-chart-drawn] canvas")));
    }

    public String csvLink(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("href");
    }

    public String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    public String currentUrl() {
        return browser.driver().getCurrentUrl();
    }
}
