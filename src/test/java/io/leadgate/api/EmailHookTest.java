package io.leadgate.api;

import io.leadgate.intake.IdempotencyPurge;
import io.leadgate.testing.Conformance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw mail through the real hook: every sample, redelivery (also late), threads, bounces and classified mail. */
@QuarkusTest
class EmailHookTest {

    @Inject
    IdempotencyPurge purge;

    private static final String RFC822 = "message/rfc822";

    @Test
    void everySampleIsAcceptedAndARedeliveryChangesNothing() {
        for (Path file : Conformance.files("email", ".eml")) {
            byte[] raw = Conformance.bytes("email/" + file.getFileName());
            String first = given().contentType(RFC822).body(raw).post("/hooks/mail").then().statusCode(200)
                    .extract().path("status");
            String second = given().contentType(RFC822).body(raw).post("/hooks/mail").then().statusCode(200)
                    .extract().path("status");
            assertTrue(List.of("accepted", "ignored", "duplicate").contains(first), file + ": " + first);
            assertEquals("duplicate", second, file + ": a redelivery, also of mail classified away, changes nothing");
        }
        given().contentType(RFC822).body(Conformance.bytes("email/imap_tools__forwarded_message.eml"))
                .post("/hooks/mail").then().body("status", equalTo("duplicate"));
    }

    @Test
    void replyFromTheClientJoinsTheThreadsLead() {
        String id = "q" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        String client = "anna." + id.hashCode() + "@client.example";
        String first = given().contentType(RFC822).body(mail(client, id, null))
                .post("/hooks/mail").then().statusCode(200).body("status", equalTo("accepted")).extract().path("leadId");
        String reply = given().contentType(RFC822).body(mail(client.toUpperCase(java.util.Locale.ROOT), "r-" + id, id))
                .post("/hooks/mail").then().statusCode(200).extract().path("leadId");
        assertEquals(first, reply);
        api().get("/api/leads/" + first).then().body("inquiryCount", equalTo(2));
    }

    @Test
    void replyInTheThreadFromSomeoneElseIsTheirOwnInquiry() {
        String id = "q" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        String first = given().contentType(RFC822).body(mail("anna." + id.hashCode() + "@client.example", id, null))
                .post("/hooks/mail").then().statusCode(200).body("status", equalTo("accepted")).extract().path("leadId");
        String reply = given().contentType(RFC822)
                .body(mail("colleague." + id.hashCode() + "@client.example", "r-" + id, id))
                .post("/hooks/mail").then().statusCode(200).extract().path("leadId");
        assertNotEquals(first, reply, "a third party quoting the thread does not join the client's lead");
        api().get("/api/leads/" + first).then().body("inquiryCount", equalTo(1));
    }

    @Test
    void withThreadRepliesAnyoneAReplyFromAnotherAddressJoins() {
        String id = "q" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        String first = given().contentType(RFC822).body(mail("anna." + id.hashCode() + "@client.example", id, null))
                .post("/hooks/mail-anyone").then().statusCode(200).body("status", equalTo("accepted"))
                .extract().path("leadId");
        String reply = given().contentType(RFC822)
                .body(mail("colleague." + id.hashCode() + "@client.example", "r-" + id, id))
                .post("/hooks/mail-anyone").then().statusCode(200).extract().path("leadId");
        assertEquals(first, reply);
    }

    @Test
    void redeliveryAfterTheKeyTableForgotItIsStillADuplicate() {
        String id = "late" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        byte[] raw = mail("late." + id.hashCode() + "@client.example", id, null);
        String inquiry = given().contentType(RFC822).body(raw).post("/hooks/mail").then()
                .body("status", equalTo("accepted")).extract().path("inquiryId");
        purge.purgeExpired(Instant.now().plus(Duration.ofDays(400))); // long past leadgate.idempotency.retention
        given().contentType(RFC822).body(raw).post("/hooks/mail").then()
                .body("status", equalTo("duplicate")).body("inquiryId", equalTo(inquiry));
        api().queryParam("channelId", "mail").queryParam("limit", 1000).get("/api/inquiries").then()
                .body("findAll { it.externalId == '" + id + "' }", hasSize(1));
    }

