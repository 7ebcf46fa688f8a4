package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The channels page: channel lines with their hook URLs, the parked envelopes with Replay. */
public final class ChannelsPage {

    private final Browser browser;

    private ChannelsPage(Browser browser) {
        this.browser = browser;
    }

    public static ChannelsPage open(Browser browser) {
        browser.open("/console/channels");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("channels")));
        return new ChannelsPage(browser);
    }

    public String channelText(String channelId) {
        return browser.driver().findElement(By.id("channel-" + channelId)).getText();
    }

    public String hookUrl(String channelId) {
        return browser.driver().findElement(By.cssSelector("#channel-" + channelId + " .hook-url")).getText();
    }

    public boolean parked(String envelopeId) {
        return !browser.driver().findElements(By.id("envelope-" + envelopeId)).isEmpty();
    }

    public String parkedText(String envelopeId) {
        return browser.driver().findElement(By.id("envelope-" + envelopeId)).getText();
    }

    /** Replays a parked envelope; waits until the flash answers. */
    public String replay(String envelopeId) {
        browser.driver().findElement(By.cssSelector("#envelope-" + envelopeId + " button.replay")).click();
        browser.waiting().until(d -> !d.findElement(By.id("flash")).getText().isBlank());
        return browser.driver().findElement(By.id("flash")).getText();
    }
}
