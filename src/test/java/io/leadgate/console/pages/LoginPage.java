package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sign-in page. */
public final class LoginPage {

    private final Browser browser;

    private LoginPage(Browser browser) {
        this.browser = browser;
    }

    public static LoginPage open(Browser browser) {
        browser.open("/console/login");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        return new LoginPage(browser);
    }

    public static LoginPage shown(Browser browser) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        return new LoginPage(browser);
    }

    public InboxPage signIn(String username, String password) {
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("sign-in")).click();
        return InboxPage.shown(browser);
    }
}
