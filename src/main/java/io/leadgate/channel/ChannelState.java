package io.leadgate.channel;

import java.util.Locale;

/** Where a channel file stands: serving its hook, switched off by {@code enabled: false}, or unusable. */
public enum ChannelState {
    ACTIVE, DISABLED, INVALID;

    /** The word used in {@code GET /api/channels}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
