package io.leadgate.channel;

import java.util.Optional;

/**
 * An adapter whose provider checks the hook URL with a GET before sending (Meta's {@code hub.challenge},
 * Zadarma's {@code zd_echo}). The handshake stores nothing.
 */
public interface HandshakeCapable {

    /** The answer to a GET on the hook, or empty when the request is not a handshake this adapter knows (404). */
    Optional<HookReply> handshake(HookRequest request, ChannelDefinition channel);
}
