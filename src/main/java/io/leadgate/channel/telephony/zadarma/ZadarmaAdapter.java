// Zadarma PBX call notifications (NOTIFY_* form posts, zd_echo URL check): https://zadarma.com/en/support/api/
// ("Webhooks" / notifications, API v1); signature strings per zadarma/user-api-v1 lib/Webhook (2023)
package io.leadgate.channel.telephony.zadarma;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HandshakeCapable;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEventAdapter;
import io.leadgate.channel.telephony.CallInquiryMapper;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Zadarma ({@code provider: zadarma}): the hook URL is checked by a GET with {@code zd_echo} that must be echoed;
 * notifications are form posts signed with the channel's {@code api-secret} ({@link ZadarmaSignature}). Optional
 * {@code timezone} (IANA zone of the PBX) turns {@code call_start} into {@code occurredAt}. SMS and speech
 * recognition results are ignored service events. Answered with an empty 200 (no change to the call's routing).
 */
@ApplicationScoped
public class ZadarmaAdapter extends CallEventAdapter implements HandshakeCapable {

    @Override
    public Provider provider() {
        return Provider.ZADARMA;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        zone(channel);
    }

    @Override
    public Optional<HookReply> handshake(HookRequest request, ChannelDefinition channel) {
        return request.queryParam("zd_echo").map(echo -> HookReply.text(200, echo));
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return ZadarmaSignature.verify(request, channel.setting("api-secret").orElse(""));
    }

    @Override
    protected Optional<Inquiry> serviceEvent(HookRequest request, ChannelDefinition channel)
            throws UnparseableException {
        String event = FormParams.of(request).require("event", "Zadarma");
        return ZadarmaEvents.CALL_EVENTS.contains(event) ? Optional.empty()
                : Optional.of(CallInquiryMapper.serviceEvent(provider().id(), null, null, event));
    }

    @Override
    public List<CallEvent> events(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        FormParams p = FormParams.of(request);
        if (!ZadarmaEvents.CALL_EVENTS.contains(p.require("event", "Zadarma"))) {
            return List.of();
        }
        return List.of(ZadarmaEvents.read(p, zone(channel)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.empty(200);
    }

    private static ZoneId zone(ChannelDefinition channel) {
        Optional<String> zone = channel.setting("timezone");
        try {
            return zone.map(ZoneId::of).orElse(null);
        } catch (DateTimeException e) {
            throw new ChannelFileException(channel.file(), "settings.timezone", "unknown time zone '" + zone.get()
                    + "'; use an IANA name such as Europe/Moscow");
        }
    }
}
