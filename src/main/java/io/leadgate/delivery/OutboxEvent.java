package io.leadgate.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A lead event written in the same transaction as the change it reports (transactional outbox). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    public Long id;

    /** The CloudEvent id: unique, stable across redelivery. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "lead_id")
    public Long leadId;

    @Column(name = "inquiry_id")
    public Long inquiryId;

    @Column(name = "channel_id")
    public String channelId;

    /** The CloudEvent in structured JSON mode. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The feed cursor, given after commit in commit order; null until then. */
    @Column(name = "feed_position")
    public Long feedPosition;
}
