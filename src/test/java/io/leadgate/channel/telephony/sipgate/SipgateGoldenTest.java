package io.leadgate.channel.telephony.sipgate;

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

/** EXPECTED.md, telephony/sipgate: every sample in the folder. */
class SipgateGoldenTest {

    static final SipgateAdapter ADAPTER = new SipgateAdapter();
    static final ChannelDefinition CHANNEL = channel(Provider.SIPGATE, "DE", Map.of("token", "s3cret"));
    static final String URL = "https://leads.example.com/hooks/tel-sipgate/s3cret";

    static HookRequest sample(String file) {
        String body = TelephonyTesting.sample("telephony/sipgate/" + file);
        return form("/s3cret", URL, body);
    }

    @Test
    void everySampleOfTheFolderIsCovered() {
        assertEquals(List.of("zammad-spec__in_answer.form", "zammad-spec__in_hangup_normalClearing.form",
                        "zammad-spec__in_newCall.form", "zammad-spec__in_newCall_two_users.form",
                        "zammad-spec__out_hangup_cancel.form", "zammad-spec__out_newCall.form"),
                TelephonyTesting.sampleNames("telephony/sipgate"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            zammad-spec__in_newCall_two_users.form     | LEAD    |         | in  | +4912347114711 | +4930600000000 | 4991155921769858278-1 | newCall | -     | user 1, user 2
            zammad-spec__in_newCall.form               | LEAD    |         | in  | +4912347114711 | +4930600000000 | 1234567890-3          | newCall | -     | user 1
            zammad-spec__in_answer.form                | UPDATE  |         | in  | +4912347114711 | +4930600000000 | 1234567890-3          | answer  | false | -
            zammad-spec__in_hangup_normalClearing.form | UPDATE  |         | in  | +4912347114711 | +4930600000000 | 1234567890-3          | hangup  | false | -
            zammad-spec__out_newCall.form              | IGNORED | outbound-call | out | +4912347114711 | +4930600000000 | 1234567890-2    | newCall | -     | user 1
            zammad-spec__out_hangup_cancel.form        | UPDATE  |         | out | -              | -              | 1234567890-1          | hangup  | -     | -
            """)
    void sampleGivesTheExpectedFacts(String file, Kind kind, String reason, String direction, String customer,
                                     String line, String callId, String event, Boolean missed, String agent)
            throws UnparseableException {
        Inquiry i = TelephonyTesting.single(ADAPTER, CHANNEL, sample(file));
        assertEquals(kind, i.kind());
        assertEquals(reason, Reason.codeOf(i.reason()));
        assertEquals(customer == null ? List.of() : List.of(customer), i.contact().phones());
        assertEquals(line, i.extra().get("line"));
        assertEquals(new CallInfo(callId, direction == null ? null : CallDirection.valueOf(direction.toUpperCase(java.util.Locale.ROOT)), event, missed), i.call().withoutDetails());
        assertEquals(callId + ":" + event, i.externalId());
        assertEquals(agent, i.extra().get("agent"));
    }

    @Test
    void hangupCauseIsKept() throws UnparseableException {
        assertEquals("normalClearing", ADAPTER.parse(sample("zammad-spec__in_hangup_normalClearing.form"), CHANNEL)
                .get(0).extra().get("cause"));
        assertEquals("cancel", ADAPTER.parse(sample("zammad-spec__out_hangup_cancel.form"), CHANNEL)
                .get(0).extra().get("cause"));
    }
}
