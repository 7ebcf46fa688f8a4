package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A robot: on an occasion, do an action (now, after a delay, and optionally again every period). Occasions
 * ({@link #triggerOn}, {@link RuleTrigger}): a deal's entry into {@link #stageId}; a client's new inquiry while their
 * deal is in {@link #stageId} or their lead in {@link #leadStatus}; a lead's entry into {@link #leadStatus}.
 */
@Entity
@Table(name = "automation_rule")
public class AutomationRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_rule_seq")
    @SequenceGenerator(name = "automation_rule_seq", sequenceName = "automation_rule_seq", allocationSize = 50)
    public Long id;

    /** The stage's pipeline; null for a rule on a lead status. */
    @Column(name = "pipeline_id")
    public Long pipelineId;

    /** The stage of a deal rule; null for a rule on a lead status. */
    @Column(name = "stage_id")
    public Long stageId;

    /** {@link RuleTrigger#code()}. */
    @Column(name = "trigger_on", nullable = false)
    public String triggerOn = RuleTrigger.STAGE_ENTERED.code();

    /** The lead status (code) of a lead rule. */
    @Column(name = "lead_status")
    public String leadStatus;

    /** An inquiry rule's kinds (call, message, form, email), space-separated; null = any inquiry. */
    @Column(name = "inquiry_kinds")
    public String inquiryKinds;

    /** A calendar delay (ISO-8601 period such as P11M); when set it replaces {@link #delaySeconds}. */
    @Column(name = "delay_period")
    public String delayPeriod;

    /** Runs again every period (ISO-8601, such as P1Y) after each run, until cancelled; null = once. */
    @Column(name = "repeat_every")
    public String repeatEvery;

    /** {@link AutomationAction#code()}. */
    @Column(nullable = false)
    public String action;

    /** The action parameters as a JSON object. */
    @Column(nullable = false)
    public String params;

    @Column(name = "delay_seconds", nullable = false)
    public long delaySeconds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
