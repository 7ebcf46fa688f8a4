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

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Missed calls of every telephony provider through the real hooks, run by the one call-state machine: a call that
 * starts and ends with nobody answering raises the lead's call-back flag, also when no event says "missed" and
 * when the events come redelivered and out of order; each call is one call record and one lead.
 */
@QuarkusTest
class MissedCallHookTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void sipgateNewCallThenHangupWithoutCauseIsMissed() {
        String mobile = "49151" + digits(8);
        String callId = "sg-" + digits(12);
        Function<String, Response> post = body -> given().contentType(FORM).body(body).post("/hooks/sipgate/sg-token-1");
        String start = "event=newCall&direction=in&to=4930600000000&from=" + mobile + "&callId=" + callId;
        String end = "event=hangup&direction=in&callId=" + callId + "&to=4930600000000&from=" + mobile;
        assertMissedInAnyOrder(post, start, end, "sipgate", callId, "+" + mobile);
    }

    @Test
    void sipgateHangupWithNoAnswerIsMissed() {
        String mobile = "49151" + digits(8);
        String callId = "sg-" + digits(12);
        Function<String, Response> post = body -> given().contentType(FORM).body(body).post("/hooks/sipgate/sg-token-1");
        assertMissedInAnyOrder(post, "event=newCall&direction=in&to=4930600000000&from=" + mobile + "&callId=" + callId,
                "event=hangup&direction=in&callId=" + callId + "&cause=noAnswer&to=4930600000000&from=" + mobile,
                "sipgate", callId, "+" + mobile);
    }

    @Test
    void placetelIncomingCallThenHangupWithoutTypeIsMissed() {
        String national = "0151" + digits(8);
        String callId = "pt-" + digits(12);
        Function<String, Response> post = body -> given().contentType(FORM).body(body).post("/hooks/placetel/pt-token-1");
        assertMissedInAnyOrder(post, "event=IncomingCall&to=030600000000&from=" + national + "&call_id=" + callId,
                "event=HungUp&call_id=" + callId + "&to=030600000000&from=" + national,
                "placetel", callId, "+49" + national.substring(1));
    }

    @Test
    void twilioRingingThenNoAnswerIsMissed() {
        String number = "+1415555" + digits(4);
        String sid = "CA" + digits(32);
        Function<String, Response> post = MissedCallHookTest::twilio;
        assertMissedInAnyOrder(post, twilioForm(sid, number, "ringing", "1"), twilioForm(sid, number, "no-answer", "2"),
                "twilio", sid, number);
    }

    @Test
    void twilioVoiceRequestThenCanceledIsMissed() {
        String number = "+1415555" + digits(4);
        String sid = "CA" + digits(32);
        Function<String, Response> post = MissedCallHookTest::twilio;
        assertMissedInAnyOrder(post, twilioForm(sid, number, null, null), twilioForm(sid, number, "canceled", "3"),
                "twilio", sid, number);
    }

    @Test
    void mangoAppearedThenDisconnectedWithoutAnswerIsMissed() {
        String number = "7916" + digits(7);
        String entry = "entry-" + digits(10);
        String appeared = "{\"entry_id\":\"" + entry + "\",\"call_id\":\"leg-1\",\"timestamp\":1715690000,\"seq\":1,"
                + "\"call_state\":\"Appeared\",\"location\":\"ivr\",\"from\":{\"number\":\"" + number + "\"},"
                + "\"to\":{\"number\":\"74994509495\",\"line_number\":\"74994509495\"}}";
        String disconnected = "{\"entry_id\":\"" + entry + "\",\"call_id\":\"leg-1\",\"timestamp\":1715690030,\"seq\":2,"
                + "\"call_state\":\"Disconnected\",\"location\":\"ivr\",\"from\":{\"number\":\"" + number + "\"},"
                + "\"to\":{\"number\":\"74994509495\",\"line_number\":\"74994509495\"},\"disconnect_reason\":1110}";
        assertMissedInAnyOrder(MissedCallHookTest::mango, appeared, disconnected, "mango", entry, "+" + number);
    }

    @Test
    void zadarmaStartThenEndWithoutDispositionIsMissed() {
        String number = "7916" + digits(7);
        String callId = "in_" + digits(12);
        Map<String, String> start = zadarmaForm("NOTIFY_START", callId, number, null);
        Map<String, String> end = zadarmaForm("NOTIFY_END", callId, number, null);
        assertMissedInAnyOrder(MissedCallHookTest::zadarma, encode(start), encode(end), "zadarma", callId, "+" + number);
    }

    @Test
    void zadarmaEndWithNoAnswerIsMissed() {
        String number = "7916" + digits(7);
        String callId = "in_" + digits(12);
        assertMissedInAnyOrder(MissedCallHookTest::zadarma, encode(zadarmaForm("NOTIFY_START", callId, number, null)),
                encode(zadarmaForm("NOTIFY_END", callId, number, "no answer")), "zadarma", callId, "+" + number);
    }

    /**
     * The end first, then the start, then both again: one call record with two events, missed, and one lead with
     * its call-back flag up.
     */
    private static void assertMissedInAnyOrder(Function<String, Response> post, String start, String end,
                                               String channel, String callId, String phone) {
        for (String body : List.of(end, start, end, start)) {
            post.apply(body).then().statusCode(200);
        }
        JsonPath call = new JsonPath(api().queryParam("channelId", channel).queryParam("callId", callId)
                .get("/api/calls").then().statusCode(200).body("", hasSize(1)).extract().asString()).setRootPath("[0]");
        assertEquals("in", call.getString("direction"));
        assertEquals(true, call.getBoolean("missed"), "the call is missed");
        assertEquals(2, call.getInt("events"), "redeliveries change nothing");
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1))
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
