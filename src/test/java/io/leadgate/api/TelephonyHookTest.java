package io.leadgate.api;

import io.leadgate.testing.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Calls through the real hooks: a call is a series of events sharing a call id; the call record folds them and
 * each call gives exactly one lead (inbound) or none (outbound), whatever order and how often events arrive.
 */
@QuarkusTest
class TelephonyHookTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void inboundAnsweredCallIsOneLead() {
        String mobile = newGermanMobile();
        String callId = "c-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        for (String file : List.of("in_newCall", "in_newCall", "in_answer", "in_hangup_normalClearing", "in_answer")) {
            sipgate(file, mobile, callId).then().statusCode(200);
        }
        JsonPath call = onlyCall("sipgate", callId);
        assertEquals("in", call.getString("direction"));
        assertEquals("+" + mobile, call.getString("customer"));
        assertEquals("+4930600000000", call.getString("line"));
        assertEquals(false, call.getBoolean("missed"));
        assertEquals(3, call.getInt("events"));
        assertLeads("+" + mobile, 1, false);
    }

    @Test
    void reorderedAndDuplicatedEventsGiveTheSameEndState() {
        String mobile = newGermanMobile();
        String callId = "c-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        for (String file : List.of("in_hangup_normalClearing", "in_answer", "in_hangup_normalClearing", "in_newCall")) {
            sipgate(file, mobile, callId).then().statusCode(200);
        }
        JsonPath call = onlyCall("sipgate", callId);
        assertEquals(false, call.getBoolean("missed"));
        assertEquals(3, call.getInt("events"));
        assertLeads("+" + mobile, 1, false);
        api().queryParam("channelId", "sipgate").queryParam("limit", 1000).get("/api/inquiries").then()
                .body("findAll { it.call?.callId == '" + callId + "' }.kind", equalTo(List.of("lead", "update", "update")));
    }

    @Test
    void newCallIsAnsweredWithTheSubscriptionXml() {
        sipgate("in_newCall", newGermanMobile(), "c-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                .then().statusCode(200).body(containsString("onHangup="));
    }

    @Test
    void missedCallFlagsTheLeadForCallback() {
        String national = "0151" + digits(8);
        String callId = "p-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        placetel("event=IncomingCall&to=030600000000&from=" + national + "&call_id=" + callId).then().statusCode(200);
        placetel("event=HungUp&call_id=" + callId + "&type=missed&to=030600000000&from=" + national).then().statusCode(200);
        JsonPath call = onlyCall("placetel", callId);
        assertEquals(true, call.getBoolean("missed"));
        assertLeads("+49" + national.substring(1), 1, true);
    }

    @Test
    void callTakenByVoicemailIsMissed() {
        String national = "0151" + digits(8);
        String body = new String(Conformance.bytes("telephony/placetel/zammad-spec__CallAccepted_voicemail.form"),
                StandardCharsets.UTF_8).replace("01114100300", national).replace("1234567890-4", "vm-" + national);
        placetel("event=IncomingCall&to=030600000000&from=" + national + "&call_id=vm-" + national).then().statusCode(200);
        placetel(body).then().statusCode(200);
        assertEquals(true, onlyCall("placetel", "vm-" + national).getBoolean("missed"));
        assertLeads("+49" + national.substring(1), 1, true);
    }

    @Test
    void outboundCallsAreNeverLeads() {
        String mobile = newGermanMobile();
        String callId = "o-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String start = new String(Conformance.bytes("telephony/sipgate/zammad-spec__out_newCall.form"), StandardCharsets.UTF_8)
                .replace("4912347114711", mobile).replace("1234567890-2", callId);
        String end = new String(Conformance.bytes("telephony/sipgate/zammad-spec__out_hangup_cancel.form"),
                StandardCharsets.UTF_8).replace("1234567890-1", callId);
        given().contentType(FORM).body(start).post("/hooks/sipgate/sg-token-1").then().statusCode(200);
        given().contentType(FORM).body(end).post("/hooks/sipgate/sg-token-1").then().statusCode(200);
        api().queryParam("phone", "+" + mobile).get("/api/contacts").then().body("", hasSize(0));
        assertEquals("out", onlyCall("sipgate", callId).getString("direction"));
    }

    @Test
    void wrongTokenIs401AndStoresNothing() {
        String mobile = newGermanMobile();
        String body = new String(Conformance.bytes("telephony/sipgate/zammad-spec__in_newCall.form"), StandardCharsets.UTF_8)
                .replace("4912347114711", mobile);
        given().contentType(FORM).body(body).post("/hooks/sipgate/wrong-token").then().statusCode(401);
        given().contentType(FORM).body(body).post("/hooks/sipgate").then().statusCode(401);
        api().queryParam("phone", "+" + mobile).get("/api/contacts").then().body("", hasSize(0));
    }

    private static io.restassured.response.Response sipgate(String sample, String mobile, String callId) {
        String body = new String(Conformance.bytes("telephony/sipgate/zammad-spec__" + sample + ".form"),
                StandardCharsets.UTF_8).replace("4912347114711", mobile).replace("1234567890-3", callId);
        return given().contentType(FORM).body(body).post("/hooks/sipgate/sg-token-1");
    }

    private static io.restassured.response.Response placetel(String body) {
        return given().contentType(FORM).body(body).post("/hooks/placetel/pt-token-1");
    }

    private static JsonPath onlyCall(String channel, String callId) {
        return new JsonPath(api().queryParam("channelId", channel).queryParam("callId", callId).get("/api/calls").then()
                .statusCode(200).body("", hasSize(1)).extract().jsonPath().prettify()).setRootPath("[0]");
    }

    private static void assertLeads(String phone, int count, boolean callback) {
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1))
                .extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/leads").then().body("", hasSize(count))
                .body("[0].callback", equalTo(callback));
    }

    private static String newGermanMobile() {
        return "49151" + digits(8);
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }
}
