package io.leadgate.api;

import io.leadgate.channel.Secrets;
import io.leadgate.channel.telephony.twilio.TwilioSignature;
import io.leadgate.channel.telephony.zadarma.ZadarmaSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Missed calls of every telephony provider through the real hooks, run by the one call-state machine: a call that
 * starts and ends with nobody answering raises the lead's call-back flag, also when no event says "missed", when the
 * events come in order and when they come redelivered and out of order; each call is one call record and one lead.
 */
@QuarkusTest
class MissedCallHookTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** One call's opening and closing events, with the ids and number they carry. */
    private record Call(String start, String end, String callId, String phone) {
    }

    @Test
    void sipgateNewCallThenHangupWithoutCauseIsMissed() {
        Function<String, Response> post = body -> given().contentType(FORM).body(body).post("/hooks/sipgate/sg-token-1");
        assertMissed(post, "sipgate", () -> {
            String mobile = "49151" + digits(8);
            String callId = "sg-" + digits(12);
            return new Call("event=newCall&direction=in&to=4930600000000&from=" + mobile + "&callId=" + callId,
                    "event=hangup&direction=in&callId=" + callId + "&to=4930600000000&from=" + mobile, callId, "+" + mobile);
        });
    }

    @Test
    void sipgateHangupWithNoAnswerIsMissed() {
        Function<String, Response> post = body -> given().contentType(FORM).body(body).post("/hooks/sipgate/sg-token-1");
        assertMissed(post, "sipgate", () -> {
            String mobile = "49151" + digits(8);
            String callId = "sg-" + digits(12);
            return new Call("event=newCall&direction=in&to=4930600000000&from=" + mobile + "&callId=" + callId,
                    "event=hangup&direction=in&callId=" + callId + "&cause=noAnswer&to=4930600000000&from=" + mobile,
                    callId, "+" + mobile);
        });
    }

    @Test
    void placetelIncomingCallThenHangupWithoutTypeIsMissed() {
        Function<String, Response> post = body -> given().contentType(FORM).body(body).post("/hooks/placetel/pt-token-1");
        assertMissed(post, "placetel", () -> {
            String national = "0151" + digits(8);
            String callId = "pt-" + digits(12);
            return new Call("event=IncomingCall&to=030600000000&from=" + national + "&call_id=" + callId,
                    "event=HungUp&call_id=" + callId + "&to=030600000000&from=" + national, callId,
                    "+49" + national.substring(1));
        });
    }

    @Test
    void twilioRingingThenNoAnswerIsMissed() {
        assertMissed(MissedCallHookTest::twilio, "twilio", () -> {
            String number = "+1415555" + digits(4);
            String sid = "CA" + digits(32);
            return new Call(twilioForm(sid, number, "ringing", "1"), twilioForm(sid, number, "no-answer", "2"), sid, number);
        });
    }

    @Test
    void twilioVoiceRequestThenCanceledIsMissed() {
        assertMissed(MissedCallHookTest::twilio, "twilio", () -> {
            String number = "+1415555" + digits(4);
            String sid = "CA" + digits(32);
            return new Call(twilioForm(sid, number, null, null), twilioForm(sid, number, "canceled", "3"), sid, number);
        });
    }

    @Test
    void mangoAppearedThenDisconnectedWithoutAnswerIsMissed() {
        assertMissed(MissedCallHookTest::mango, "mango", () -> {
            String number = "7916" + digits(7);
            String entry = "entry-" + digits(10);
            String appeared = "{\"entry_id\":\"" + entry + "\",\"call_id\":\"leg-1\",\"timestamp\":1715690000,\"seq\":1,"
                    + "\"call_state\":\"Appeared\",\"location\":\"ivr\",\"from\":{\"number\":\"" + number + "\"},"
                    + "\"to\":{\"number\":\"74994509495\",\"line_number\":\"74994509495\"}}";
            String disconnected = "{\"entry_id\":\"" + entry + "\",\"call_id\":\"leg-1\",\"timestamp\":1715690030,"
                    + "\"seq\":2,\"call_state\":\"Disconnected\",\"location\":\"ivr\",\"from\":{\"number\":\"" + number
                    + "\"},\"to\":{\"number\":\"74994509495\",\"line_number\":\"74994509495\"},\"disconnect_reason\":1110}";
            return new Call(appeared, disconnected, entry, "+" + number);
        });
    }

    @Test
    void zadarmaStartThenEndWithoutDispositionIsMissed() {
        assertMissed(MissedCallHookTest::zadarma, "zadarma", () -> {
            String number = "7916" + digits(7);
            String callId = "in_" + digits(12);
            return new Call(encode(zadarmaForm("NOTIFY_START", callId, number, null)),
                    encode(zadarmaForm("NOTIFY_END", callId, number, null)), callId, "+" + number);
        });
    }

    @Test
    void zadarmaEndWithNoAnswerIsMissed() {
        assertMissed(MissedCallHookTest::zadarma, "zadarma", () -> {
            String number = "7916" + digits(7);
            String callId = "in_" + digits(12);
            return new Call(encode(zadarmaForm("NOTIFY_START", callId, number, null)),
                    encode(zadarmaForm("NOTIFY_END", callId, number, "no answer")), callId, "+" + number);
        });
    }

    /**
     * Two calls from two new numbers: one whose events come in order (start, then end), and one whose end comes
     * first and then both again. Each is one call record with two events, missed, and one lead with its call-back
     * flag up.
     */
    private static void assertMissed(Function<String, Response> post, String channel, Supplier<Call> newCall) {
        Call inOrder = newCall.get();
        assertMissed(post, channel, inOrder, List.of(inOrder.start(), inOrder.end()));
        Call shuffled = newCall.get();
        assertMissed(post, channel, shuffled, List.of(shuffled.end(), shuffled.start(), shuffled.end(), shuffled.start()));
    }

    private static void assertMissed(Function<String, Response> post, String channel, Call c, List<String> bodies) {
        for (String body : bodies) {
            post.apply(body).then().statusCode(200);
        }
        String order = bodies.get(0).equals(c.start()) ? "in order" : "end first, redelivered";
        JsonPath call = new JsonPath(api().queryParam("channelId", channel).queryParam("callId", c.callId())
                .get("/api/calls").then().statusCode(200).body("", hasSize(1)).extract().asString()).setRootPath("[0]");
        assertEquals("in", call.getString("direction"), order);
        assertEquals(true, call.getBoolean("missed"), "the call is missed, " + order);
        assertEquals(2, call.getInt("events"), "redeliveries change nothing, " + order);
        String contactId = api().queryParam("phone", c.phone()).get("/api/contacts").then().body("", hasSize(1))
                .extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/leads").then().body("", hasSize(1))
                .body("[0].callback", equalTo(true));
    }

    private static String twilioForm(String sid, String number, String status, String sequence) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", sid);
        p.put("AccountSid", "AC" + "0".repeat(32));
        p.put("From", number);
        p.put("To", "+14155550100");
        p.put("Direction", "inbound");
        if (status != null) {
            p.put("CallStatus", status);
            p.put("SequenceNumber", sequence);
        }
        return encode(p);
    }

    private static Response twilio(String body) {
        StringBuilder signed = new StringBuilder("https://leads.example.com/hooks/twilio");
        new TreeMap<>(decode(body)).forEach((k, v) -> signed.append(k).append(v));
        return given().contentType(FORM).header(TwilioSignature.HEADER, TwilioSignature.sign("tw-auth-token-1",
                signed.toString())).body(body).post("/hooks/twilio");
    }

    private static Response mango(String json) {
        String sign = Secrets.hex(Secrets.sha256(("mango-key-1" + json + "mango-salt-1").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vpbx_api_key", "mango-key-1");
        p.put("sign", sign);
        p.put("json", json);
        return given().contentType(FORM).body(encode(p)).post("/hooks/mango/events/call");
    }

    private static Map<String, String> zadarmaForm(String event, String callId, String number, String disposition) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("event", event);
        p.put("call_start", "2026-05-14 14:00:00");
        p.put("pbx_call_id", callId);
        p.put("caller_id", number);
        p.put("called_did", "74951234567");
        if (disposition != null) {
            p.put("disposition", disposition);
            p.put("duration", "0");
        }
        return p;
    }

    private static Response zadarma(String body) {
        Map<String, String> p = decode(body);
        String signature = ZadarmaSignature.sign("zd-secret-1", p.get("caller_id") + p.get("called_did") + p.get("call_start"));
        return given().contentType(FORM).header(ZadarmaSignature.HEADER, signature).body(body).post("/hooks/zadarma");
    }

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }
}
