package io.leadgate.channel.telephony;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.mango.MangoAdapter;
import io.leadgate.channel.telephony.placetel.PlacetelAdapter;
import io.leadgate.channel.telephony.sipgate.SipgateAdapter;
import io.leadgate.channel.telephony.twilio.TwilioAdapter;
import io.leadgate.channel.telephony.zadarma.ZadarmaAdapter;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.encode;
import static io.leadgate.channel.telephony.TelephonyTesting.fixture;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.TelephonyTesting.replay;
import static io.leadgate.channel.telephony.TelephonyTesting.states;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole calls through a provider's vocabulary step, the shared mapper and {@link CallState}. */
class CallSequenceTest {

    private static final String URL = "https://leads.example.com/hooks/x/t";

    private static HookRequest conformance(String path) {
        return form("/t", URL, new String(Conformance.bytes("telephony/" + path), StandardCharsets.UTF_8).strip());
    }

    private static HookRequest own(String path) {
        return form("/t", URL, fixture(path));
    }

    private static long leads(List<Inquiry> items) {
        return items.stream().filter(i -> i.kind() == Kind.LEAD).count();
    }

    @Test
    void sipgateNewCallAnswerHangupIsOneAnsweredLeadInAnyOrder() throws UnparseableException {
        SipgateAdapter adapter = new SipgateAdapter();
        ChannelDefinition ch = channel(Provider.SIPGATE, "DE", Map.of("token", "t"));
        List<HookRequest> call = List.of(conformance("sipgate/zammad-spec__in_newCall.form"),
                conformance("sipgate/zammad-spec__in_answer.form"),
                conformance("sipgate/zammad-spec__in_hangup_normalClearing.form"));
        List<Inquiry> items = replay(adapter, ch, call);
        assertEquals(List.of(Kind.LEAD, Kind.UPDATE, Kind.UPDATE), items.stream().map(Inquiry::kind).toList());
        CallState state = states(adapter, ch, call).get("1234567890-3");
        assertTrue(state.ended() && state.answered());
        assertFalse(state.missed());
        assertEquals("user 1", state.agent());

        List<HookRequest> reversed = new ArrayList<>(call);
        Collections.reverse(reversed);
        List<HookRequest> repeated = new ArrayList<>(reversed);
        repeated.addAll(call);
        assertEquals(1, leads(replay(adapter, ch, reversed)));
        assertEquals(1, leads(replay(adapter, ch, repeated)));
        assertEquals(state, states(adapter, ch, reversed).get("1234567890-3"));
        assertEquals(state, states(adapter, ch, repeated).get("1234567890-3"));
    }

    @Test
    void placetelIncomingCallHungUpMissedIsOneMissedLead() throws UnparseableException {
        PlacetelAdapter adapter = new PlacetelAdapter();
        ChannelDefinition ch = channel(Provider.PLACETEL, "DE", Map.of("token", "t"));
        List<HookRequest> call = List.of(own("placetel/IncomingCall_missed.form"), own("placetel/HungUp_missed.form"));
        List<Inquiry> items = replay(adapter, ch, call);
        assertEquals(1, leads(items));
        assertEquals(true, items.get(1).call().missed());
        assertEquals(List.of("+491114100300"), items.get(0).contact().phones());
        CallState state = states(adapter, ch, call).values().iterator().next();
        assertTrue(state.missed());
        assertEquals(state, states(adapter, ch, List.of(call.get(1), call.get(0))).values().iterator().next());
    }

    @Test
    void placetelVoicemailAfterAcceptedIsStillMissed() throws UnparseableException {
        PlacetelAdapter adapter = new PlacetelAdapter();
        ChannelDefinition ch = channel(Provider.PLACETEL, "DE", Map.of("token", "t"));
        HookRequest voicemail = conformance("placetel/zammad-spec__CallAccepted_voicemail.form");
        HookRequest hangup = form("/t", URL, "event=HungUp&call_id=1234567890-4&type=accepted&to=030600000000"
                + "&from=01114100300");
        List<Inquiry> items = replay(adapter, ch, List.of(voicemail, hangup));
        assertEquals(true, items.get(1).call().missed(), "a talk with the voicemail box is no answer for sales");
    }

    @Test
    void outboundCallsGiveNoLead() throws UnparseableException {
        List<Inquiry> placetel = replay(new PlacetelAdapter(), channel(Provider.PLACETEL, "DE", Map.of("token", "t")),
                List.of(own("placetel/OutgoingCall_sip_user.form"), own("placetel/HungUp_outgoing_accepted.form")));
        assertEquals(List.of(Kind.IGNORED, Kind.UPDATE), placetel.stream().map(Inquiry::kind).toList());
        List<Inquiry> zadarma = replay(new ZadarmaAdapter(), channel(Provider.ZADARMA, "RU", Map.of("api-secret", "s")),
                List.of(own("zadarma/notify_out_start.form"), own("zadarma/notify_out_end.form")));
        assertEquals(0, leads(zadarma));
        List<Inquiry> sipgate = replay(new SipgateAdapter(), channel(Provider.SIPGATE, "DE", Map.of("token", "t")),
                List.of(conformance("sipgate/zammad-spec__out_newCall.form"),
                        form("/t", URL, "event=hangup&direction=out&callId=1234567890-2&cause=normalClearing")));
        assertEquals(List.of(Kind.IGNORED, Kind.UPDATE), sipgate.stream().map(Inquiry::kind).toList());
    }

