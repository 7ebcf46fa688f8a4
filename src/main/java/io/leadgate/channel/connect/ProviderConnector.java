package io.leadgate.channel.connect;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.store.ChannelRefusedException;

import java.util.Optional;

/**
 * Registers a channel's hook with its provider and checks it, one small class per provider. Calls go through
 * {@link Run}, which records each one; a connector never logs a token.
 */
interface ProviderConnector {

    /**
     * @param hookUrl the public URL of the channel's hook
     * @throws ChannelRefusedException when a setting the provider's API needs is missing (409, naming the key)
     */
    ConnectResult connect(ChannelDefinition channel, String hookUrl, Run run);

    /** A setting the registration API needs. */
    static String required(ChannelDefinition channel, String key, String what) {
        Optional<String> v = channel.setting(key).filter(s -> !s.isBlank());
        return v.orElseThrow(() -> new ChannelRefusedException(ChannelRefusedException.Reason.CONFLICT,
                "key 'settings." + key + "' is needed to connect channel " + channel.id() + ": " + what));
    }
}
