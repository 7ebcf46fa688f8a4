package io.leadgate.api;

import io.leadgate.inquiry.Limits;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No value is too long to store (CONTRACT §3, issue #20): every provider family, through the real hook, with
 * oversized names, emails, ids, Message-IDs, References, SIP URIs, sub-paths, handles, subjects, texts and
 * attachment names. Each delivery is stored once as an inquiry with a lead (never a 500, never kept for replay),
 * and its redelivery is recognised though its ids were hashed.
 */
@QuarkusTest
class OversizedValuesHookTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String RFC822 = "message/rfc822";

    /** One oversized delivery: how to post it (the same each time), find what it became, and what to check. */
    record Case(Supplier<Response> deliver, Supplier<JsonPath> stored, Consumer<JsonPath> facts) {
    }

    static Stream<Arguments> providers() {
        return Stream.of(Arguments.of("webform", webform()), Arguments.of("webform (tilda)", tilda()),
                Arguments.of("email", email()),
                Arguments.of("telephony (sipgate)", sipgate()), Arguments.of("messenger (telegram)", telegram()),
                Arguments.of("messenger (whatsapp)", whatsapp()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void oversizedDeliveryIsStoredOnceWithALead(String family, Case c) {
        for (int i = 0; i < 2; i++) {
            Response r = c.deliver().get();
            assertTrue(r.statusCode() == 200 || r.statusCode() == 202, family + " answered " + r.statusCode());
            assertTrue(!r.asString().contains("stored-for-replay"), family + " was kept for replay: " + r.asString());
        }
        JsonPath stored = c.stored().get();
        assertEquals(1, stored.getList("").size(), family + ": one inquiry, the redelivery changed nothing");
        assertNotNull(stored.get("[0].leadId"), family + ": the inquiry has a lead");
        c.facts().accept(stored);
    }

    /** A public form refuses a field over its guard's max-field-length (10,000 by default) with 413: stay below it. */
    private static Case webform() {
        String phone = "+7" + Api.newMobileDigits();
        String body = json(Map.of("name", "Имя".repeat(3000), "phone", phone,
                "email", "x".repeat(3000) + "@example.com", "message", "m".repeat(9_999),
                "utm_campaign", "c".repeat(5000)));
        return new Case(() -> given().contentType(ContentType.JSON).body(body)
                .post("/hooks/form/" + "s".repeat(3000)),
                () -> byContact("phone", phone),
                s -> assertClipped(s.getString("[0].contact.name"), Limits.NAME));
    }

    /** A server-to-server form provider has no field guard: any size is stored. */
    private static Case tilda() {
        String phone = "+7" + Api.newMobileDigits();
        String tranid = "1:" + phone.substring(1) + ":" + "t".repeat(3000);
        String body = "Name=" + "N".repeat(20_000) + "&Phone=" + phone.replace("+", "%2B") + "&Email=" + "e".repeat(2000)
                + "%40example.com&Comments=" + "c".repeat(300_000) + "&tranid=" + tranid;
        return new Case(() -> given().contentType(FORM).body(body).post("/hooks/tilda/tilda-token-1"),
                () -> byContact("phone", phone),
                s -> {
                    assertEquals(Limits.identifier(tranid), s.getString("[0].externalId"));
                    assertClipped(s.getString("[0].contact.name"), Limits.NAME);
                    assertClipped(s.getString("[0].text"), Limits.TEXT);
                });
    }

    private static Case email() {
        String seed = String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String from = "client." + seed + "." + "a".repeat(400) + "@client.example";
        String messageId = seed + "." + "m".repeat(3000) + "@client.example";
        StringBuilder references = new StringBuilder("References:");
        for (int i = 0; i < 300; i++) {
            references.append("\r\n <").append(i).append('.').append("r".repeat(300)).append("@client.example>");
        }
        String boundary = "b-" + seed;
        byte[] mail = ("From: " + "Name ".repeat(1000) + "<" + from + ">\r\nTo: sales@example.com\r\n"
                + "Subject: " + "Subject ".repeat(2000) + "\r\nMessage-ID: <" + messageId + ">\r\n" + references
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease call me back.\r\n"
                + "--" + boundary + "\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""
                + "f".repeat(1000) + ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String[] leadId = new String[1];
        return new Case(() -> {
            Response r = given().contentType(RFC822).body(mail).post("/hooks/mail");
            leadId[0] = leadId[0] == null ? r.path("leadId") : leadId[0];
            return r;
        }, () -> api().queryParam("leadId", leadId[0]).get("/api/inquiries").then().statusCode(200)
                .extract().jsonPath(),
                s -> {
                    assertClipped(s.getString("[0].subject"), Limits.SUBJECT);
                    assertEquals(Limits.THREAD_IDS, s.getList("[0].thread.references").size());
                    assertTrue(s.getString("[0].attachments[0].name").endsWith(".pdf"));
                    // the client's reply names the long Message-ID: it joins the same lead
                    byte[] reply = ("From: Client <" + from + ">\r\nTo: sales@example.com\r\n"
                            + "Subject: Re: offer\r\nMessage-ID: <r." + seed + "@client.example>\r\nIn-Reply-To: <"
                            + messageId + ">\r\n\r\nAnd me too.\r\n").getBytes(StandardCharsets.UTF_8);
                    assertEquals(leadId[0], given().contentType(RFC822).body(reply).post("/hooks/mail").then()
                            .statusCode(200).extract().path("leadId"));
                });
    }

    private static Case sipgate() {
        String seed = String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String callId = "c-" + seed + "-" + "9".repeat(3000);
        String body = "event=newCall&direction=in&from=4915" + String.format("%09d", ThreadLocalRandom.current()
                .nextInt(1_000_000_000)) + "&to=" + "sip%3A" + "l".repeat(2000) + "%40pbx.example&callId=" + callId
                + "&user%5B%5D=" + "u".repeat(3000);
        return new Case(() -> given().contentType(FORM).body(body).post("/hooks/sipgate/sg-token-1/" + "p".repeat(2000)),
                () -> {
                    JsonPath call = api().queryParam("channelId", "sipgate").queryParam("callId", Limits.identifier(callId))
                            .get("/api/calls").then().statusCode(200).body("", hasSize(1)).extract().jsonPath();
                    return api().queryParam("leadId", call.getString("[0].leadId")).get("/api/inquiries").then()
                            .statusCode(200).extract().jsonPath();
                },
                s -> assertEquals(Limits.identifier(callId), s.getString("[0].call.callId")));
    }

    private static Case telegram() {
        long updateId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        long userId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        String username = "u" + userId + "_".repeat(3000);
        String body = "{\"update_id\":" + updateId + ",\"message\":{\"from\":{\"id\":" + userId + ",\"first_name\":\""
                + "Я".repeat(10_000) + "\",\"last_name\":\"" + "L".repeat(10_000) + "\",\"username\":\"" + username
                + "\"},\"chat\":{\"id\":" + userId + ",\"type\":\"private\"},\"date\":1441645532,\"message_id\":5,"
                + "\"text\":\"" + "t".repeat(200_000) + "\"}}";
        return new Case(() -> given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "tg-Secret_1")
                .body(body).post("/hooks/tg"),
                () -> api().queryParam("channelId", "tg").queryParam("externalId", String.valueOf(updateId))
                        .get("/api/inquiries").then().statusCode(200).extract().jsonPath(),
                s -> {
                    assertClipped(s.getString("[0].contact.name"), Limits.NAME);
                    assertEquals(Limits.identifier(username), s.getString("[0].contact.handles[0].username"));
                    assertClipped(s.getString("[0].text"), Limits.TEXT);
                });
    }

    private static Case whatsapp() {
        String waId = "9725" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String wamid = "wamid." + waId + "." + "w".repeat(3000);
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1234567890987654321\",\"changes\":"
                + "[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"972123456789\","
                + "\"phone_number_id\":\"1122334455667\"},\"contacts\":[{\"profile\":{\"name\":\"" + "N".repeat(10_000)
                + "\"},\"wa_id\":\"" + waId + "\",\"user_id\":\"US." + "1".repeat(3000) + "\"}],\"messages\":[{\"from\":\""
                + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"1697043223\",\"text\":{\"body\":\""
                + "b".repeat(150_000) + "\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + io.leadgate.channel.Secrets.hex(io.leadgate.channel.Secrets.hmacSha256("wa-app-secret", body));
        return new Case(() -> given().contentType(ContentType.JSON).header("X-Hub-Signature-256", signature).body(body)
                .post("/hooks/wa"),
                () -> byContact("phone", "+" + waId),
                s -> {
                    assertEquals(Limits.identifier(wamid), s.getString("[0].externalId"));
                    assertClipped(s.getString("[0].contact.name"), Limits.NAME);
                });
    }

    private static JsonPath byContact(String key, String value) {
        String contactId = api().queryParam(key, value).get("/api/contacts").then().statusCode(200).body("", hasSize(1))
                .extract().path("[0].id");
        return api().queryParam("contactId", contactId).get("/api/inquiries").then().statusCode(200).extract().jsonPath();
    }

    private static void assertClipped(String value, int limit) {
        assertNotNull(value);
        assertEquals(limit, value.codePointCount(0, value.length()));
        assertTrue(value.endsWith(Limits.CLIP_MARKER), value.substring(value.length() - 20));
    }

    private static String json(Map<String, String> fields) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
