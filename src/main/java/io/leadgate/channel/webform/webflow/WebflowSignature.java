package io.leadgate.channel.webform.webflow;

import io.leadgate.channel.Secrets;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Timestamps;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Webflow's request signature: {@code x-webflow-signature} = hex HMAC-SHA256(secret, timestamp + ":" + raw body),
 * with {@code x-webflow-timestamp} in milliseconds since the epoch; a request more than five minutes away from
 * now is {@link Verification#STALE}.
 */
public final class WebflowSignature {

    public static final String SIGNATURE_HEADER = "x-webflow-signature";
    public static final String TIMESTAMP_HEADER = "x-webflow-timestamp";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebflowSignature() {
    }

    /** Checks a signature; {@code now} is the moment the age of the timestamp is measured from. */
    public static Verification verify(byte[] body, String timestamp, String signature, String secret, Instant now) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Verification.MISSING;
        }
        String ts = timestamp.strip();
        if (secret == null || !ts.matches("\\d{1,18}")) {
            return Verification.BAD_SIGNATURE;
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream(ts.length() + 1 + body.length);
        signed.writeBytes((ts + ":").getBytes(StandardCharsets.US_ASCII));
        signed.writeBytes(body);
        String expected = Secrets.hex(Secrets.hmacSha256(secret, signed.toByteArray()));
        if (!Secrets.constantTimeEquals(expected, signature.strip().toLowerCase(Locale.ROOT))) {
            return Verification.BAD_SIGNATURE;
        }
        Instant signedAt = Timestamps.epochMillis(ts); // null for 0: as stale as a time can be
        return signedAt == null || Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0
                ? Verification.STALE : Verification.VALID;
    }
}
