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
import java.util.Arrays;
import java.util.List;

/** A webhook subscription: where to POST which event types, and the signing secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    /** Whether a subscription receives deliveries. */
    public enum Status { ACTIVE, DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_subscription_seq")
    @SequenceGenerator(name = "webhook_subscription_seq", sequenceName = "webhook_subscription_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String url;

    /** The event types, space-separated. */
    @Column(nullable = false)
    public String events;

    /** The signing secret; never shown by the API nor logged. */
    @Column(nullable = false)
    public String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Events written after this point of the outbox's write order are sent to it (by write order, not by clocks). */
    @Column(name = "from_write_seq", nullable = false)
    public long fromWriteSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> eventTypes() {
        return Arrays.stream(events.split(" ")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean wants(String type) {
        return eventTypes().contains(type);
    }
}
