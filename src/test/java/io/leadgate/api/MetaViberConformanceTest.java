package io.leadgate.api;

import io.leadgate.testing.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

/** Every WhatsApp, Messenger and Viber sample, correctly signed, through preview and through the hook. */
@QuarkusTest
class MetaViberConformanceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wa    | whatsapp/pywa__message__text.json                  | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__contacts.json              | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__reply.json                 | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__referral.json              | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__image.json                 | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__current_location.json      | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__forwarded.json             | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__message__unsupported.json           | X-Hub-Signature-256 | wa-app-secret    | lead",
            "wa    | whatsapp/pywa__callback_button__button.json        | X-Hub-Signature-256 | wa-app-secret    | update",
            "wa    | whatsapp/pywa__callback_button__quick_reply.json   | X-Hub-Signature-256 | wa-app-secret    | update",
            "wa    | whatsapp/pywa__callback_selection__callback.json   | X-Hub-Signature-256 | wa-app-secret    | update",
            "wa    | whatsapp/pywa__message_status__sent.json           | X-Hub-Signature-256 | wa-app-secret    | ignored",
            "wa    | whatsapp/pywa__message_status__delivered.json      | X-Hub-Signature-256 | wa-app-secret    | ignored",
            "wa    | whatsapp/pywa__message_status__read.json           | X-Hub-Signature-256 | wa-app-secret    | ignored",
            "wa    | whatsapp/pywa__message_status__failed.json         | X-Hub-Signature-256 | wa-app-secret    | ignored",
            "fb    | facebook-messenger/fbmessenger-api-hs__wsTextMessageRequest.json       | X-Hub-Signature-256 | fb-app-secret | lead",
            "fb    | facebook-messenger/fbmessenger-api-hs__wsPostbackRequest.json          | X-Hub-Signature-256 | fb-app-secret | lead",
            "fb    | facebook-messenger/fbmessenger-api-hs__wsStructuredMessageRequest.json | X-Hub-Signature-256 | fb-app-secret | lead",
            "fb    | facebook-messenger/fbmessenger-api-hs__wsDeliveryRequest.json          | X-Hub-Signature-256 | fb-app-secret | ignored",
            "fb    | facebook-messenger/meta-docs__messaging-event_text_quick_reply.fragment.json | X-Hub-Signature-256 | fb-app-secret | lead",
            "viber | viber/viber-bot-python__unicode_request.json       | X-Viber-Content-Signature | viber-auth-token | lead",
    })
    void previewAndHook(String channel, String file, String header, String secret, String kind) throws Exception {
        byte[] body = Conformance.bytes("messengers/" + file);
        if (file.contains(".fragment.")) { // one messaging[] element: wrapped in its envelope to be posted
            body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":1458692752478,\"messaging\":["
                    + new String(body, StandardCharsets.UTF_8) + "]}]}").getBytes(StandardCharsets.UTF_8);
        }
        String signature = (header.startsWith("X-Hub") ? "sha256=" : "") + hmacHex(secret, body);
        api().contentType(ContentType.JSON).header(header, signature).body(body)
                .post("/api/channels/" + channel + "/preview").then().statusCode(200)
                .body("verified", equalTo(true))
                .body("items", not(empty()))
                .body("items[0].kind", equalTo(kind));
        given().contentType(ContentType.JSON).header(header, signature).body(body)
                .post("/hooks/" + channel).then().statusCode(200);
        given().contentType(ContentType.JSON).header(header, signature.replace('a', 'b').replace('1', '2')).body(body)
                .post("/hooks/" + channel).then().statusCode(401);
    }

    private static String hmacHex(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
