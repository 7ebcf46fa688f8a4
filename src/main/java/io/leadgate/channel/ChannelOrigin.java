package io.leadgate.channel;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a channel is defined: a file of the channels directory, or the API (stored in the database). An API channel's
 * {@link ChannelDefinition#file()} is the marker path {@code api:<id>}, so messages and statuses name it the same way.
 */
public enum ChannelOrigin {
    FILE, API;

    private static final String API_PREFIX = "api:";

    /** The marker path of a channel defined through the API. */
    public static Path apiPath(String id) {
        return Path.of(API_PREFIX + id);
    }

    /** The origin of a definition or status by its path. */
    public static ChannelOrigin of(Path file) {
        return file != null && file.getNameCount() == 1 && file.toString().startsWith(API_PREFIX) ? API : FILE;
    }

    /** The word used in {@code GET /api/channels}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
