package io.leadgate.channel.connect;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.connect.ConnectResult.State;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Providers without a registration API. Meta (WhatsApp, Messenger, Instagram): the callback URL and verify token to
 * paste in the app's Webhooks settings, the fields to subscribe, and whether Meta's verification GET
 * ({@code hub.challenge}) was answered and when. Others: the URL to set at the provider.
 */
final class ManualConnect implements ProviderConnector {

    private final Function<String, Optional<Instant>> handshakeSeen;

    ManualConnect(Function<String, Optional<Instant>> handshakeSeen) {
        this.handshakeSeen = handshakeSeen;
    }

    @Override
    public ConnectResult connect(ChannelDefinition channel, String hookUrl, Run run) {
        run.fact("callbackUrl", hookUrl);
        if (isMeta(channel.provider())) {
            run.fact("verifyToken", channel.setting("verify-token").orElse(null));
            run.fact("subscribeFields", switch (channel.provider()) {
                case FACEBOOK -> List.of("messages", "messaging_postbacks");
                default -> List.of("messages");
            });
            Optional<Instant> seen = handshakeSeen.apply(channel.id());
            run.fact("handshakeSeen", seen.isPresent());
            run.fact("handshakeSeenAt", seen.map(Instant::toString).orElse(null));
        } else {
            run.fact("note", "provider " + channel.provider().id() + " has no webhook registration API: set this URL "
                    + "in its settings (see docs/providers/" + channel.provider().id() + ".md)");
        }
        return run.result(State.MANUAL);
    }

    static boolean isMeta(Provider p) {
        return p == Provider.WHATSAPP || p == Provider.FACEBOOK || p == Provider.INSTAGRAM;
    }
}
