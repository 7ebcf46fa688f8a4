package io.leadgate.channel.telephony.twilio;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.TelephonyTesting;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.TelephonyTesting.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every vector of twilio-java's RequestValidatorTest (conformance/telephony/twilio/…vector.txt). */
class TwilioSignatureTest {

    private static final String VECTORS = new String(
            Conformance.bytes("telephony/twilio/twilio-java__RequestValidatorTest.vector.txt"), StandardCharsets.UTF_8);
    private static final String FORM = new String(
            Conformance.bytes("telephony/twilio/twilio-java__RequestValidatorTest.form"), StandardCharsets.UTF_8).strip();
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String JSON_BODY = "{\"property\": \"value\", \"boolean\": true}";
    private static final String BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private static final TwilioAdapter ADAPTER = new TwilioAdapter();

    private static ChannelDefinition twilio(String token, String publicUrl) {
        return publicUrl == null ? channel(Provider.TWILIO, "US", Map.of("auth-token", token))
                : channel(Provider.TWILIO, "US", Map.of("auth-token", token, "public-url", publicUrl));
    }

    static Stream<Arguments> formVectors() {
        return Stream.of(
                Arguments.of("valid", URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
                Arguments.of("removes port https", URL.replace(".com", ".com:1234"), "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
                Arguments.of("http with port 1234", "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
                        "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="),
                Arguments.of("adds port 443", URL, "kvajT1Ptam85bY51eRf/AJRuM3w="),
                Arguments.of("adds port 80", URL.replace("https", "http"), "0ZXoZLH/DfblKGATFgpif+LLRf4="));
    }

    static Stream<Arguments> jsonVectors() {
        return Stream.of(
                Arguments.of(URL + "&bodySHA256=" + BODY_HASH, "a9nBmqA0ju/hNViExpshrM61xv4="),
                Arguments.of("https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH, "y77kIzt2vzLz71DgmJGsen2scGs="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formVectors")
    void acceptsFormVector(String name, String url, String signature) {
        assertTrue(VECTORS.contains(signature), "vector comes from the file");
        HookRequest request = form("", url, FORM, TwilioSignature.HEADER, signature);
        assertEquals(Verification.VALID, ADAPTER.verify(request, twilio("12345", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formVectors")
    void rejectsNotPrefixedFormVector(String name, String url, String signature) {
        HookRequest request = form("", url, FORM, TwilioSignature.HEADER, "NOT" + signature);
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request, twilio("12345", null)));
    }

    @ParameterizedTest
    @MethodSource("jsonVectors")
    void acceptsJsonBodyThroughBodySha256(String url, String signature) {
        assertTrue(VECTORS.contains(signature) && VECTORS.contains(BODY_HASH), "vector comes from the file");
        HookRequest request = post("application/json", "", url, JSON_BODY.getBytes(StandardCharsets.UTF_8),
                TwilioSignature.HEADER, signature);
        assertEquals(Verification.VALID, ADAPTER.verify(request, twilio("12345", null)));
    }

    @ParameterizedTest
    @MethodSource("jsonVectors")
    void rejectsNotPrefixedJsonVectorAndAChangedJsonBody(String url, String signature) {
        byte[] body = JSON_BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post("application/json", "", url, body,
                TwilioSignature.HEADER, "NOT" + signature), twilio("12345", null)));
        byte[] changed = JSON_BODY.replace("value", "valuE").getBytes(StandardCharsets.UTF_8);
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(post("application/json", "", url, changed,
                TwilioSignature.HEADER, signature), twilio("12345", null)));
    }

    @Test
    void rejectsAJsonBodySignedWithoutBodySha256() {
        HookRequest request = post("application/json", "", URL, JSON_BODY.getBytes(StandardCharsets.UTF_8),
                TwilioSignature.HEADER, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request, twilio("12345", null)));
    }

    @Test
    void rejectsChangedByteWrongTokenAndMissingHeader() {
        String sig = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("", URL, FORM.replace("1234", "1235"),
                TwilioSignature.HEADER, sig), twilio("12345", null)));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(form("", URL, FORM, TwilioSignature.HEADER, sig),
                twilio("54321", null)));
        assertEquals(Verification.MISSING, ADAPTER.verify(form("", URL, FORM), twilio("12345", null)));
    }

    @Test
    void signsThePublicUrlWithTheRequestQueryWhenTheGatewaySeesAnotherUrl() {
        String internal = "http://10.0.0.5:8080/hooks/tw?foo=1&bar=2";
        HookRequest request = form("", internal, FORM, TwilioSignature.HEADER, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request, twilio("12345", null)));
        assertEquals(Verification.VALID, ADAPTER.verify(request, twilio("12345", "https://mycompany.com/myapp.php")));
        assertEquals(Verification.VALID, ADAPTER.verify(request, twilio("12345", URL)));
    }

    @Test
    void decodesPlusAndPercent2bLikeTwilio() {
        String body = "CallSid=CA1&CallerName=John+Doe&From=%2b4915791234567&To=%2B18005551212";
        String signature = hmacSha1("secret", "https://hooks.example.com/hooks/tw"
                + "CallSidCA1CallerNameJohn DoeFrom+4915791234567To+18005551212");
        HookRequest request = form("", "https://hooks.example.com/hooks/tw", body, TwilioSignature.HEADER, signature);
        assertEquals(Verification.VALID, ADAPTER.verify(request, twilio("secret", null)));
    }

    @Test
    void repeatedParametersAreSignedInSortedOrder() {
        String body = "To=%2B1&A=2&A=1";
        String signature = hmacSha1("secret", "https://h.example/x" + "A1A2To+1");
        assertEquals(Verification.VALID, ADAPTER.verify(form("", "https://h.example/x", body,
                TwilioSignature.HEADER, signature), twilio("secret", null)));
    }

    /** Computed independently of the code under test. */
    static String hmacSha1(String key, String data) {
        return Base64.getEncoder().encodeToString(TelephonyTesting.hmac("HmacSHA1", key, data));
    }
}
