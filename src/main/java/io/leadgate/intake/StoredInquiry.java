package io.leadgate.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A normalised inquiry as stored: the item JSON of the preview contract plus where it went. */
@Entity
@Table(name = "inquiry")
public class StoredInquiry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inquiry_seq")
    @SequenceGenerator(name = "inquiry_seq", sequenceName = "inquiry_seq", allocationSize = 50)
    public Long id;

    @Column(name = "envelope_id")
    public Long envelopeId;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public String kind;

    public String reason;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "dedup_key", nullable = false)
    public String dedupKey;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "lead_id")
    public Long leadId;

    /** The normalised item as JSON (CONTRACT §4 item shape). */
    @Column(nullable = false)
    public String item;

    /** How the contact was chosen, as JSON: decision and the identities that matched. */
    public String resolution;
}
