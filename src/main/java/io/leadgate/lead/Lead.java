package io.leadgate.lead;

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
import java.util.List;

/** A lead: a client's request for sales, fed by one or more inquiries. */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_seq")
    @SequenceGenerator(name = "lead_seq", sequenceName = "lead_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    /** The first inquiry's attribution, as JSON. */
    public String attribution;

    /** The first inquiry's {@code utm_campaign}, for analytics; null without one. */
    @Column(name = "utm_campaign")
    public String utmCampaign;

    /** True when the contact was known before this lead. */
    @Column(name = "returning_client", nullable = false)
    public boolean returningClient;

    /** A missed call opened or joined this lead: somebody should call the client back. */
    @Column(nullable = false)
    public boolean callback;

    @Column(name = "inquiry_count", nullable = false)
    public int inquiryCount;

    /** The configured status code (see LeadStatusDef); null means the semantic code of {@link #status}. */
    @Column(name = "status_code")
    public String statusCode;

    /** Why the lead is junk (a JunkReason code). */
    @Column(name = "junk_reason")
    public String junkReason;

    /** The manager responsible for the lead. */
    public String responsible;

    /** The deal the lead was converted into. */
    @Column(name = "deal_id")
    public Long dealId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The contact's most recent open lead, if any. */
    public static java.util.Optional<Lead> openFor(Long contactId) {
        List<Lead> open = find("contactId = ?1 and status in ?2 order by createdAt desc", contactId,
                List.of(LeadStatus.NEW, LeadStatus.IN_PROGRESS)).page(0, 1).list();
        return open.stream().findFirst();
    }

    /** The status code shown: the configured one, or the semantic code. */
    public String statusCode() {
        return statusCode != null ? statusCode : status.code();
    }
}
