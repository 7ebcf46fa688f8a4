package io.leadgate.outbound;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Standard Webhooks signatures, against the specification's published example and an independent HMAC. */
class WebhookSignerTest {

    @Test
    void matchesTheStandardWebhooksReferenceExample() {
        // the example of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks, libraries/*)
        String signature = WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void plainSecretIsUsedAsItsUtf8Bytes() throws Exception {
        byte[] body = "{\"id\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("plain secret ключ".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("evt-1.1700000000.".getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        assertEquals(expected, WebhookSigner.sign("plain secret ключ", "evt-1", 1700000000L, body));
    }

    @Test
    void whsecSecretIsBase64Decoded() {
        byte[] raw = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24};
        String secret = "whsec_" + Base64.getEncoder().encodeToString(raw);
        assertArrayEquals(raw, WebhookSigner.key(secret));
        assertNotEquals(WebhookSigner.sign(secret, "a", 1, new byte[0]),
                WebhookSigner.sign(secret.substring("whsec_".length()), "a", 1, new byte[0]));
    }

    @Test
    void changedIdTimestampOrBodyChangesTheSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = WebhookSigner.sign("s", "id", 10, body);
        assertNotEquals(base, WebhookSigner.sign("s", "id2", 10, body));
        assertNotEquals(base, WebhookSigner.sign("s", "id", 11, body));
        assertNotEquals(base, WebhookSigner.sign("s", "id", 10, "{ }".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whsecSecretThatIsNotBase64IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.key("whsec_not base64!"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.key("whsec_"));
    }
}
