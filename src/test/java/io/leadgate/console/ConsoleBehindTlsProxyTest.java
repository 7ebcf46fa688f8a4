package io.leadgate.console;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind an ingress that ends TLS and is trusted for forwarded headers, the session and CSRF cookies are marked
 * {@code Secure}; over plain HTTP they are not (a browser would drop a Secure cookie there).
 */
@QuarkusTest
@TestProfile(ConsoleBehindTlsProxyTest.Profile.class)
class ConsoleBehindTlsProxyTest {

    /** The test client (127.0.0.1) is the trusted ingress. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void cookiesAreSecureWhenTheIngressSaysHttps() {
        String session = setCookie(signIn("https"), "leadgate-session");
        assertTrue(session.toLowerCase().contains("; secure"), session);
        assertTrue(session.toLowerCase().contains("httponly") && session.toLowerCase().contains("samesite=strict"), session);
        String plain = setCookie(signIn("http"), "leadgate-session");
        assertFalse(plain.toLowerCase().contains("secure"), plain);

        String cookie = signIn("https").cookie("leadgate-session");
        String csrf = setCookie(RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("leadgate-session", cookie).get("/console/inbox"), CsrfFilter.COOKIE);
        assertTrue(csrf.toLowerCase().contains("; secure") && csrf.toLowerCase().contains("httponly"), csrf);
        String csrfPlain = setCookie(RestAssured.given().redirects().follow(false)
                .cookie("leadgate-session", cookie).get("/console/inbox"), CsrfFilter.COOKIE);
        assertFalse(csrfPlain.toLowerCase().contains("secure"), csrfPlain);
    }

    @Test
    void signInOriginIsComparedWithTheSchemeTheIngressReports() {
        // X-Forwarded-Proto https without a forwarded port: the public origin is https on its default port
        Response https = signIn("https", "https://localhost");
        assertTrue(https.statusCode() == 302 && https.cookie("leadgate-session") != null, "own https origin signs in");
        assertTrue(signIn("https", "http://localhost:" + RestAssured.port).statusCode() == 403,
                "http origin behind an https ingress");
        assertTrue(signIn("http", "https://localhost").statusCode() == 403, "https origin on plain http");
    }

    private static Response signIn(String proto, String origin) {
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", proto)
                .header("Origin", origin).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", ConsoleSession.ADMIN_PASSWORD)
                .post("/j_security_check");
    }

    private static Response signIn(String proto) {
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", proto)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "admin")
                .formParam("j_password", ConsoleSession.ADMIN_PASSWORD).post("/j_security_check");
    }

    private static String setCookie(Response r, String name) {
        return r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.getHeaders()));
    }
}
