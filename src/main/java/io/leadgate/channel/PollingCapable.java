package io.leadgate.channel;

import java.util.List;

/**
 * An adapter whose provider the gateway pulls from instead of being posted to (an IMAP mailbox); the counterpart of
 * {@link HandshakeCapable} for the other direction. It owns its threads, connections and progress.
 *
 * <p>Lifecycle: {@link #startPolling} is called once at start-up, after the channel files loaded, with every enabled
 * channel of {@link #provider()} (possibly none) and the sink that takes the raw items in; {@link #stopPolling} once
 * at shutdown. The adapter calls {@link InboundSink#take} from its own threads, one item at a time per channel, and
 * moves past an item (records its progress) only when the answer is {@link InboundSink.Taken#settled() settled};
 * on {@link InboundSink.Taken#RETRY_LATER} it stops the round and offers the same item again later.
 */
public interface PollingCapable {

    /** The provider this adapter polls for. */
    Provider provider();

    /** Starts pulling the given channels in the background, handing every raw item to {@code sink}. */
    void startPolling(List<ChannelDefinition> channels, InboundSink sink);

    /** Stops pulling; blocks no longer than it takes to close connections. */
    void stopPolling();
}
