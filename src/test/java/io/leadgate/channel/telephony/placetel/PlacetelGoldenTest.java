package io.leadgate.channel.telephony.placetel;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.telephony.TelephonyTesting;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** EXPECTED.md, telephony/placetel (default region DE): every sample in the folder. */
class PlacetelGoldenTest {

    static final PlacetelAdapter ADAPTER = new PlacetelAdapter();
    static final ChannelDefinition CHANNEL = channel(Provider.PLACETEL, "DE", Map.of("token", "pt0ken"));
    static final String URL = "https://leads.example.com/hooks/tel-placetel/pt0ken";

    static HookRequest sample(String file) {
        String body = TelephonyTesting.sample("telephony/placetel/" + file);
        return form("/pt0ken", URL, body);
    }

    @Test
    void everySampleOfTheFolderIsCovered() {
        assertEquals(List.of("zammad-spec__CallAccepted.form", "zammad-spec__CallAccepted_voicemail.form",
                        "zammad-spec__HungUp_accepted.form", "zammad-spec__IncomingCall.form",
                        "zammad-spec__OutgoingCall.form"),
                TelephonyTesting.sampleNames("telephony/placetel"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            zammad-spec__IncomingCall.form           | LEAD    |               | in  | 1234567890-3 | IncomingCall | -
            zammad-spec__CallAccepted.form           | UPDATE  |               | in  | 1234567890-3 | CallAccepted | false
            zammad-spec__HungUp_accepted.form        | UPDATE  |               | in  | 1234567890-3 | HungUp       | false
            zammad-spec__CallAccepted_voicemail.form | UPDATE  |               | in  | 1234567890-4 | CallAccepted | true
            zammad-spec__OutgoingCall.form           | IGNORED | outbound-call | out | 1234567890-1 | OutgoingCall | -
            """)
    void sampleGivesTheExpectedFacts(String file, Kind kind, String reason, String direction, String callId,
                                     String event, Boolean missed) throws UnparseableException {
        Inquiry i = TelephonyTesting.single(ADAPTER, CHANNEL, sample(file));
        assertEquals(kind, i.kind());
        assertEquals(reason, Reason.codeOf(i.reason()));
        assertEquals(List.of("+491114100300"), i.contact().phones(), "customer, national number read in DE");
        assertEquals("+4930600000000", i.extra().get("line"));
        assertEquals(new CallInfo(callId, direction == null ? null : CallDirection.valueOf(direction.toUpperCase(java.util.Locale.ROOT)), event, missed), i.call().withoutDetails());
        assertEquals(callId + ":" + event, i.externalId());
    }

    @Test
    void hangupTypeIsTheCause() throws UnparseableException {
        assertEquals("accepted", ADAPTER.parse(sample("zammad-spec__HungUp_accepted.form"), CHANNEL)
                .get(0).extra().get("cause"));
    }
}
