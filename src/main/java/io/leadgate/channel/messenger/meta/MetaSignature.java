package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.Verification;

import java.util.Locale;
import java.util.Optional;

/**
 * Meta's payload signature: header {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>},
 * shared by WhatsApp Cloud API, Messenger and Instagram. The legacy SHA-1 header is not accepted on its own.
 */
public final class MetaSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    public static Verification verify(HookRequest request, Optional<String> appSecret) {
        Optional<String> sent = request.headers().first(HEADER).map(String::strip).filter(s -> !s.isEmpty());
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        String value = sent.get();
        if (appSecret.isEmpty() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verification.BAD_SIGNATURE;
        }
        String expected = Secrets.hex(Secrets.hmacSha256(appSecret.get(), request.body()));
        String actual = value.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        return Secrets.constantTimeEquals(expected, actual) ? Verification.VALID : Verification.BAD_SIGNATURE;
    }
}
