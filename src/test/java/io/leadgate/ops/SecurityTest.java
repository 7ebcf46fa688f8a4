package io.leadgate.ops;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** API key scopes, body size limits per family and X-Forwarded-For from untrusted peers. */
@QuarkusTest
class SecurityTest {

    private static final String READ_KEY = "test-read-key";
    private static final String ADMIN_KEY = "test-admin-key";

    @Test
    void aReadKeyReadsButCannotChangeOrExport() {
        given().header("X-Api-Key", READ_KEY).get("/api/leads").then().statusCode(200);
        given().header("X-Api-Key", READ_KEY).delete("/api/contacts/987654321").then().statusCode(403)
                .body("error", equalTo("this API key lacks the admin scope"));
        given().header("X-Api-Key", READ_KEY).get("/api/contacts/987654321/export").then().statusCode(403);
        given().header("X-Api-Key", READ_KEY).contentType(ContentType.JSON).body("{}")
                .post("/api/channels/form/preview").then().statusCode(403);
    }

    @Test
    void anAdminKeyAndThePlainKeysDoEverything() {
        given().header("X-Api-Key", ADMIN_KEY).get("/api/leads").then().statusCode(200);
        given().header("X-Api-Key", ADMIN_KEY).delete("/api/contacts/987654321").then().statusCode(404);
        api().delete("/api/contacts/987654321").then().statusCode(404);
    }

    @Test
    void aBadKeyOrTheDigestItselfIs401() {
        given().header("X-Api-Key", "test-read-key2").get("/api/leads").then().statusCode(401)
                .body("error", equalTo("invalid API key"));
        given().header("X-Api-Key", "1fe7a77d2fca400ab2b506da2b5c7a0bc9ab21853ba6ad65c049915ff64dfabb").get("/api/leads")
                .then().statusCode(401);
        given().delete("/api/contacts/1").then().statusCode(401).body("error", equalTo("X-Api-Key header required"));
    }

    @Test
    void oversizeFormIs413WhileEmailHasItsOwnLargerLimit() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        given().contentType("text/plain").body(big).post("/hooks/form").then().statusCode(413);
        String mail = "From: Big Sender <big-" + Api.newMobileDigits() + "@example.com>\r\nTo: sales@example.com\r\n"
                + "Subject: large\r\nMessage-ID: <big-" + System.nanoTime() + "@example.com>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + "line of text\r\n".repeat(150_000);
        given().contentType("message/rfc822").body(mail.getBytes(StandardCharsets.UTF_8)).post("/hooks/mail").then()
                .statusCode(not(equalTo(413))).statusCode(lessThan(500));
    }

    @Test
    void answersAreNotSniffed() {
        api().get("/api/leads").then().header("X-Content-Type-Options", equalTo("nosniff"));
        given().post("/hooks/nope").then().statusCode(404).header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotChangeTheRateLimitKey() {
        given().header("X-Forwarded-For", "198.51.100.7").formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form-xff").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.8").formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form-xff").then().statusCode(429);
        given().header("Forwarded", "for=198.51.100.9").formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form-xff").then().statusCode(429);
    }
}
