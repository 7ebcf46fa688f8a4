package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The inbox: lead lines, their actions, the navigation. */
public final class InboxPage {

    private final Browser browser;

    private InboxPage(Browser browser) {
        this.browser = browser;
    }

    public static InboxPage shown(Browser browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-rows")));
        return new InboxPage(browser);
    }

    public static InboxPage open(Browser browser) {
        browser.open("/console/inbox");
        return shown(browser);
    }

    /** Marks the document, so a later check can tell that no reload happened. */
    public void markDocument() {
        browser.js("window.leadgateMark = 'same document'");
    }

    public boolean sameDocument() {
        return "same document".equals(browser.js("return window.leadgateMark"));
    }

    /** Waits (polling happens in the page) until the lead's line is shown. */
    public WebElement waitForLead(String leadId) {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lead-" + leadId)));
    }

    public String lineText(String leadId) {
        return browser.driver().findElement(By.id("lead-" + leadId)).getText();
    }

    public ContactPage openContact(String leadId) {
        browser.driver().findElement(By.cssSelector("#lead-" + leadId + " .contact-link")).click();
        return ContactPage.shown(browser);
    }

    /** Accepts the lead into a stage (by id); waits for the line to show it converted. */
    public void accept(String leadId, String stageId) {
        WebElement line = browser.driver().findElement(By.id("lead-" + leadId));
        line.findElements(By.cssSelector("details.menu > summary")).get(0).click();
        new Select(line.findElement(By.name("stageId"))).selectByValue(stageId);
        line.findElement(By.cssSelector("form[hx-post$='/convert'] button[type=submit]")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("#lead-" + leadId + " .status")).getText()
                .equals("converted"));
    }

    public BoardPage board() {
        browser.driver().findElement(By.cssSelector("nav a[href='/console/board']")).click();
        return BoardPage.shown(browser);
    }

    public LoginPage signOut() {
        browser.driver().findElement(By.id("sign-out")).click();
        return LoginPage.shown(browser);
    }
}
