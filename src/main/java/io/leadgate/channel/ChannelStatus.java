package io.leadgate.channel;

import java.nio.file.Path;

/**
 * One channel file as the gateway sees it now. Holds no settings (they may be secrets).
 *
 * @param provider as written in the file; null when absent
 * @param error    why an {@link ChannelState#INVALID} channel cannot be used, naming the file and the key; else null
 */
public record ChannelStatus(String id, String provider, boolean enabled, ChannelState state, String error, Path file) {
}
