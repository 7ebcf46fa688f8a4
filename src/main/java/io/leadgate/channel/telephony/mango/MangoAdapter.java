// Mango Office VPBX API, notifications to the external system (form fields vpbx_api_key, sign, json; paths
// /events/call, /events/summary, /events/recording, /events/dtmf, /events/sms):
// https://www.mango-office.ru/support/api/ (VPBX API manual v1.x; the samples are from that manual's era)
package io.leadgate.channel.telephony.mango;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEventAdapter;
import io.leadgate.channel.telephony.CallInquiryMapper;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Mango Office VPBX ({@code provider: mango}): Mango posts to the hook URL plus {@code /events/…}; every post is
 * checked against the channel's {@code api-key} and {@code api-salt} ({@link MangoForm}). Call, summary,
 * recording and DTMF notifications are call events; SMS reports and anything else are ignored service events.
 * Answered with an empty 200.
 */
@ApplicationScoped
public class MangoAdapter extends CallEventAdapter {

    @Override
    public Provider provider() {
        return Provider.MANGO;
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return MangoForm.of(request).verify(channel.setting("api-key").orElse(""),
                channel.setting("api-salt").orElse(""));
    }

    @Override
    protected Optional<Inquiry> serviceEvent(HookRequest request, ChannelDefinition channel)
            throws UnparseableException {
        if (MangoEvents.topic(request.subPath()) != MangoEvents.Topic.OTHER) {
            return Optional.empty();
        }
        String key = MangoEvents.serviceKey(request.subPath(), requireJson(request));
        return Optional.of(CallInquiryMapper.serviceEvent(provider().id(), key, null, request.subPath()));
    }

    @Override
    public List<CallEvent> events(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        MangoEvents.Topic topic = MangoEvents.topic(request.subPath());
        if (topic == MangoEvents.Topic.OTHER) {
            return List.of();
        }
        return List.of(MangoEvents.read(topic, requireJson(request)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.empty(200);
    }

    private static String requireJson(HookRequest request) throws UnparseableException {
        String json = MangoForm.of(request).json();
        if (json.isBlank()) {
            throw new UnparseableException("Mango Office notification without the 'json' form field");
        }
        return json;
    }
}
