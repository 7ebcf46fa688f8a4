package io.leadgate.channel;

import java.util.Set;

/**
 * A hook provider's adapter: an {@link InboundAdapter} that also verifies what the provider posts and answers it the
 * way it needs. One stateless, thread-safe instance serves every channel of its provider; the channel's settings
 * come with each call.
 *
 * <p>Call order for a hook request: {@link #accepts} (else 415) → {@link #verify} (else 401, nothing stored) →
 * {@link #parse} (an {@link UnparseableException} gives 400, the raw request is kept) → the write path stores the
 * items in one transaction → {@link #reply} after commit. Preview runs the same steps without storing.
 *
 * <p>{@code verify} works on the raw bytes and compares secrets in constant time ({@link Secrets}). {@code parse}
 * is pure: no database, no HTTP calls; it may be called again later on a stored request (replay).
 */
public interface ChannelAdapter extends InboundAdapter {

    /** True when the adapter reads this media type (lower-case, no parameters; {@code ""} when absent). */
    boolean accepts(String mediaType);

    /** Checks that the request comes from the provider (signature, token). */
    Verification verify(HookRequest request, ChannelDefinition channel);

    /** The answer after the items were committed (or found to be redeliveries). */
    HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome);

    /**
     * Request headers that carry a secret of this provider (case-insensitive names): they are never kept in a stored
     * envelope. {@code Authorization}, {@code Cookie} and {@code X-Leadgate-Token} are left out for every provider;
     * signature headers (HMACs over the body) are no secrets. Default: none beyond those.
     */
    default Set<String> secretHeaders() {
        return Set.of();
    }

    /**
     * Top-level body fields (form-encoded or JSON keys) that carry a secret of this provider: their values are
     * removed from a stored envelope, the rest of the body stays byte for byte. {@code parse} must still read a body
     * without them (replay). Default: none.
     */
    default Set<String> secretFields() {
        return Set.of();
    }

    /** The answer when verification failed. */
    default HookReply rejected(HookRequest request, ChannelDefinition channel, Verification verification) {
        return HookReply.json(401, "{\"error\":\"verification failed: " + verification.name().toLowerCase() + "\"}");
    }
}
