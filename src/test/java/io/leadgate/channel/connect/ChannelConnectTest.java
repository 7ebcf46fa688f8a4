package io.leadgate.channel.connect;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.channel.connect.ChannelApiProfile.PUBLIC_URL;
import static io.leadgate.channel.connect.ProviderWireMock.server;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * "Connect" against WireMock answering with each provider's documented answers (success and failure), asserting the
 * exact requests sent.
 */
@QuarkusTest
@TestProfile(ChannelApiProfile.class)
class ChannelConnectTest {

    private static final String BOT = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    @AfterEach
    void reset() {
        server.resetAll();
    }

    static String newId(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static void create(String body) {
        api().contentType(ContentType.JSON).body(body).post("/api/channels").then().statusCode(201);
    }

    static String telegram(String id) {
        create("{\"id\":\"" + id + "\",\"provider\":\"telegram\",\"settings\":{\"secret-token\":\"Hook_S3cret\","
                + "\"bot-token\":\"" + BOT + "\"}}");
        return PUBLIC_URL + "/hooks/" + id;
    }

    @Test
    void telegramSetsTheWebhookWithSecretAndUpdatesThenReadsItBack() {
        String id = newId("tg");
        String url = telegram(id);
        server.stubFor(post(urlEqualTo("/telegram/bot" + BOT + "/setWebhook"))
                .willReturn(json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));
        server.stubFor(post(urlEqualTo("/telegram/bot" + BOT + "/getWebhookInfo")).willReturn(json(200,
                "{\"ok\":true,\"result\":{\"url\":\"" + url + "\",\"has_custom_certificate\":false,"
                        + "\"pending_update_count\":3,\"last_error_date\":1700000000,\"last_error_message\":"
                        + "\"Wrong response from the webhook: 503 Service Unavailable\",\"max_connections\":40,"
                        + "\"ip_address\":\"203.0.113.7\",\"allowed_updates\":[\"message\",\"edited_message\","
                        + "\"callback_query\",\"my_chat_member\"]}}")));
        String answer = api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("connected")).body("url", equalTo(url))
                .body("steps", hasSize(2)).body("steps[0].call", equalTo("setWebhook"))
                .body("steps[0].detail", equalTo("Webhook was set"))
                .body("facts.urlMatches", equalTo(true)).body("facts.pendingUpdateCount", equalTo(3))
                .body("facts.lastErrorMessage", containsString("503"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains(BOT) || answer.contains("Hook_S3cret"));
        server.verify(1, postRequestedFor(urlEqualTo("/telegram/bot" + BOT + "/setWebhook"))
                .withHeader("Content-Type", WireMock.equalTo("application/json"))
                .withRequestBody(equalToJson("{\"url\":\"" + url + "\",\"secret_token\":\"Hook_S3cret\","
                        + "\"allowed_updates\":[\"message\",\"edited_message\",\"callback_query\",\"my_chat_member\"]}")));
        server.verify(1, postRequestedFor(urlEqualTo("/telegram/bot" + BOT + "/getWebhookInfo")));
        api().get("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("connected")).body("checkedAt", notNullValue());
    }

    @Test
    void telegramRefusalIsReportedWithItsCodeAndDescription() {
        String id = newId("tg");
        telegram(id);
        server.stubFor(post(urlEqualTo("/telegram/bot" + BOT + "/setWebhook"))
                .willReturn(json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("failed")).body("steps", hasSize(1))
                .body("steps[0].ok", equalTo(false)).body("steps[0].detail", equalTo("401 Unauthorized"));
        server.verify(0, postRequestedFor(urlEqualTo("/telegram/bot" + BOT + "/getWebhookInfo")));
        api().get("/api/channels/" + id + "/connect").then().body("detail", equalTo("setWebhook: 401 Unauthorized"));
    }

    @Test
    void telegramWebhookHeldForAnotherUrlFails() {
        String id = newId("tg");
        telegram(id);
        server.stubFor(post(urlEqualTo("/telegram/bot" + BOT + "/setWebhook"))
                .willReturn(json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook is already set\"}")));
        server.stubFor(post(urlEqualTo("/telegram/bot" + BOT + "/getWebhookInfo")).willReturn(json(200,
                "{\"ok\":true,\"result\":{\"url\":\"https://other.example/hook\",\"has_custom_certificate\":false,"
                        + "\"pending_update_count\":0}}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("failed")).body("facts.urlMatches", equalTo(false))
                .body("facts.lastErrorMessage", nullValue());
    }

    @Test
    void publicUrlFromTheBodyAndMissingSettingsAndStates() {
        String id = newId("tg");
        telegram(id);
        server.stubFor(post(urlEqualTo("/telegram/bot" + BOT + "/setWebhook"))
                .willReturn(json(400, "{\"ok\":false,\"error_code\":400,\"description\":"
                        + "\"Bad Request: bad webhook: An HTTPS URL must be provided for webhook\"}")));
        api().contentType(ContentType.JSON).body("{\"publicUrl\":\"https://gw.example/base/\"}")
                .post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("url", equalTo("https://gw.example/base/hooks/" + id)).body("state", equalTo("failed"))
                .body("steps[0].detail", containsString("400 Bad Request"));
        server.verify(postRequestedFor(urlEqualTo("/telegram/bot" + BOT + "/setWebhook"))
                .withRequestBody(containing("https://gw.example/base/hooks/" + id)));
        api().contentType(ContentType.JSON).body("{\"publicUrl\":\"ftp://x\"}")
                .post("/api/channels/" + id + "/connect").then().statusCode(400);
        // the file channel tg has no bot-token: connect names the key it needs
        api().post("/api/channels/tg/connect").then().statusCode(409)
                .body("error", containsString("settings.bot-token"));
        api().post("/api/channels/form-disabled/connect").then().statusCode(409).body("error", containsString("disabled"));
        api().post("/api/channels/" + newId("none") + "/connect").then().statusCode(404);
    }

    @Test
    void viberSetsTheWebhookWithItsTokenAndEventTypes() {
        String id = newId("viber");
        create("{\"id\":\"" + id + "\",\"provider\":\"viber\",\"settings\":{\"auth-token\":\"445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9\"}}");
        String url = PUBLIC_URL + "/hooks/" + id;
        server.stubFor(post(urlEqualTo("/viber/pa/set_webhook")).willReturn(json(200, "{\"status\":0,"
                + "\"status_message\":\"ok\",\"chat_hostname\":\"SN-CHAT-01_\",\"event_types\":[\"subscribed\","
                + "\"conversation_started\",\"message\",\"webhook\"]}")));
        server.stubFor(post(urlEqualTo("/viber/pa/get_account_info")).willReturn(json(200, "{\"status\":0,"
                + "\"status_message\":\"ok\",\"id\":\"pa:75346594275468546724\",\"name\":\"Shop\",\"uri\":\"shop\","
                + "\"category\":\"Shopping\",\"country\":\"UK\",\"webhook\":\"" + url + "\","
                + "\"event_types\":[\"subscribed\",\"conversation_started\"],\"subscribers_count\":35}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("connected")).body("facts.urlMatches", equalTo(true))
                .body("facts.accountName", equalTo("Shop"));
        server.verify(postRequestedFor(urlEqualTo("/viber/pa/set_webhook"))
                .withHeader("X-Viber-Auth-Token", WireMock.equalTo("445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"))
                .withRequestBody(equalToJson("{\"url\":\"" + url + "\",\"event_types\":[\"subscribed\","
                        + "\"conversation_started\"],\"send_name\":true,\"send_photo\":false}")));
    }

    @Test
    void viberRefusedTokenFails() {
        String id = newId("viber");
        create("{\"id\":\"" + id + "\",\"provider\":\"viber\",\"settings\":{\"auth-token\":\"bad\"}}");
        server.stubFor(post(urlEqualTo("/viber/pa/set_webhook"))
                .willReturn(json(200, "{\"status\":2,\"status_message\":\"invalidAuthToken\"}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("failed")).body("steps[0].detail", equalTo("2 invalidAuthToken"));
    }

    @Test
    void vkTakesTheConfirmationCodeAddsTheServerAndTurnsOnTheEvents() {
        String id = newId("vk");
        create("{\"id\":\"" + id + "\",\"provider\":\"vk\",\"settings\":{\"confirmation\":\"old-code\","
                + "\"secret\":\"vk_Secret_1\",\"group-id\":\"123456\",\"access-token\":\"vk1.a.community-token\"}}");
        String url = PUBLIC_URL + "/hooks/" + id;
        server.stubFor(post(urlEqualTo("/vk/method/groups.getCallbackConfirmationCode"))
                .willReturn(json(200, "{\"response\":{\"code\":\"a1b2c3d4\"}}")));
        server.stubFor(post(urlEqualTo("/vk/method/groups.getCallbackServers")).atPriority(5)
                .willReturn(json(200, "{\"response\":{\"count\":0,\"items\":[]}}")));
        server.stubFor(post(urlEqualTo("/vk/method/groups.getCallbackServers")).atPriority(1)
                .withRequestBody(containing("server_ids=3"))
                .willReturn(json(200, "{\"response\":{\"count\":1,\"items\":[{\"id\":3,\"title\":\"Leadgate\","
                        + "\"creator_id\":1,\"url\":\"" + url + "\",\"secret_key\":\"vk_Secret_1\",\"status\":\"ok\"}]}}")));
        server.stubFor(post(urlEqualTo("/vk/method/groups.addCallbackServer"))
                .willReturn(json(200, "{\"response\":{\"server_id\":3}}")));
        server.stubFor(post(urlEqualTo("/vk/method/groups.setCallbackSettings"))
                .willReturn(json(200, "{\"response\":1}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("connected")).body("facts.serverId", equalTo(3))
                .body("facts.serverStatus", equalTo("ok")).body("facts.confirmationUpdated", equalTo(true));
        server.verify(postRequestedFor(urlEqualTo("/vk/method/groups.getCallbackConfirmationCode"))
                .withRequestBody(WireMock.equalTo("group_id=123456&access_token=vk1.a.community-token&v=5.199")));
        server.verify(postRequestedFor(urlEqualTo("/vk/method/groups.addCallbackServer"))
                .withRequestBody(WireMock.equalTo("group_id=123456&url=" + java.net.URLEncoder.encode(url,
                        java.nio.charset.StandardCharsets.UTF_8) + "&title=Leadgate&secret_key=vk_Secret_1"
                        + "&access_token=vk1.a.community-token&v=5.199")));
        server.verify(postRequestedFor(urlEqualTo("/vk/method/groups.setCallbackSettings"))
                .withRequestBody(WireMock.equalTo("group_id=123456&server_id=3&api_version=5.199&message_new=1"
                        + "&message_reply=1&message_edit=1&message_event=1&message_allow=1&message_deny=1"
                        + "&access_token=vk1.a.community-token&v=5.199")));
        // the stored confirmation is the community's: VK's confirmation request is answered with it
        given().contentType(ContentType.JSON).body("{\"type\":\"confirmation\",\"group_id\":123456,"
                        + "\"secret\":\"vk_Secret_1\"}")
                .post("/hooks/" + id).then().statusCode(200).body(equalTo("a1b2c3d4"));
    }

    @Test
    void vkRefusedTokenAndFileChannelWithAnotherCode() {
        String id = newId("vk");
        create("{\"id\":\"" + id + "\",\"provider\":\"vk\",\"settings\":{\"confirmation\":\"a1b2c3d4\","
                + "\"group-id\":\"123456\",\"access-token\":\"expired\"}}");
        server.stubFor(post(urlEqualTo("/vk/method/groups.getCallbackConfirmationCode")).willReturn(json(200,
                "{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed: invalid access_token (4).\","
                        + "\"request_params\":[{\"key\":\"method\",\"value\":\"groups.getCallbackConfirmationCode\"}]}}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200).body("state", equalTo("failed"))
                .body("steps[0].detail", equalTo("5 User authorization failed: invalid access_token (4)."));
        // the file channel vk has no access token
        api().post("/api/channels/vk/connect").then().statusCode(409).body("error", containsString("settings.access-token"));
    }

    @Test
    void avitoTakesATokenAndSubscribesTheUrlWithItsSecretPath() {
        String id = newId("avito");
        create("{\"id\":\"" + id + "\",\"provider\":\"avito\",\"settings\":{\"secret\":\"av1to-path\","
                + "\"client-id\":\"cl-1\",\"client-secret\":\"cl-s3cret\"}}");
        String url = PUBLIC_URL + "/hooks/" + id + "/av1to-path";
        server.stubFor(post(urlEqualTo("/avito/token")).willReturn(json(200,
                "{\"access_token\":\"kV3nT0k3n\",\"expires_in\":86400,\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlEqualTo("/avito/messenger/v3/webhook")).willReturn(json(200, "{\"ok\":true}")));
        server.stubFor(post(urlEqualTo("/avito/messenger/v1/subscriptions")).willReturn(json(200,
                "{\"subscriptions\":[{\"url\":\"" + url + "\",\"version\":\"3\"}]}")));
        String answer = api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("connected")).body("url", equalTo(PUBLIC_URL + "/hooks/" + id + "/{secret}"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("av1to-path"));
        server.verify(postRequestedFor(urlEqualTo("/avito/token"))
                .withRequestBody(WireMock.equalTo("grant_type=client_credentials&client_id=cl-1&client_secret=cl-s3cret")));
        server.verify(postRequestedFor(urlEqualTo("/avito/messenger/v3/webhook"))
                .withHeader("Authorization", WireMock.equalTo("Bearer kV3nT0k3n"))
                .withRequestBody(equalToJson("{\"url\":\"" + url + "\"}")));
    }

    @Test
    void avitoRefusedCredentialsFail() {
        String id = newId("avito");
        create("{\"id\":\"" + id + "\",\"provider\":\"avito\",\"settings\":{\"client-id\":\"cl-1\","
                + "\"client-secret\":\"wrong\"}}");
        server.stubFor(post(urlEqualTo("/avito/token")).willReturn(json(400,
                "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}")));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200).body("state", equalTo("failed"))
                .body("steps[0].detail", equalTo("400 invalid_client: client authentication failed"));
    }

    @Test
    void metaAnswersWhatToPasteAndWatchesTheHandshake() {
        String id = newId("wa");
        create("{\"id\":\"" + id + "\",\"provider\":\"whatsapp\",\"settings\":{\"app-secret\":\"wa-app-s3cret\","
                + "\"verify-token\":\"wa-verify-123\"}}");
        String answer = api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("state", equalTo("manual")).body("facts.callbackUrl", equalTo(PUBLIC_URL + "/hooks/" + id))
                .body("facts.verifyToken", equalTo("wa-verify-123")).body("facts.subscribeFields[0]", equalTo("messages"))
                .body("facts.handshakeSeen", equalTo(false)).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("wa-app-s3cret"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wa-verify-123")
                .queryParam("hub.challenge", "1158201444").get("/hooks/" + id).then().statusCode(200)
                .body(equalTo("1158201444"));
        api().post("/api/channels/" + id + "/connect").then().statusCode(200)
                .body("facts.handshakeSeen", equalTo(true)).body("facts.handshakeSeenAt", notNullValue());
        api().get("/api/channels/" + id + "/connect").then().body("handshakeSeenAt", notNullValue());
        api().post("/api/channels/form/connect").then().statusCode(200).body("state", equalTo("manual"))
                .body("facts.note", containsString("no webhook registration API"))
                .body("facts.verifyToken", nullValue()).body("steps", hasSize(0));
        api().get("/api/channels/" + id).then().body(not(containsString("wa-verify-123")));
    }
}
