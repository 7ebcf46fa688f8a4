package io.leadgate.channel;

/**
 * Where a {@link PollingCapable} adapter hands the raw items it pulled (one mail message as a {@link HookRequest}
 * whose body is the raw bytes). Defined here, implemented by intake: the adapter never reaches into the write path.
 * Thread-safe; {@link #take} returns after the item was committed, parked for replay, or found impossible to store
 * right now.
 */
@FunctionalInterface
public interface InboundSink {

    /** What became of an item. */
    enum Taken {
        /** Stored as an inquiry. */
        STORED,
        /** Received before: nothing changed. */
        DUPLICATE,
        /** Deliberately ignored: no inquiry, nothing kept. */
        IGNORED,
        /** Classified away (an auto-reply, a bounce, a newsletter): no inquiry, kept as an envelope for review. */
        CLASSIFIED,
        /** Refused by the channel's rules: nothing kept. */
        REJECTED,
        /** Not readable as the provider's format: kept raw for a replay. */
        UNPARSEABLE,
        /** Processing failed: kept raw for a replay. */
        KEPT_FOR_REPLAY,
        /** Storage is unavailable: nothing kept; offer the same item again later. */
        RETRY_LATER;

        /** True when the item is dealt with for good and the adapter may move past it. */
        public boolean settled() {
            return this != RETRY_LATER;
        }
    }

    /** Takes one raw item of {@code channel} in. */
    Taken take(ChannelDefinition channel, HookRequest item);

    /**
     * Takes one raw item in and runs {@code settled} in the transaction that settles it (the inquiry's, or the one
     * that keeps it for replay), so the adapter's own bookkeeping — a mailbox's last UID — commits with the item or
     * not at all, and costs no commit of its own. {@code settled} joins the current transaction; where an outcome
     * keeps nothing (refused), it runs on its own after. It is not run for {@link Taken#RETRY_LATER}, and may run more
     * than once when the transaction is retried, so it must be idempotent.
     */
    default Taken take(ChannelDefinition channel, HookRequest item, Runnable settled) {
        Taken taken = take(channel, item);
        if (taken.settled()) {
            settled.run();
        }
        return taken;
    }
}
