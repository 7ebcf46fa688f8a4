package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A deal: a sale in progress for a contact, in one stage of one pipeline. */
@Entity
@Table(name = "deal")
public class Deal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deal_seq")
    @SequenceGenerator(name = "deal_seq", sequenceName = "deal_seq", allocationSize = 50)
    public Long id;

    @Column(name = "pipeline_id", nullable = false)
    public Long pipelineId;

    @Column(name = "stage_id", nullable = false)
    public Long stageId;

    /** open, won or lost: the semantics of the current stage. */
    @Column(nullable = false)
    public String status;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    @Column(name = "lead_id")
    public Long leadId;

    /** The deal a copy tunnel created this one from. */
    @Column(name = "source_deal_id")
    public Long sourceDealId;

    @Column(name = "channel_id")
    public String channelId;

    public String source;

    public BigDecimal amount;

    public String currency;

    public String responsible;

    @Column(name = "loss_reason")
    public String lossReason;

    /** The operator's title; null = the default made from the contact and the source ({@link DealTitles}). */
    public String title;

    @Column(name = "expected_close")
    public LocalDate expectedClose;

    /** The amount was set by hand; otherwise it follows the deal's products ({@link DealItems}). */
    @Column(name = "amount_manual", nullable = false)
    public boolean amountManual;

    /** Custom fields as a JSON object. */
    public String fields;

    @Column(name = "inquiry_count", nullable = false)
    public int inquiryCount;

    @Column(name = "stage_entered_at", nullable = false)
    public Instant stageEnteredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
