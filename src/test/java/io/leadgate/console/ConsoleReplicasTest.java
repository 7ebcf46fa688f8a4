package io.leadgate.console;

import io.leadgate.console.pages.Browser;
import io.leadgate.console.pages.InboxPage;
import io.leadgate.console.pages.LoginPage;
import io.leadgate.delivery.OutboxEvent;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.leadgate.testing.Replica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console on two replicas behind a load balancer without sticky sessions: replica A is this test's Quarkus (in
 * the test JVM), replica B a second gateway process, the production jar ({@link Replica}), on its own port against the
 * same PostgreSQL with the same session encryption key. Every request names the replica it goes to, so each check
 * says which process signed in, counted, took the lead and drew the page.
 *
 * <p>Why this way: the README's one test command ({@code bin/test}, i.e. {@code ./mvnw test}) must run it, so it
 * cannot wait for a {@code package} phase or {@code @QuarkusIntegrationTest} under failsafe ({@code verify}), and
 * binding the Maven plugin's {@code build} goal before {@code test} would slow every test run of every developer.
 * Two Quarkus applications in one JVM are not supported. So replica B is built here, in a child JVM, by Quarkus's own
 * build API from {@code target/classes} (about half a minute, once), and started with {@code java -jar}: a real
 * second process of the very artifact that is deployed, costing only this class its build and start.
 */
@QuarkusTest
class ConsoleReplicasTest {

    /** The same key on every replica, as {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} (application.properties %test). */
    private static final String SESSION_KEY = "leadgate-test-session-key-not-secret";
    private static final String PASSWORD = "manager-pass-1";
    private static final Pattern TOKEN = Pattern.compile("data-csrf=\"([A-Za-z0-9_-]+)\"");
    /** Generous: the page polls every 3 s, and the machine may be busy with other builds. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static Replica b;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void startReplicaB() {
        b = Replica.start("b", SESSION_KEY);
    }

    @AfterAll
    static void stopReplicaB() {
        if (b != null) {
            b.close();
        }
    }

    private String a() {
        return "http://127.0.0.1:" + gateway.getPort();
    }

    @Test
    void sessionSignedInOnOneReplicaWorksOnTheOther() {
        String user = ConsoleSecurityTest.newUser("manager");
        String session = signIn(a(), user, PASSWORD);

        at(b.base()).redirects().follow(false).get("/console/inbox").then().statusCode(302)
                .header("Location", containsString("/console/login")); // B without the cookie: sign in first
        Response page = at(b.base()).cookie("leadgate-session", session).get("/console/inbox");
        assertEquals(200, page.statusCode(), "B opens the console with the cookie A issued");
        assertTrue(page.asString().contains("User " + user), "B knows who signed in on A");

        // a page drawn by A, its htmx POST answered by B: the double-submit CSRF token holds on every replica
        Response fromA = at(a()).cookie("leadgate-session", session).get("/console/inbox");
        String csrfCookie = fromA.cookie(CsrfFilter.COOKIE);
        String token = token(fromA.asString());
        assertEquals(csrfCookie, token);
        String leadId = hookLeadTo(a(), "Replica Junk");
        at(b.base()).cookie("leadgate-session", session).cookie(CsrfFilter.COOKIE, csrfCookie)
                .contentType("application/x-www-form-urlencoded").formParam("reason", "spam")
                .post("/console/leads/" + leadId + "/junk").then().statusCode(403); // no token in the header
        at(b.base()).cookie("leadgate-session", session).cookie(CsrfFilter.COOKIE, csrfCookie)
                .header(CsrfFilter.HEADER, token).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParam("reason", "spam")
                .post("/console/leads/" + leadId + "/junk").then().statusCode(200)
                .body(containsString("id=\"lead-" + leadId + "\""));
        api().get("/api/leads/" + leadId).then().body("status", equalTo("junk")).body("junkReason", equalTo("spam"));
        assertEquals(List.of(user), actors(leadId), "B recorded the user signed in on A as the actor");
    }

    /** The control: a replica started with another key cannot read A's cookie, so it asks to sign in again. */
    @Test
    void replicaWithAnotherSessionKeyDoesNotAcceptTheCookie() {
        String user = ConsoleSecurityTest.newUser("manager");
        String session = signIn(a(), user, PASSWORD);
        at(b.base()).cookie("leadgate-session", session).get("/console/inbox").then().statusCode(200);
        try (Replica c = Replica.start("c", "another-key-on-a-misconfigured-replica")) {
            at(c.base()).cookie("leadgate-session", session).get("/console/inbox").then().statusCode(302)
                    .header("Location", containsString("/console/login"));
            assertNotNull(attempt(c.base(), user, PASSWORD).cookie("leadgate-session"), "C itself signs in");
        }
    }

    @Test
    void signOutAndDeactivationHoldOnEveryReplica() {
        String user = ConsoleSecurityTest.newUser("manager");
        String session = signIn(a(), user, PASSWORD);
        Response page = at(b.base()).cookie("leadgate-session", session).get("/console/inbox");
        String csrf = page.cookie(CsrfFilter.COOKIE);

        // signing out on B (the session began on A) removes the cookie from the browser
        Response out = at(b.base()).cookie("leadgate-session", session).cookie(CsrfFilter.COOKIE, csrf)
                .header(CsrfFilter.HEADER, csrf).header("HX-Request", "true").post("/console/logout");
        assertEquals(200, out.statusCode());
        assertEquals("/console/login", out.header("HX-Redirect"));
        String cleared = out.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("leadgate-session=")).findFirst()
                .orElseThrow(() -> new AssertionError("sign-out sets no leadgate-session cookie: " + out.getHeaders()));
        assertTrue(cleared.startsWith("leadgate-session=;") || cleared.toLowerCase().contains("max-age=0"), cleared);
        for (String replica : List.of(a(), b.base())) { // the browser, now without the cookie, is out on both
            at(replica).redirects().follow(false).get("/console/inbox").then().statusCode(302)
                    .header("Location", containsString("/console/login"));
        }

