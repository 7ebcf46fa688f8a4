package io.leadgate.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.channel.email.AttachmentPolicyTest.SMALL;
import static io.leadgate.channel.email.AttachmentPolicyTest.mail;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A channel with {@code attachments: store}: contents under the limit are kept with the inquiry and readable. */
@QuarkusTest
class AttachmentContentTest {

    @Test
    void storedAttachmentIsServedAndOneOverTheLimitIsNot() {
        String id = "att-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@example.com";
        String inquiryId = given().contentType("message/rfc822").body(mail(id)).post("/hooks/mail-store")
                .then().statusCode(200).body("status", equalTo("accepted")).extract().path("inquiryId");
        api().queryParam("channelId", "mail-store").queryParam("externalId", id).get("/api/inquiries").then()
                .body("[0].attachments[0].stored", equalTo(true))
                .body("[0].attachments[1].stored", equalTo(null));
        byte[] content = api().get("/api/inquiries/" + inquiryId + "/attachments/0").then().statusCode(200)
                .contentType(containsString("application/pdf"))
                .header("Content-Disposition", containsString("quote.pdf"))
                .extract().asByteArray();
        assertArrayEquals(SMALL, content);
        api().get("/api/inquiries/" + inquiryId + "/attachments/1").then().statusCode(404);
        given().get("/api/inquiries/" + inquiryId + "/attachments/0").then().statusCode(401);
    }

    @Test
    void channelThatDropsContentsKeepsNone() {
        String id = "att-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@example.com";
        String inquiryId = given().contentType("message/rfc822").body(mail(id)).post("/hooks/mail")
                .then().statusCode(200).extract().path("inquiryId");
        api().get("/api/inquiries/" + inquiryId + "/attachments/0").then().statusCode(404);
    }
}
