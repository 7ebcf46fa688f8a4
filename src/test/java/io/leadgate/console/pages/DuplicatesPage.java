package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The duplicates page: candidate pairs, merge keeping one card, "not the same person", the history with undo. */
public final class DuplicatesPage {

    private final Browser browser;

    private DuplicatesPage(Browser browser) {
        this.browser = browser;
    }

    public static DuplicatesPage open(Browser browser) {
        browser.open("/console/duplicates");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dup-content")));
        return new DuplicatesPage(browser);
    }

    public boolean shows(String pairId) {
        return !browser.driver().findElements(By.id("pair-" + pairId)).isEmpty();
    }

    /** The pair's text (both cards, score and reasons). */
    public String pairText(String pairId) {
        return browser.driver().findElement(By.id("pair-" + pairId)).getText();
    }

    /** Merges the pair keeping the card {@code contactId}; waits until the pair has left the list. */
    public void clickKeep(String pairId, String contactId) {
        browser.driver().findElement(By.cssSelector("#pair-" + pairId + " [data-contact='" + contactId + "'] .dup-keep"))
                .click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("pair-" + pairId)));
    }

    public String historyText(String mergeId) {
        return browser.driver().findElement(By.id("merge-" + mergeId)).getText();
    }

    public void undo(String mergeId) {
        browser.driver().findElement(By.cssSelector("#merge-" + mergeId + " .merge-undo")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#merge-" + mergeId
                + " .merge-undone")));
    }

    public String flash() {
        return browser.driver().findElement(By.id("flash")).getText();
    }
}
