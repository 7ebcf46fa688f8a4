package io.leadgate.channel.store;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** The keys that encrypt the secret settings of channels stored through the API, {@code leadgate.channel.*}. */
@ConfigMapping(prefix = "leadgate.channel")
public interface ChannelKeyConfig {

    /** The current key: 32 bytes, base64 ({@code LEADGATE_CHANNEL_KEY}). New and rewritten secrets use it. */
    Optional<String> key();

    /**
     * Former keys, base64, comma-separated ({@code LEADGATE_CHANNEL_OLD_KEYS}): rows sealed under them stay readable
     * and are sealed again under the current key at start-up and on their next write.
     */
    Optional<List<String>> oldKeys();
}
