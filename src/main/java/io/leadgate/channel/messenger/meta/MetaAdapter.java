package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HandshakeCapable;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Verification;

import java.util.Optional;

/**
 * What the Meta products share: JSON bodies signed with {@code X-Hub-Signature-256} ({@code app-secret}), the
 * {@code hub.challenge} handshake ({@code verify-token}) and a plain {@code 200} answer, also for redeliveries.
 */
public abstract class MetaAdapter implements ChannelAdapter, HandshakeCapable {

    @Override
    public boolean accepts(String mediaType) {
        return PayloadJson.acceptsJson(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return MetaSignature.verify(request, channel.setting("app-secret"));
    }

    @Override
    public Optional<HookReply> handshake(HookRequest request, ChannelDefinition channel) {
        return MetaHandshake.answer(request, channel);
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.text(200, "EVENT_RECEIVED");
    }
}
