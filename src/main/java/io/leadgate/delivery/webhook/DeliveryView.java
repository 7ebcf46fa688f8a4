package io.leadgate.delivery.webhook;

import java.time.Instant;

/** A delivery as the API shows it; {@code cursor} is the event's feed position (as in {@code /api/events}). */
public record DeliveryView(String id, String webhookId, String eventId, String eventType, long cursor, String status,
                           int attempts, int rejections, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                           String lastError, Instant createdAt, Instant deliveredAt, String replayedBy) {

    public static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(String.valueOf(d.id), String.valueOf(d.subscriptionId), d.eventId, d.eventType,
                d.feedPosition, d.status.name().toLowerCase(), d.attempts, d.rejections,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatus,
                d.lastError, d.createdAt, d.deliveredAt, d.replayedBy);
    }
}
