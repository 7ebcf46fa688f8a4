package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;

/** The pipeline settings page: stages (rename, recolour, drag to reorder, delete), tunnels, automation rules. */
public final class SettingsPage {

    private final Browser browser;

    private SettingsPage(Browser browser) {
        this.browser = browser;
    }

    public static SettingsPage open(Browser browser, String pipelineId) {
        browser.open("/console/settings?pipeline=" + pipelineId);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("stages")));
        return new SettingsPage(browser);
    }

    /** The stage ids as the list shows them, first to last. */
    public List<String> stageOrder() {
        return browser.driver().findElements(By.cssSelector("#stages > li[data-stage]")).stream()
                .map(li -> li.getAttribute("data-stage")).toList();
    }

    public String stageName(String stageId) {
        return stage(stageId).findElement(By.name("name")).getAttribute("value");
    }

    /** Types a new name and saves; waits for the flash. */
    public String rename(String stageId, String name) {
        WebElement input = stage(stageId).findElement(By.name("name"));
        input.clear();
        input.sendKeys(name);
        stage(stageId).findElement(By.cssSelector(".stage-form button[type=submit]")).click();
        return flash();
    }

    /** Drags a stage by its handle onto another stage's place; waits for the list to come back in the new order. */
    public void drag(String stageId, String ontoStageId, List<String> expected) {
        WebElement handle = stage(stageId).findElement(By.cssSelector(".drag"));
        WebElement target = stage(ontoStageId);
        new Actions(browser.driver()).clickAndHold(handle).pause(Duration.ofMillis(150)).moveByOffset(5, -5)
                .pause(Duration.ofMillis(150)).moveToElement(target).pause(Duration.ofMillis(150)).moveByOffset(0, -8)
                .pause(Duration.ofMillis(150)).release().perform();
        browser.waiting().until(d -> flash().contains("reordered") && expected.equals(stageOrder()));
    }

    /** Adds a tunnel from one of this pipeline's stages into another pipeline's stage; answers the flash. */
    public String addTunnel(String fromStageId, String toStageId, String mode) {
        clearFlash();
        WebElement form = browser.driver().findElement(By.id("tunnel-form"));
        new Select(form.findElement(By.name("fromStageId"))).selectByValue(fromStageId);
        new Select(form.findElement(By.name("mode"))).selectByValue(mode);
        new Select(form.findElement(By.name("toStageId"))).selectByValue(toStageId);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return flash();
    }

    public boolean flashIsError() {
        return browser.driver().findElement(By.id("flash")).getAttribute("class").contains("flash-error");
    }

    public String flash() {
        browser.waiting().until(d -> !d.findElement(By.id("flash")).getText().isBlank());
        return browser.driver().findElement(By.id("flash")).getText();
    }

    private void clearFlash() {
        browser.js("document.getElementById('flash').textContent = ''");
    }

    private WebElement stage(String stageId) {
        return browser.driver().findElement(By.id("stage-" + stageId));
    }
}
