package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The deliveries page: webhook subscriptions with their dead letters, the Kafka relay, the CRM connectors. */
public final class DeliveriesPage {

    private final Browser browser;

    private DeliveriesPage(Browser browser) {
        this.browser = browser;
    }

    public static DeliveriesPage open(Browser browser) {
        browser.open("/console/deliveries");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("webhooks")));
        return new DeliveriesPage(browser);
    }

    public boolean deadLetter(String deliveryId) {
        return !browser.driver().findElements(By.id("delivery-" + deliveryId)).isEmpty();
    }

    public String webhookText(String webhookId) {
        return browser.driver().findElement(By.id("webhook-" + webhookId)).getText();
    }

    /** Replays one dead letter; waits until it has left the dead-letter list. */
    public void replay(String deliveryId) {
        browser.driver().findElement(By.cssSelector("#delivery-" + deliveryId + " button.replay")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("delivery-" + deliveryId)));
    }

    public String kafkaText() {
        return browser.driver().findElement(By.id("kafka")).getText();
    }

    public String flash() {
        return browser.driver().findElement(By.id("flash")).getText();
    }
}