    @Test
    void mangoCallEventsAndSummaryOfOneEntryAreOneLead() throws UnparseableException {
        MangoAdapter adapter = new MangoAdapter();
        ChannelDefinition ch = channel(Provider.MANGO, "RU", Map.of("api-key", "k", "api-salt", "s"));
        String appeared = new String(Conformance.bytes(
                "telephony/mango-office/captured-php__events_call_appeared_ivr.json"), StandardCharsets.UTF_8);
        String summary = "{\"entry_id\":\"MzQ1Mzc1MzUxMzoxNjE=\",\"call_direction\":1,\"from\":{\"number\":"
                + "\"79997356761\"},\"to\":{\"extension\":\"101\"},\"line_number\":\"74994509495\",\"create_time\":"
                + "1513707786,\"talk_time\":1513707801,\"end_time\":1513707866,\"entry_result\":1}";
        List<HookRequest> call = List.of(mango("/events/call", appeared),
                mango("/events/call", fixture("mango/call_connected_abonent.json")),
                mango("/events/call", fixture("mango/call_disconnected_abonent.json")),
                mango("/events/summary", summary));
        List<Inquiry> items = replay(adapter, ch, call);
        assertEquals(List.of(Kind.LEAD, Kind.UPDATE, Kind.UPDATE, Kind.UPDATE),
                items.stream().map(Inquiry::kind).toList());
        assertEquals(false, items.get(3).call().missed());
        CallState state = states(adapter, ch, call).get("MzQ1Mzc1MzUxMzoxNjE=");
        assertEquals("101", state.agent());
        assertEquals(65L, state.durationSeconds());
        assertEquals(1, leads(replay(adapter, ch, List.of(call.get(3), call.get(2), call.get(0), call.get(1)))));
    }

    @Test
    void zadarmaIncomingCallIsOneLeadThroughAllItsNotifications() throws UnparseableException {
        List<HookRequest> call = List.of(own("zadarma/notify_start.form"), own("zadarma/notify_internal.form"),
                own("zadarma/notify_ivr.form"), own("zadarma/notify_answer.form"),
                own("zadarma/notify_end_answered.form"), own("zadarma/notify_record.form"));
        List<Inquiry> items = replay(new ZadarmaAdapter(), channel(Provider.ZADARMA, "RU", Map.of("api-secret", "s")),
                call);
        assertEquals(1, leads(items));
        assertEquals(Kind.LEAD, items.get(0).kind());
        assertEquals(false, items.get(4).call().missed());
        List<Inquiry> missed = replay(new ZadarmaAdapter(), channel(Provider.ZADARMA, "RU", Map.of("api-secret", "s")),
                List.of(own("zadarma/notify_start_missed.form"), own("zadarma/notify_end_no_answer.form")));
        assertEquals(List.of(Kind.LEAD, Kind.UPDATE), missed.stream().map(Inquiry::kind).toList());
        assertEquals(true, missed.get(1).call().missed());
    }

    @Test
    void twilioRingingThenCompletedIsOneLead() throws UnparseableException {
        TwilioAdapter adapter = new TwilioAdapter();
        ChannelDefinition ch = channel(Provider.TWILIO, "US", Map.of("auth-token", "t"));
        HookRequest ringing = form("", URL, "CallSid=CA5f2c0d9e8b7a6f5e4d3c2b1a09876543&CallStatus=ringing"
                + "&Direction=inbound&From=%2B14155550199&To=%2B14155550100");
        List<Inquiry> items = replay(adapter, ch, List.of(ringing, own("twilio/status_completed.form"),
                own("twilio/recording_completed.form")));
        assertEquals(List.of(Kind.LEAD, Kind.UPDATE, Kind.UPDATE), items.stream().map(Inquiry::kind).toList());
    }

    @Test
    void twilioCallWhoseDialNobodyTookIsMissedThoughItEndsCompleted() throws UnparseableException {
        TwilioAdapter adapter = new TwilioAdapter();
        ChannelDefinition ch = channel(Provider.TWILIO, "US", Map.of("auth-token", "t"));
        String sid = "CallSid=CA33333333333333333333333333333333&Direction=inbound&From=%2B14155550199&To=%2B14155550100";
        HookRequest ringing = form("", URL, sid + "&CallStatus=ringing");
        HookRequest completed = form("", URL, sid + "&CallStatus=completed&CallDuration=31");
        List<HookRequest> call = List.of(ringing, own("twilio/dial_no_answer.form"), completed);
        CallState state = states(adapter, ch, call).get("CA33333333333333333333333333333333");
        assertTrue(state.ended());
        assertEquals(true, state.missed(), "Twilio ran the TwiML; the dialled people never picked up");
        assertFalse(state.answered());
        List<HookRequest> reversed = new ArrayList<>(call);
        Collections.reverse(reversed);
        assertEquals(state, states(adapter, ch, reversed).get("CA33333333333333333333333333333333"));

        HookRequest taken = form("", URL, sid + "&CallStatus=in-progress&DialCallSid=CA5&DialCallStatus=completed"
                + "&DialCallDuration=25");
        CallState retried = states(adapter, ch, List.of(ringing, own("twilio/dial_no_answer.form"), taken, completed))
                .get("CA33333333333333333333333333333333");
        assertEquals(false, retried.missed(), "a second dial that an agent took answers the call");
    }

    private static HookRequest mango(String subPath, String json) {
        return form(subPath, URL + subPath, encode("vpbx_api_key", "k", "sign", "x", "json", json));
    }
}
