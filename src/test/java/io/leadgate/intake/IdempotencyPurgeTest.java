package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A content hash (a form without a provider key) stops a double submit only within the short content window: the
 * same post later is a new inquiry. A provider key (a Message-ID) is a duplicate for good, also after the key table
 * forgot it.
 */
@QuarkusTest
class IdempotencyPurgeTest {

    @Inject
    IdempotencyPurge purge;

    @Test
    void theSameFormAgainAfterTheDoubleSubmitWindowIsANewInquiry() {
        String body = "{\"phone\":\"+7" + Api.newMobileDigits() + "\",\"message\":\"once\"}";
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("accepted"));
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("duplicate"));
        purge.purgeExpired(Instant.now().plus(Duration.ofMinutes(61))); // leadgate.idempotency.content-window: 1 h
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("accepted"));
    }

    @Test
    void anExpiredContentKeyNotYetPurgedIsClaimedAgain() {
        String body = "{\"phone\":\"+7" + Api.newMobileDigits() + "\",\"message\":\"twice\"}";
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("accepted"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Envelope.getEntityManager()
                .createNativeQuery("update idempotency_key set expires_at = ?1 where channel_id = 'form' "
                        + "and key_value like 'sha256:%' and created_at > ?2")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, Instant.now().minusSeconds(60))
                .executeUpdate());
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().body("status", equalTo("accepted"));
    }

    @Test
    void aMessengerUpdateRedeliveredAfterTheRetentionIsNoSecondInquiry() {
        long updateId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        long userId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        String body = new String(io.leadgate.testing.Conformance.bytes("messengers/telegram/zammad__private_text.json"),
                StandardCharsets.UTF_8).replaceFirst("\"update_id\":\\s*5,", "\"update_id\": " + updateId + ",")
                .replace("111111", String.valueOf(userId));
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "tg-Secret_1").body(body)
                .post("/hooks/tg").then().statusCode(200);
        purge.purgeExpired(Instant.now().plus(Duration.ofDays(30)));
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "tg-Secret_1").body(body)
                .post("/hooks/tg").then().statusCode(200);
        String contactId = Api.api().queryParam("handle", "telegram:" + userId).get("/api/contacts").then()
                .body("", org.hamcrest.Matchers.hasSize(1)).extract().path("[0].id");
        Api.api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", org.hamcrest.Matchers.hasSize(1));
        Api.api().queryParam("contactId", contactId).get("/api/leads").then()
                .body("", org.hamcrest.Matchers.hasSize(1)).body("[0].inquiryCount", equalTo(1));
    }

    @Test
    void aProviderKeyIsADuplicateAfterTheRetention() {
        String id = "keep" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        byte[] mail = ("From: Client <c." + id.hashCode() + "@client.example>\r\nMessage-ID: <" + id + ">\r\n"
                + "Subject: price\r\n\r\nHow much?\r\n").getBytes(StandardCharsets.UTF_8);
        given().contentType("message/rfc822").body(mail).post("/hooks/mail").then().body("status", equalTo("accepted"));
        purge.purgeExpired(Instant.now().plus(Duration.ofDays(9))); // past leadgate.idempotency.retention (8 days)
        given().contentType("message/rfc822").body(mail).post("/hooks/mail").then().body("status", equalTo("duplicate"));
    }
}
