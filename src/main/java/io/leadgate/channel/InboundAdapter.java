package io.leadgate.channel;

import io.leadgate.inquiry.Inquiry;

import java.util.List;

/**
 * What every provider adapter does, whatever the transport: reads what the provider delivered into normalised
 * inquiries. Hook providers implement {@link ChannelAdapter} (which adds verification and the provider's answer);
 * providers the gateway pulls from implement this and {@link PollingCapable}. One stateless, thread-safe instance
 * serves every channel of its provider; the channel's settings come with each call.
 *
 * <p>{@code parse} is pure: no database, no HTTP calls; it may be called again later on a stored request (replay).
 */
public interface InboundAdapter {

    Provider provider();

    /** Checks provider-specific settings when a channel loads; throws {@link ChannelFileException} naming the key. */
    default void validate(ChannelDefinition channel) {
    }

    /**
     * Reads a raw delivery into inquiries: usually one, several for batched deliveries, none for a bare ping.
     * Throws {@link UnparseableException} when the bytes are not the provider's format (the raw request is kept),
     * {@link RejectedException} when an abuse rule refuses it (nothing is kept).
     */
    List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException;
}
