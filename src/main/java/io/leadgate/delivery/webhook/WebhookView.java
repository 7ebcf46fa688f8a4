package io.leadgate.delivery.webhook;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it (never its secret). Ids are strings. */
public record WebhookView(String id, String url, List<String> events, String status, String disabledReason,
                          Instant createdAt, Instant updatedAt) {

    public static WebhookView of(WebhookSubscription s) {
        return new WebhookView(String.valueOf(s.id), s.url, s.eventTypes(), s.status.name().toLowerCase(),
                s.disabledReason, s.createdAt, s.updatedAt);
    }
}
