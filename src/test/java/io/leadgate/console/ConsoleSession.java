package io.leadgate.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A browser-like console session for REST Assured tests: form sign-in, the session and CSRF cookies, the token. */
final class ConsoleSession {

    static final String ADMIN_PASSWORD = "test-admin-password";
    private static final Pattern TOKEN = Pattern.compile("data-csrf=\"([A-Za-z0-9_-]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;

    static ConsoleSession admin() {
        return signIn("admin", ADMIN_PASSWORD);
    }

    /** Signs in through {@code /j_security_check}, then opens the inbox to get the CSRF cookie and token. */
    static ConsoleSession signIn(String username, String password) {
        Response login = attempt(username, password);
        assertEquals(302, login.statusCode(), "sign-in redirects");
        assertNotNull(login.cookie("leadgate-session"), "sign-in of " + username + " gives a session cookie");
        ConsoleSession s = new ConsoleSession();
        s.cookies.put("leadgate-session", login.cookie("leadgate-session"));
        s.get("/console/inbox");
        return s;
    }

    static Response attempt(String username, String password) {
        return RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }

    /** Chooses the console language as the switch does ({@code en} or {@code ru}). */
    ConsoleSession language(String lang) {
        cookies.put(Languages.COOKIE, lang);
        return this;
    }

    RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    Response get(String path) {
        Response r = request().get(path);
        keep(r);
        return r;
    }

    /** A console POST as htmx sends it: form fields plus the CSRF header. */
    Response post(String path, Map<String, String> form) {
        RequestSpecification spec = request().header("X-CSRF-Token", csrf).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(spec::formParam);
        Response r = spec.post(path);
        keep(r);
        return r;
    }

    String csrf() {
        return csrf;
    }

    private void keep(Response r) {
        r.getCookies().forEach((name, value) -> {
            if (!value.isEmpty()) {
                cookies.put(name, value);
            }
        });
        Matcher m = TOKEN.matcher(r.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
    }
}
