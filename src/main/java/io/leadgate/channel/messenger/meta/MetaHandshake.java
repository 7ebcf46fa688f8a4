package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Secrets;

import java.util.Optional;

/**
 * Meta's subscription check: {@code GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…} is answered
 * {@code 200} with the challenge as plain text when the token equals the channel's {@code verify-token}
 * (constant time), {@code 403} otherwise. A GET without {@code hub.mode} is not a handshake.
 */
public final class MetaHandshake {

    private MetaHandshake() {
    }

    public static Optional<HookReply> answer(HookRequest request, ChannelDefinition channel) {
        Optional<String> mode = request.queryParam("hub.mode");
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = request.queryParam("hub.verify_token");
        Optional<String> challenge = request.queryParam("hub.challenge");
        boolean tokenMatches = token.isPresent()
                && Secrets.constantTimeEquals(channel.setting("verify-token").orElse(null), token.get());
        if (mode.get().equals("subscribe") && tokenMatches && challenge.isPresent()) {
            return Optional.of(HookReply.text(200, challenge.get()));
        }
        return Optional.of(HookReply.text(403, "verification token mismatch"));
    }
}
