package io.leadgate.delivery.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One event for one subscription: pending until delivered, or dead after the last attempt (replayable). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, DEAD }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public Long subscriptionId;

    /** The event's place in the feed: a subscription's deliveries go out in this order. */
    @Column(name = "feed_position", nullable = false)
    public Long feedPosition;

    /** The CloudEvent id, also the {@code webhook-id} header: the same across retries and replays. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Attempts since the delivery was made or last replayed. */
    @Column(nullable = false)
    public int attempts;

    /** 4xx answers (other than 408, 410, 429) since the delivery was made or last replayed. */
    @Column(nullable = false)
    public int rejections;

    /** Not before this instant; while a sender holds the delivery, the end of its lease. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    /** The HTTP status of the last attempt; null when no answer came. */
    @Column(name = "last_status")
    public Integer lastStatus;

    /** Why the last attempt failed, in a few words (never the answer's body). */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The console user who last replayed this delivery; null when none did. */
    @Column(name = "replayed_by")
    public String replayedBy;
}
