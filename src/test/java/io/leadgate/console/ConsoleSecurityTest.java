package io.leadgate.console;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, roles, CSRF, lock-out, headers and escaping of the console, over HTTP. */
@QuarkusTest
class ConsoleSecurityTest {

    @Test
    void rootServesTheConsoleAndAsksToSignIn() {
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/console/inbox"));
        RestAssured.given().redirects().follow(false).get("/console/inbox").then().statusCode(302)
                .header("Location", containsString("/console/login"));
        RestAssured.get("/console/login").then().statusCode(200).body(containsString("j_security_check"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrict() {
        Response login = ConsoleSession.attempt("admin", ConsoleSession.ADMIN_PASSWORD);
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("leadgate-session=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
    }

    @Test
    void adminSeesInboxWithSecurityHeaders() {
        ConsoleSession admin = ConsoleSession.admin();
        admin.get("/console/inbox").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("Inbox"));
        admin.get("/console/users").then().statusCode(200).body(containsString("admin"));
    }

    @Test
    void managerGets403OnAdminPages() {
        String name = newUser("manager");
        ConsoleSession manager = ConsoleSession.signIn(name, "manager-pass-1");
        manager.get("/console/inbox").then().statusCode(200);
        manager.get("/console/users").then().statusCode(403);
        manager.post("/console/users", Map.of("username", "evil" + name, "password", "whatever-123")).then()
                .statusCode(403);
        api().get("/api/users").then().body("find { it.username == 'evil" + name + "' }", equalTo(null));
    }

    @Test
    void consolePostWithoutCsrfTokenIsRefused() {
        ConsoleSession admin = ConsoleSession.admin();
        String leadId = hookLead("Csrf Target", "need a sofa");
        admin.request().contentType("application/x-www-form-urlencoded").formParam("reason", "spam")
                .post("/console/leads/" + leadId + "/junk").then().statusCode(403)
                .body("error", containsString("CSRF"));
        admin.request().header("X-CSRF-Token", "A".repeat(43)).contentType("application/x-www-form-urlencoded")
                .formParam("reason", "spam").post("/console/leads/" + leadId + "/junk").then().statusCode(403);
        api().get("/api/leads/" + leadId).then().body("status", equalTo("new"));
        admin.post("/console/leads/" + leadId + "/junk", Map.of("reason", "spam")).then().statusCode(200);
        api().get("/api/leads/" + leadId).then().body("status", equalTo("junk"));
    }

    /**
     * Every state-changing console endpoint there is (found in the code, so a new one is covered the day it is
     * written) refuses a signed-in admin's request that lacks the CSRF token, before it runs.
     */
    @Test
    void everyStateChangingConsoleEndpointNeedsTheCsrfToken() {
        List<String> endpoints = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.leadgate.console")) {
            Path root = c.reflect().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : c.reflect().getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(DELETE.class) ? "DELETE" : m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{[^}]+}", "1");
                    endpoints.add(verb + " " + path);
                }
            }
        }
        assertTrue(endpoints.size() >= 30, "the console's endpoints were found: " + endpoints);
        ConsoleSession admin = ConsoleSession.admin();
        List<String> open = new ArrayList<>();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ");
            Response r = admin.request().contentType("application/x-www-form-urlencoded").header("HX-Request", "true")
                    .request(parts[0], parts[1]);
            if (r.statusCode() != 403 || !r.asString().contains("CSRF")) {
                open.add(endpoint + " → " + r.statusCode());
            }
        }
        assertEquals(List.of(), open, "endpoints that did not refuse a request without the CSRF token");
        assertTrue(endpoints.contains("POST /console/logout") && endpoints.contains("POST /console/deals/1/move"),
                endpoints.toString());
    }

    @Test
    void signInFromAForeignPageIsRefused() {
        String own = "http://localhost:" + RestAssured.port;
        Response foreign = signInWith("Origin", "https://attacker.example");
        assertEquals(403, foreign.statusCode());
        assertNull(foreign.cookie("leadgate-session"), "no session from a foreign page");
        assertEquals(403, signInWith("Referer", "https://attacker.example/login.html").statusCode());
        assertEquals(403, signInWith("Origin", "null").statusCode(), "an opaque origin is not ours");
        assertEquals(403, signInWith("Origin", "http://localhost:" + (RestAssured.port + 1)).statusCode(),
                "another port is another origin");
        for (Response ok : List.of(signInWith("Origin", own), signInWith("Referer", own + "/console/login"),
                ConsoleSession.attempt("admin", ConsoleSession.ADMIN_PASSWORD))) {
            assertEquals(302, ok.statusCode());
            assertTrue(ok.header("Location").endsWith("/console/inbox"), ok.header("Location"));
            assertTrue(ok.cookie("leadgate-session") != null, "own origin or no origin (curl) signs in");
        }
    }

    private static Response signInWith(String header, String value) {
        return RestAssured.given().redirects().follow(false).header(header, value)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "admin")
                .formParam("j_password", ConsoleSession.ADMIN_PASSWORD).post("/j_security_check");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilReset() {
        String name = newUser("manager");
        for (int i = 0; i < 5; i++) {
            Response wrong = ConsoleSession.attempt(name, "wrong-password-" + i);
            assertEquals(302, wrong.statusCode());
            assertTrue(wrong.header("Location").contains("error"), "wrong password goes to the error page");
            assertNull(wrong.cookie("leadgate-session"));
        }
        Response locked = ConsoleSession.attempt(name, "manager-pass-1");
        assertTrue(locked.header("Location").contains("error"), "the right password is refused while locked");
        api().get("/api/users").then().body("find { it.username == '" + name + "' }.locked", equalTo(true));
        api().contentType(ContentType.JSON).body("{\"password\":\"another-pass-2\"}")
                .post("/api/users/" + name + "/password").then().statusCode(200).body("locked", equalTo(false));
        ConsoleSession.signIn(name, "another-pass-2");
    }

    @Test
    void deactivatedUserCannotSignInAndLosesTheSession() {
        String name = newUser("manager");
        ConsoleSession s = ConsoleSession.signIn(name, "manager-pass-1");
        api().post("/api/users/" + name + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        s.get("/console/inbox").then().statusCode(403); // the session names the user, who holds no role any more
        assertTrue(ConsoleSession.attempt(name, "manager-pass-1").header("Location").contains("error"));
    }

    @Test
    void apiKeysKeepWorkingBesideTheConsole() {
        api().get("/api/leads?limit=1").then().statusCode(200);
        RestAssured.given().redirects().follow(false).get("/api/leads").then().statusCode(401)
                .body("error", containsString("X-Api-Key"));
        ConsoleSession admin = ConsoleSession.admin();
        admin.request().get("/api/leads").then().statusCode(401); // a console session is not an API key
    }

    @Test
    void hostileValuesFromAHookAreShownAsText() {
        String script = "<script>alert('x')</script>";
        String img = "\"><img src=x onerror=alert(1)>";
        String leadId = hookLead(script, img);
        String contactId = api().get("/api/leads/" + leadId).then().extract().path("contactId");
        ConsoleSession admin = ConsoleSession.admin();
        for (String page : new String[]{"/console/inbox", "/console/contacts/" + contactId}) {
            String html = admin.get(page).then().statusCode(200).extract().asString();
            assertFalse(html.contains(script), page + " shows the name as text");
            assertFalse(html.contains("<img src=x"), page + " shows the message as text");
            assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    || html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"), page + " escapes the name");
            assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), page + " escapes the message");
        }
    }

    static String hookLead(String name, String message) {
        return RestAssured.given().contentType(ContentType.JSON).header("Accept", "application/json")
                .body(Map.of("name", name, "phone", "+7" + Api.newMobileDigits(), "message", message))
                .post("/hooks/form").then().statusCode(200).extract().path("leadId");
    }

    static String newUser(String role) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body(Map.of("username", name, "displayName", "User " + name,
                "role", role, "password", "manager-pass-1")).post("/api/users").then().statusCode(201);
        return name;
    }
}
