package io.leadgate.api;

import io.leadgate.testing.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Messenger samples from ../shared/conformance through preview and through the real hooks: the provider's
 * answer, verification (401, nothing stored) and redelivery (acknowledged, stored once).
 */
@QuarkusTest
class MessengerHookTest {

    private static final String TG_SECRET = "tg-Secret_1";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "tg-docs__message_text_start.json        | lead    | 10000     | 1111111   | /start",
            "tg-docs__message_forwarded.json         | lead    | 10000     | 1111111   | /start",
            "tg-docs__message_reply.json             | lead    | 10000     | 1111111   | /start",
            "tg-docs__message_document.json          | lead    | 10000     | 1111111   | -",
            "tg-docs__callback_query.json            | update  | 4382bfdwdsb323b2d9 | 1111111 | Data from button callback",
            "telegrambots-java__Update.json          | lead    | 10000     | 1111111   | Bold and italics",
            "zammad__private_start.json              | lead    | 1         | 111111    | /start",
            "zammad__private_text.json               | lead    | 5         | 111111    | Hello, I need your Help",
            "zammad__channel_text.json               | ignored | 10001     | -         | Hello, I need your Help",
            "captured-php-comment__supergroup_text.json | lead | 145511648 | 526634663 | Hi p bot",
    })
    void telegramPreview(String file, String kind, String key, String userId, String text) {
        var json = api().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)
                .body(Conformance.bytes("messengers/telegram/" + file))
                .post("/api/channels/tg/preview").then().statusCode(200)
                .body("verified", equalTo(true))
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo(kind))
                .body("items[0].channel", equalTo("messenger"))
                .body("items[0].provider", equalTo("telegram"))
                .body("items[0].text", equalTo(text))
                .extract().jsonPath();
        if (!"ignored".equals(kind)) {
            org.junit.jupiter.api.Assertions.assertTrue(json.getString("items[0].externalId").contains(key));
            org.junit.jupiter.api.Assertions.assertEquals(userId, json.getString("items[0].contact.handles[0].id"));
        }
    }

    @Test
    void telegramHookStoresOnceAndRejectsWrongSecret() {
        long updateId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        long userId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        String body = new String(Conformance.bytes("messengers/telegram/zammad__private_text.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"update_id\":\\s*5,", "\"update_id\": " + updateId + ",").replace("111111", String.valueOf(userId));
        given().contentType(ContentType.JSON).body(body).post("/hooks/tg").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "wrong").body(body)
                .post("/hooks/tg").then().statusCode(401);
        api().queryParam("handle", "telegram:" + userId).get("/api/contacts").then().body("", hasSize(0));
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", TG_SECRET).body(body)
                    .post("/hooks/tg").then().statusCode(200);
        }
        String contactId = api().queryParam("handle", "telegram:" + userId).get("/api/contacts").then()
                .body("", hasSize(1)).body("[0].handles[0].provider", equalTo("telegram"))
                .extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", hasSize(1))
                .body("[0].externalId", equalTo(String.valueOf(updateId)));
        api().queryParam("contactId", contactId).get("/api/leads").then().body("", hasSize(1));
    }

    @Test
    void vkConfirmationAnswersTheCode() {
        given().contentType(ContentType.JSON).body(Conformance.bytes("messengers/vk/vksdk__confirmation_with_secret.json"))
                .post("/hooks/vk").then().statusCode(200).body(equalTo("confirmation_123456"));
        given().contentType(ContentType.JSON).body(Conformance.bytes("messengers/vk/vksdk__confirmation.json"))
                .post("/hooks/vk").then().statusCode(401);
    }

    @Test
    void vkMessageIsAnsweredOkAndStoredOnce() {
        long fromId = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000L);
        String eventId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        String body = new String(Conformance.bytes("messengers/vk/captured-php-fixture__message_new_private.json"),
                StandardCharsets.UTF_8)
                .replace("228970688", String.valueOf(fromId))
                .replace("\"group_id\":193668024", "\"group_id\":123456,\"secret\":\"secret_123456\"")
                .replace("b0c936fa537622981a096bd5e38a252e7cac0d20", eventId);
        given().contentType(ContentType.JSON).body(body.replace("secret_123456", "secret_654321"))
                .post("/hooks/vk").then().statusCode(401);
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(body).post("/hooks/vk").then().statusCode(200).body(equalTo("ok"));
        }
        String contactId = api().queryParam("handle", "vk:" + fromId).get("/api/contacts").then()
                .body("", hasSize(1)).extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", hasSize(1))
                .body("[0].text", equalTo("ПриВеТ")).body("[0].externalId", equalTo(eventId));
    }

    @Test
    void whatsappHandshakeSignatureAndRedelivery() throws Exception {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wa-verify")
                .queryParam("hub.challenge", "1158201444").get("/hooks/wa").then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "nope")
                .queryParam("hub.challenge", "1").get("/hooks/wa").then().statusCode(403);
        String waId = "9725" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String wamid = "wamid.test" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        byte[] body = new String(Conformance.bytes("messengers/whatsapp/pywa__message__text.json"), StandardCharsets.UTF_8)
                .replace("972987654321", waId).replace("wamid.xyzxyz", wamid).getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + hmacHex("wa-app-secret", body);
        byte[] changed = body.clone();
        changed[changed.length / 2] ^= 1;
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", signature).body(changed)
                .post("/hooks/wa").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/hooks/wa").then().statusCode(401);
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", signature).body(body)
                    .post("/hooks/wa").then().statusCode(200);
        }
        String contactId = api().queryParam("phone", "+" + waId).get("/api/contacts").then().body("", hasSize(1))
                .body("[0].handles[0].id", equalTo(waId)).extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", hasSize(1))
                .body("[0].externalId", equalTo(wamid)).body("[0].text", equalTo("Body Text"));
    }

    @Test
    void viberSignedMessageIsStoredOnce() throws Exception {
        byte[] body = new String(Conformance.bytes("messengers/viber/viber-bot-python__unicode_request.json"),
                StandardCharsets.UTF_8).replace("4912661846655238145",
                String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE)))
                .getBytes(StandardCharsets.UTF_8);
        String signature = hmacHex("viber-auth-token", body);
        given().contentType(ContentType.JSON).header("X-Viber-Content-Signature", hmacHex("wrong", body)).body(body)
                .post("/hooks/viber").then().statusCode(401);
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("X-Viber-Content-Signature", signature).body(body)
                    .post("/hooks/viber").then().statusCode(200);
        }
        api().queryParam("handle", "viber:01234567890A=").get("/api/contacts").then().body("", hasSize(1));
    }

    private static String hmacHex(String key, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
