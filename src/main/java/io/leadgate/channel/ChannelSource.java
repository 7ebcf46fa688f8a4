package io.leadgate.channel;

import java.util.List;

/**
 * Channels defined outside the channel files (through the API, stored in the database), merged by
 * {@link ChannelRegistry} into the same snapshot as the files. Called from the registry's poll, one call at a time.
 */
public interface ChannelSource {

    /** No channels besides the files. */
    ChannelSource NONE = () -> List.of();

    /**
     * Every stored channel, each {@link ChannelFile.Valid} or {@link ChannelFile.Invalid} with its
     * {@link ChannelOrigin#apiPath marker path}; unchanged channels should come back as equal values.
     *
     * @throws RuntimeException when the store cannot be read now (the registry keeps what it had)
     */
    List<ChannelFile> load();
}
