package io.leadgate.console.inbox;

import java.time.Instant;

/**
 * The inbox filters, each optional: channel id, source, status (a semantic or configured code), manager, period,
 * and a search by name, phone (any format) or email.
 */
public record InboxFilter(String channel, String source, String status, String manager, Instant from, Instant to,
                          String search) {

    public static final InboxFilter NONE = new InboxFilter(null, null, null, null, null, null, null);

    public InboxFilter {
        channel = blankToNull(channel);
        source = blankToNull(source);
        status = blankToNull(status);
        manager = blankToNull(manager);
        search = blankToNull(search);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