        // a deactivation on A ends the user's sessions on B at once: B reads the user from the database each request
        String other = signIn(a(), user, PASSWORD);
        at(b.base()).cookie("leadgate-session", other).get("/console/inbox").then().statusCode(200);
        api().post("/api/users/" + user + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        at(b.base()).cookie("leadgate-session", other).get("/console/inbox").then().statusCode(403);
        assertNull(attempt(b.base(), user, PASSWORD).cookie("leadgate-session"), "nor can the user sign in on B");
    }

    @Test
    void wrongPasswordsOnOneReplicaCountTowardTheLockOutOnTheOther() {
        String user = ConsoleSecurityTest.newUser("manager");
        // four wrong on A, then the right one on B: under the limit (5), so B signs in and the count starts again
        for (int i = 0; i < 4; i++) {
            assertRefused(attempt(a(), user, "wrong-password-" + i));
        }
        assertNotNull(attempt(b.base(), user, PASSWORD).cookie("leadgate-session"));

        // four wrong on A and one on B are five in a row: locked everywhere, even with the right password
        for (int i = 0; i < 4; i++) {
            assertRefused(attempt(a(), user, "wrong-password-" + i));
        }
        assertRefused(attempt(b.base(), user, "wrong-password-4"));
        assertRefused(attempt(b.base(), user, PASSWORD));
        assertRefused(attempt(a(), user, PASSWORD));
        api().get("/api/users").then().body("find { it.username == '" + user + "' }.locked", equalTo(true));

        // an admin's reset on A lifts the lock for B too
        api().contentType(ContentType.JSON).body("{\"password\":\"another-pass-2\"}")
                .post("/api/users/" + user + "/password").then().statusCode(200).body("locked", equalTo(false));
        assertNotNull(attempt(b.base(), user, "another-pass-2").cookie("leadgate-session"));
    }

    @Test
    void leadTakenByOneReplicaArrivesLiveInTheInboxServedByTheOther() throws Exception {
        String user = ConsoleSecurityTest.newUser("manager");
        try (Browser browser = new Browser(a(), "en-US")) {
            LoginPage.open(browser).signIn(user, PASSWORD); // the real sign-in form, on A
            // the same browser opens B: cookies belong to the host, not the port (RFC 6265 §8.5), so this is what a
            // load balancer that sends the next request to another replica looks like to the browser
            browser.driver().get(b.base() + "/console/inbox");
            InboxPage inbox = InboxPage.shown(browser);
            assertEquals(b.port(), URI.create(browser.driver().getCurrentUrl()).getPort(), "the page is B's");
            assertTrue(browser.driver().getPageSource().contains("User " + user), "signed in on B");
            inbox.markDocument();

            String leadId = hookLeadTo(a(), "Vera Replica"); // taken by A
            new WebDriverWait(browser.driver(), DEADLINE)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("lead-" + leadId)));
            assertTrue(inbox.sameDocument(), "the lead arrived without a reload");
            assertTrue(inbox.lineText(leadId).contains("Vera Replica"), inbox.lineText(leadId));
            assertEquals(b.port(), URI.create(browser.driver().getCurrentUrl()).getPort(), "still B's page");
        }
    }

    private static RequestSpecification at(String base) {
        return RestAssured.given().baseUri(base).port(URI.create(base).getPort()).redirects().follow(false);
    }

    /** The console's sign-in form as a browser posts it to this replica (with its own Origin): the session cookie. */
    private static String signIn(String replica, String user, String password) {
        Response login = attempt(replica, user, password);
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/console/inbox"), login.header("Location"));
        String session = login.cookie("leadgate-session");
        assertNotNull(session, "sign-in of " + user + " on " + replica + " gives a session cookie");
        return session;
    }

    private static Response attempt(String replica, String user, String password) {
        return at(replica).header("Origin", replica).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    private static void assertRefused(Response attempt) {
        assertEquals(302, attempt.statusCode());
        assertTrue(attempt.header("Location").contains("/console/login?error"), attempt.header("Location"));
        assertNull(attempt.cookie("leadgate-session"));
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertTrue(m.find(), "the page carries its CSRF token");
        return m.group(1);
    }

    /** A web form posted to the {@code form} hook of the given replica; the new lead's id. */
    private static String hookLeadTo(String replica, String name) {
        JsonPath lead = at(replica).contentType(ContentType.JSON).header("Accept", "application/json")
                .body(Map.of("name", name, "phone", "+7" + Api.newMobileDigits(), "message", "Two replicas, one inbox"))
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
        return lead.getString("leadId");
    }

    private static List<String> actors(String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                        "type = ?1 and leadId = ?2 order by id", EventTypes.LEAD_UPDATED, Long.valueOf(leadId)).stream()
                .map(e -> JsonPath.from(e.payload).getString("data.actor")).filter(java.util.Objects::nonNull).toList());
    }
}
