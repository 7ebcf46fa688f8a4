package io.leadgate.api;

import io.leadgate.testing.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw mail through the real hook: every sample, redelivery, threads and bounces. */
@QuarkusTest
class EmailHookTest {

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
            assertEquals("ignored".equals(first) ? "ignored" : "duplicate", second, file.toString());
        }
        given().contentType(RFC822).body(Conformance.bytes("email/imap_tools__forwarded_message.eml"))
                .post("/hooks/mail").then().body("status", equalTo("duplicate"));
    }

    @Test
    void followUpFromAnotherAddressJoinsTheThreadsLead() {
        String id = "q" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        String first = given().contentType(RFC822).body(mail("anna." + id.hashCode() + "@client.example", id, null))
                .post("/hooks/mail").then().statusCode(200).body("status", equalTo("accepted")).extract().path("leadId");
        String reply = given().contentType(RFC822)
                .body(mail("colleague." + id.hashCode() + "@client.example", "r-" + id, id))
                .post("/hooks/mail").then().statusCode(200).extract().path("leadId");
        assertEquals(first, reply);
        api().get("/api/leads/" + first).then().body("inquiryCount", equalTo(2));
    }

    @Test
    void bounceMarksTheAddressUndeliverable() {
        String address = "bbbbvhvbbvkjbhfbvbvjhb@gmail.com";
        given().contentType(RFC822).body(mail(address, "b" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
                + "@gmail.com", null)).post("/hooks/mail").then().statusCode(200);
        given().contentType(RFC822).body(Conformance.bytes("email/mikel-mail__multi_address_bounce1.eml"))
                .post("/hooks/mail").then().statusCode(200).body("status", equalTo("ignored"));
        api().queryParam("email", address).get("/api/contacts").then().body("", hasSize(1))
                .body("[0].undeliverableEmails", hasItem(address));
    }

    private static byte[] mail(String from, String messageId, String inReplyTo) {
        return ("From: Client <" + from + ">\r\nTo: sales@example.com\r\nSubject: Re: offer\r\nMessage-ID: <" + messageId
                + ">\r\n" + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n")
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nWhat about the price?\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
