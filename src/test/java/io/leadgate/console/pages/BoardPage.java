package io.leadgate.console.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

/** The pipeline board: columns per stage, deal cards, drag and drop, the card's move menu. */
public final class BoardPage {

    private final Browser browser;

    private BoardPage(Browser browser) {
        this.browser = browser;
    }

    public static BoardPage shown(Browser browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("board-columns")));
        return new BoardPage(browser);
    }

    public WebElement card(String dealId) {
        return browser.driver().findElement(By.cssSelector("li.deal[data-deal='" + dealId + "']"));
    }

    /** The stage id of the column the card is in. */
    public String stageOf(String dealId) {
        return card(dealId).findElement(By.xpath("./ancestor::ol[1]")).getAttribute("data-stage");
    }

    /**
     * Drags the card with the mouse onto another column and waits for the board to come back from the server with it
     * there. The drop moves the card in the page at once; the server's board replaces the whole board afterwards, so
     * the wait is for that replacement (a card looked up before it would go stale under the next step).
     */
    public void drag(String dealId, String stageId) {
        WebElement before = browser.driver().findElement(By.id("board-columns"));
        WebElement card = card(dealId).findElement(By.cssSelector(".meta")); // not the link or the menu
        WebElement target = browser.driver().findElement(By.cssSelector("ol.cards[data-stage='" + stageId + "']"));
        new Actions(browser.driver()).clickAndHold(card).pause(Duration.ofMillis(150)).moveByOffset(10, 10)
                .pause(Duration.ofMillis(150)).moveToElement(target).pause(Duration.ofMillis(150)).moveByOffset(0, 5)
                .pause(Duration.ofMillis(150)).release().perform();
        browser.waiting().until(ExpectedConditions.stalenessOf(before));
        browser.waiting().until(d -> {
            try {
                return stageId.equals(stageOf(dealId));
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    /**
     * Moves the card with the keyboard only: Enter opens the card's menu, typing picks the stage and the loss reason
     * by their names, Enter on the button sends it.
     */
    public void moveWithKeyboard(String dealId, String stageName, String lossReasonName) {
        WebElement card = card(dealId);
        card.findElement(By.cssSelector("details.menu > summary")).sendKeys(Keys.ENTER);
        browser.waiting().until(d -> card.findElement(By.cssSelector("details.menu")).getAttribute("open") != null);
        WebElement stage = card.findElement(By.name("stageId"));
        stage.sendKeys(stageName);
        WebElement reason = card.findElement(By.name("lossReason"));
        reason.sendKeys(lossReasonName);
        if (!stageName.equals(new Select(stage).getFirstSelectedOption().getText())
                || !lossReasonName.equals(new Select(reason).getFirstSelectedOption().getText())) {
            throw new AssertionError("typing did not choose " + stageName + " / " + lossReasonName);
        }
        card.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);
    }

    /** The card's title line (the deal's title). */
    public String title(String dealId) {
        return card(dealId).findElement(By.cssSelector(".deal-title")).getText();
    }

    /** Waits until the card is shown in a stage's column. */
    public void waitForCardIn(String dealId, String stageId) {
        browser.waiting().until(d -> {
            try {
                return stageId.equals(stageOf(dealId));
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    public String flash() {
        return browser.driver().findElement(By.id("flash")).getText();
    }
}
