package io.leadgate.outbound;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/, spec v1): {@code v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}. A secret written {@code whsec_<base64>} is used base64-decoded, any other secret as its
 * UTF-8 bytes.
 */
public final class WebhookSigner {

    static final String PREFIX = "whsec_";

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header value for one attempt. */
    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        byte[] head = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + body.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmacSha256(key(secret), content));
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The HMAC key of a secret; throws {@link IllegalArgumentException} for a {@code whsec_} secret that is not base64. */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            if (key.length == 0) {
                throw new IllegalArgumentException("empty whsec_ secret");
            }
            return key;
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
