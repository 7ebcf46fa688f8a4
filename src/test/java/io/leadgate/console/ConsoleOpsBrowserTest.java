package io.leadgate.console;

import com.sun.net.httpserver.HttpServer;
import io.leadgate.console.pages.Browser;
import io.leadgate.console.pages.ChannelsPage;
import io.leadgate.console.pages.DeliveriesPage;
import io.leadgate.console.pages.DuplicatesPage;
import io.leadgate.console.pages.LoginPage;
import io.leadgate.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The duplicates, channels and deliveries pages in a real headless Chromium: a merge and its undo, a failed envelope
 * replayed after the fix, a dead letter replayed once the endpoint is back. Saves screenshots of the three pages
 * (1280 and 390 px) like {@link ConsoleBrowserTest}.
 */
@QuarkusTest
class ConsoleOpsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    DataSource dataSource;

    private String base() {
        return "http://127.0.0.1:" + gateway.getPort();
    }

    @Test
    void mergeAndUndoOnTheDuplicatesPage() throws Exception {
        String[] other = ConsoleOpsPagesTest.pair("Екатерина Смирнова", "Ekaterina Smirnova");
        String[] p = ConsoleOpsPagesTest.pair("Алексей Морозов", "Alexey Morozov");
        try (Browser browser = new Browser(base(), "en-US")) {
            LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            DuplicatesPage page = DuplicatesPage.open(browser);
            assertTrue(page.shows(other[0]));
            String text = page.pairText(p[0]);
            assertTrue(text.contains("Алексей Морозов") && text.contains("Alexey Morozov"), text);
            assertTrue(text.contains("+7" + p[3]) && text.contains(p[4]), "identities side by side: " + text);
            assertTrue(text.contains("One inquiry named details of both cards"), "the reason: " + text);

            page.clickKeep(p[0], p[2]); // keep the Latin-named card
            api().get("/api/contacts/" + p[1]).then().body("mergedInto", equalTo(p[2]));
            String mergeId = api().queryParam("contactId", p[1]).get("/api/merges").then().body("", hasSize(1))
                    .extract().path("[0].id");
            assertTrue(page.historyText(mergeId).contains("Alexey Morozov"), page.historyText(mergeId));
            assertTrue(page.flash().startsWith("Merged"), page.flash());

            page.undo(mergeId);
            api().get("/api/contacts/" + p[1]).then().body("mergedInto", nullValue());
            api().get("/api/merges/" + mergeId).then().body("undoneAt", org.hamcrest.Matchers.notNullValue());
            browser.waiting().until(d -> page.shows(p[0])); // the pair is a candidate again
            browser.screenshots("duplicates");
        }
    }

    @Test
    void failedEnvelopeReplayedOnTheChannelsPage() throws Exception {
        sql("create or replace function leadgate_console_fail() returns trigger as $$ begin "
                + "if new.name = 'Console Replay' then raise exception 'simulated outage'; end if; return new; end $$ "
                + "language plpgsql");
        sql("create trigger leadgate_console_fail before insert on contact for each row "
                + "execute function leadgate_console_fail()");
        String phone = "+7" + Api.newMobileDigits();
        String envelopeId;
        try {
            envelopeId = RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Console Replay", "phone", phone, "message", "replay me"))
                    .post("/hooks/form").then().statusCode(500).extract().path("envelopeId");
        } finally {
            sql("drop trigger if exists leadgate_console_fail on contact");
        }
        RestAssured.given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "wrong")
                .body("{\"update_id\": 1}").post("/hooks/tg").then().statusCode(401);
        try (Browser browser = new Browser(base(), "en-US")) {
            LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
            ChannelsPage page = ChannelsPage.open(browser);
            assertTrue(page.hookUrl("form").endsWith("/hooks/form"), page.hookUrl("form"));
            assertTrue(page.channelText("form").contains("active"), page.channelText("form"));
            long failures = Long.parseLong(browser.driver().findElement(By.cssSelector("#channel-tg .verification"))
                    .getText().strip());
            assertTrue(failures >= 1, "the wrong Telegram secret is counted");
            assertTrue(page.parkedText(envelopeId).contains("P0001"), page.parkedText(envelopeId)); // the error kind, never driver details
            browser.screenshots("channels");

            String flash = page.replay(envelopeId); // the cause is gone: it becomes a lead
            assertTrue(flash.contains(envelopeId), flash);
            assertFalse(page.parked(envelopeId));
            api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1))
                    .body("[0].name", equalTo("Console Replay"));
        }
    }

    @Test
    void deadLetterReplayedOnTheDeliveriesPage() throws Exception {
        AtomicBoolean refusing = new AtomicBoolean(true);
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = refusing.get() ? 422 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/leads";
            String webhookId = api().contentType(ContentType.JSON).body(Map.of("url", url,
                            "events", List.of("leadgate.contact.merged"), "secret", "console-browser-secret"))
                    .post("/api/webhooks").then().statusCode(201).extract().path("id");
            // one event for this subscription alone: a merge
            String[] p = ConsoleOpsPagesTest.pair("Борис Зайцев", "Boris Zaitsev");
            api().contentType(ContentType.JSON).body(Map.of("sourceId", p[2])).post("/api/contacts/" + p[1] + "/merge")
                    .then().statusCode(200);
            List<Map<String, Object>> dead = await(() -> api().queryParam("status", "dead")
                    .get("/api/webhooks/" + webhookId + "/deliveries").then().extract().jsonPath().getList(""),
                    list -> list.size() == 1, "a dead letter after two refusals");
            String deliveryId = (String) dead.get(0).get("id");

            refusing.set(false); // the receiving side is fixed
            try (Browser browser = new Browser(base(), "en-US")) {
                LoginPage.open(browser).signIn("admin", ConsoleSession.ADMIN_PASSWORD);
                DeliveriesPage page = DeliveriesPage.open(browser);
                assertTrue(page.deadLetter(deliveryId));
                assertTrue(page.webhookText(webhookId).contains("HTTP 422"), page.webhookText(webhookId));
                assertTrue(page.kafkaText().contains("off"), page.kafkaText());
                browser.screenshots("deliveries");

                page.replay(deliveryId);
                assertTrue(page.flash().contains("again"), page.flash());
                await(() -> api().get("/api/webhooks/" + webhookId + "/deliveries").then().extract().jsonPath()
                                .getString("find { it.id == '" + deliveryId + "' }.status"),
                        "delivered"::equals, "the replayed delivery goes out");
            }
        } finally {
            endpoint.stop(0);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what + "; last: " + last);
            }
            Thread.sleep(100);
            last = read.get();
        }
        return last;
    }
}
