package io.leadgate.contact;

import java.time.Instant;
import java.util.List;

/** A contact card as the read API shows it (CONTRACT §5). Ids are strings. */
public record ContactView(String id, String name, List<String> phones, List<String> emails,
                          List<String> undeliverableEmails, List<HandleView> handles, List<String> leadIds,
                          Instant createdAt, Instant updatedAt) {

    public record HandleView(String provider, String id, String username) {
    }
}
