package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The contact card: its name, identities and timeline. */
public final class ContactPage {

    private final Browser browser;

    private ContactPage(Browser browser) {
        this.browser = browser;
    }

    public static ContactPage shown(Browser browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        return new ContactPage(browser);
    }

    public String name() {
        return browser.driver().findElement(By.id("card-name")).getText();
    }

    /** The channel chips of the timeline's inquiries, newest first. */
    public List<String> inquiryChannels() {
        return browser.driver().findElements(By.cssSelector("#timeline .event-inquiry .chip-channel")).stream()
                .map(WebElement::getText).toList();
    }

    public String timelineText() {
        return browser.driver().findElement(By.id("timeline")).getText();
    }

    public void addNote(String text) {
        browser.driver().findElement(By.id("note-text")).sendKeys(text);
        browser.driver().findElement(By.cssSelector(".note-form button[type=submit]")).click();
        browser.waiting().until(d -> d.findElement(By.id("timeline")).getText().contains(text));
    }

    public InboxPage inbox() {
        browser.driver().findElement(By.cssSelector("nav a[href='/console/inbox']")).click();
        return InboxPage.shown(browser);
    }
}
