package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Speed to lead: a lead's arrival and its manager's first action (accept, junk, completed task, note). */
@Entity
@Table(name = "lead_response")
public class LeadResponse extends PanacheEntityBase {

    @Id
    @Column(name = "lead_id")
    public Long leadId;

    /** The lead's manager when it arrived, or when it was first acted on. */
    public String manager;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    public String source;

    @Column(name = "arrived_at", nullable = false)
    public Instant arrivedAt;

    /** {@link SpeedToLead.Action#code()}; null while nobody acted. */
    @Column(name = "first_action")
    public String firstAction;

    @Column(name = "first_action_by")
    public String firstActionBy;

    @Column(name = "first_action_at")
    public Instant firstActionAt;

    /** The first action came later than the limit, or has not come within it. */
    @Column(nullable = false)
    public boolean breached;

    /** When the breach event was emitted (once per lead). */
    @Column(name = "breach_emitted_at")
    public Instant breachEmittedAt;
}