    @Test
    void autoReplyIsKeptAsAClassifiedEnvelopeReviewedAndReplayedAsALead() {
        String id = "auto" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        String from = "away." + id.hashCode() + "@client.example";
        byte[] raw = ("From: Away <" + from + ">\r\nTo: sales@example.com\r\nSubject: Out of office\r\n"
                + "Auto-Submitted: auto-replied\r\nMessage-ID: <" + id + ">\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nI am away until Monday. Call +7 916 123-45-67.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType(RFC822).body(raw).post("/hooks/mail").then().statusCode(200).body("status", equalTo("ignored"));
        String envelope = classified(id);
        assertEquals(1, classifiedCount(id));

        purge.purgeExpired(Instant.now().plus(Duration.ofDays(400)));
        given().contentType(RFC822).body(raw).post("/hooks/mail").then().statusCode(200)
                .body("status", equalTo("duplicate"));
        assertEquals(1, classifiedCount(id), "a redelivery, however late, keeps no second copy");

        api().post("/api/envelopes/" + envelope + "/replay").then().statusCode(200)
                .body("status", equalTo("classified")).body("reason", equalTo("auto-reply"));
        api().queryParam("as", "client").post("/api/envelopes/" + envelope + "/replay").then().statusCode(400);
        String lead = api().queryParam("as", "lead").post("/api/envelopes/" + envelope + "/replay").then()
                .statusCode(200).body("status", equalTo("processed")).body("items[0].result", equalTo("lead_created"))
                .extract().path("items[0].leadId");
        assertNotNull(lead);
        assertEquals(0, classifiedCount(id), "processed now");
        api().post("/api/envelopes/" + envelope + "/replay").then().statusCode(409);
    }

    @Test
    void mailThatOnlyClaimsToBeABounceMarksNothing() {
        String address = "claimed." + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        given().contentType(RFC822).body(mail(address, "c" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
                + "@client.example", null)).post("/hooks/mail").then().statusCode(200);
        byte[] fake = ("From: Mail Delivery System <MAILER-DAEMON@mx.other.example>\r\nTo: sales@example.com\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nX-Failed-Recipients: " + address + "\r\n"
                + "Message-ID: <fake-" + address + ">\r\nContent-Type: text/plain\r\n\r\n<" + address
                + ">: 550 user unknown\r\n").getBytes(StandardCharsets.UTF_8);
        given().contentType(RFC822).body(fake).post("/hooks/mail").then().statusCode(200).body("status", equalTo("ignored"));
        api().queryParam("email", address).get("/api/contacts").then().body("", hasSize(1))
                .body("[0].undeliverableEmails", hasSize(0));
        assertEquals(1, classifiedCount("fake-" + address), "kept for review as a bounce");
    }

    /** The id of the classified envelope whose body holds {@code marker}. */
    private static String classified(String marker) {
        List<Map<String, Object>> kept = classifiedWith(marker);
        assertEquals(1, kept.size());
        assertEquals("auto-reply", kept.get(0).get("reason"));
        return (String) kept.get(0).get("id");
    }

    private static int classifiedCount(String marker) {
        return classifiedWith(marker).size();
    }

    /** The classified envelopes of channel {@code mail} whose body holds {@code marker}, as the envelopes API lists them. */
    private static List<Map<String, Object>> classifiedWith(String marker) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> io.leadgate.intake.Envelope
                .<io.leadgate.intake.Envelope>find("status = ?1 and channelId = 'mail'",
                        io.leadgate.intake.Envelope.Status.CLASSIFIED).stream()
                .filter(e -> new String(e.body, StandardCharsets.UTF_8).contains(marker))
                .map(e -> String.valueOf(e.id)).toList());
        if (ids.isEmpty()) {
            return List.of();
        }
        return api().queryParam("status", "classified").queryParam("channelId", "mail").queryParam("limit", 1000)
                .get("/api/envelopes").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                .stream().filter(v -> ids.contains(String.valueOf(v.get("id")))).toList();
    }

    private static byte[] mail(String from, String messageId, String inReplyTo) {
        return ("From: Client <" + from + ">\r\nTo: sales@example.com\r\nSubject: Re: offer\r\nMessage-ID: <" + messageId
                + ">\r\n" + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n")
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nWhat about the price?\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
