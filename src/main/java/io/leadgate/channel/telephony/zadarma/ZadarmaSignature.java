package io.leadgate.channel.telephony.zadarma;

import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.FormParams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks Zadarma's {@code Signature} header: base64 of the lower-case HEX string of HMAC-SHA1 (not of the raw
 * MAC) with the API secret, over a concatenation of field values that depends on the event. The field lists were
 * confirmed against Zadarma's official PHP client (zadarma/user-api-v1, {@code lib/Webhook/Notify*.php}
 * {@code getSignatureString()}), which agrees with the API page's NOTIFY_START example:
 * <ul>
 *   <li>NOTIFY_START, NOTIFY_INTERNAL, NOTIFY_END, NOTIFY_IVR: {@code caller_id . called_did . call_start}</li>
 *   <li>NOTIFY_ANSWER: {@code caller_id . destination . call_start}</li>
 *   <li>NOTIFY_OUT_START, NOTIFY_OUT_END: {@code internal . destination . call_start}</li>
 *   <li>NOTIFY_RECORD: {@code pbx_call_id . call_id_with_rec}</li>
 *   <li>SMS, SPEECH_RECOGNITION: {@code result}</li>
 * </ul>
 * A missing field counts as empty, as in PHP. Events outside the list cannot be checked and are refused.
 * Zadarma signs no timestamp, so replays cannot be told apart (the idempotency key absorbs them).
 */
public final class ZadarmaSignature {

    public static final String HEADER = "Signature";

    private ZadarmaSignature() {
    }

    public static Verification verify(HookRequest request, String secret) {
        Optional<String> sent = request.headers().first(HEADER).filter(s -> !s.isBlank());
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        Optional<String> signed = signedString(FormParams.of(request));
        if (signed.isEmpty()) {
            return Verification.BAD_SIGNATURE;
        }
        return Secrets.constantTimeEquals(sign(secret, signed.get()), sent.get().strip()) ? Verification.VALID
                : Verification.BAD_SIGNATURE;
    }

    /** What Zadarma puts in the header for {@code data}. */
    public static String sign(String secret, String data) {
        byte[] mac = Secrets.hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(Secrets.hex(mac).getBytes(StandardCharsets.US_ASCII));
    }

    /** The concatenation Zadarma signs for this event, or empty for an event whose fields are not known. */
    public static Optional<String> signedString(FormParams p) {
        String event = p.raw("event");
        String fields = switch (event) {
            case "NOTIFY_START", "NOTIFY_INTERNAL", "NOTIFY_END", "NOTIFY_IVR" -> "caller_id called_did call_start";
            case "NOTIFY_ANSWER" -> "caller_id destination call_start";
            case "NOTIFY_OUT_START", "NOTIFY_OUT_END" -> "internal destination call_start";
            case "NOTIFY_RECORD" -> "pbx_call_id call_id_with_rec";
            case "SMS", "SPEECH_RECOGNITION" -> "result";
            default -> null;
        };
        if (fields == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String field : fields.split(" ")) {
            out.append(p.raw(field));
        }
        return Optional.of(out.toString());
    }
}
