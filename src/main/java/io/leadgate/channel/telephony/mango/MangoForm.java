package io.leadgate.channel.telephony.mango;

import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.FormParams;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The three form fields of every Mango Office notification and their check: {@code vpbx_api_key} must be the
 * channel's {@code api-key}, and {@code sign} = hex SHA-256 of {@code api-key + json + api-salt}, over the
 * {@code json} field exactly as received (form-decoded, never re-serialised). Both compared in constant time.
 */
record MangoForm(String apiKey, String sign, String json) {

    static MangoForm of(HookRequest request) {
        FormParams p = FormParams.of(request);
        return new MangoForm(p.get("vpbx_api_key"), p.get("sign"), p.raw("json"));
    }

    Verification verify(String expectedKey, String salt) {
        if (apiKey == null || sign == null) {
            return Verification.MISSING;
        }
        boolean keyMatches = Secrets.constantTimeEquals(expectedKey, apiKey);
        boolean signMatches = Secrets.constantTimeEquals(sign(expectedKey, json, salt), sign.toLowerCase(Locale.ROOT));
        return keyMatches && signMatches ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    static String sign(String apiKey, String json, String salt) {
        return Secrets.hex(Secrets.sha256((apiKey + json + salt).getBytes(StandardCharsets.UTF_8)));
    }
}
