package io.leadgate.contact;

import java.time.Instant;
import java.util.List;

/** A contact card as the read API shows it (CONTRACT §5). Ids are strings; mergedInto is set on a merged card. */
public record ContactView(String id, String name, List<String> phones, List<String> emails,
                          List<String> undeliverableEmails, List<HandleView> handles, List<String> leadIds,
                          Instant createdAt, Instant updatedAt, String mergedInto) {

    public record HandleView(String provider, String id, String username) {
    }
}
