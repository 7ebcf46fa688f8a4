package io.leadgate.console.card;

import java.time.Instant;
import java.util.List;

/**
 * One event on a contact's timeline, whatever it came from.
 *
 * @param kind        inquiry, call, status, deal, merge, unmerge, note or edit (of the name or company)
 * @param attachments the inquiry's attachments, each downloadable when stored
 */
public record TimelineEntry(Instant at, Kind kind, String channel, String provider, String title, String text,
                            List<Attachment> attachments, Call call, String actor) {

    /** What an entry is. */
    public enum Kind {
        INQUIRY, CALL, STATUS, DEAL, MERGE, UNMERGE, NOTE, EDIT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An attachment; {@code href} is null when its content was not kept. */
    public record Attachment(String name, Long size, String href) {
    }

    /** A call: direction, missed, duration in seconds. */
    public record Call(String direction, boolean missed, Integer durationSeconds, String line) {
    }
}
