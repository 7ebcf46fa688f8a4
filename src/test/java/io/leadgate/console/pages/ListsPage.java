package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/** The reasons and statuses settings page: add, rename and delete entries of the three lists. */
public final class ListsPage {

    /** The lists as the page's section ids name them. */
    public static final String JUNK = "junk-reasons";
    public static final String LOSS = "loss-reasons";
    public static final String STATUSES = "lead-statuses";

    private final Browser browser;

    private ListsPage(Browser browser) {
        this.browser = browser;
    }

    public static ListsPage open(Browser browser) {
        browser.open("/console/settings/lists");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lead-statuses")));
        return new ListsPage(browser);
    }

    /** The codes of a list, first to last. */
    public List<String> codes(String list) {
        return browser.driver().findElements(By.cssSelector("#" + list + " tbody tr[data-code]")).stream()
                .map(tr -> tr.getAttribute("data-code")).toList();
    }

    public String name(String list, String code) {
        return row(list, code).findElement(By.cssSelector("form.rename input[name=name]")).getAttribute("value");
    }

    /** Types a new name into the entry's row and saves; answers the flash. */
    public String rename(String list, String code, String name) {
        clearFlash();
        WebElement input = row(list, code).findElement(By.cssSelector("form.rename input[name=name]"));
        input.clear();
        input.sendKeys(name);
        row(list, code).findElement(By.cssSelector("form.rename button[type=submit]")).click();
        return flash();
    }

    /** Deletes the entry, its leads or deals moved to {@code moveTo} (null: none chosen); answers the flash. */
    public String delete(String list, String code, String moveTo) {
        clearFlash();
        WebElement form = row(list, code).findElement(By.cssSelector("form.remove"));
        new Select(form.findElement(By.name("moveTo"))).selectByValue(moveTo == null ? "" : moveTo);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return flash();
    }

    /** Whether the entry's row offers deletion (built-in statuses do not). */
    public boolean deletable(String list, String code) {
        return !row(list, code).findElements(By.cssSelector("form.remove")).isEmpty();
    }

    public boolean flashIsError() {
        return browser.driver().findElement(By.id("flash")).getAttribute("class").contains("flash-error");
    }

    public String flash() {
        browser.waiting().until(d -> !d.findElement(By.id("flash")).getText().isBlank());
        return browser.driver().findElement(By.id("flash")).getText();
    }

    private void clearFlash() {
        browser.js("var f = document.getElementById('flash'); f.textContent = ''; f.className = 'flash'");
    }

    private WebElement row(String list, String code) {
        return browser.driver().findElement(By.cssSelector("#" + list + " tbody tr[data-code='" + code + "']"));
    }
}
