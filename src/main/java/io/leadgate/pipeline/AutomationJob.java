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
 * One due run of a rule for one occasion (a stage entry, an inquiry, a lead status entry) on a deal or a lead; the
 * executor claims it with SKIP LOCKED and runs it once. (rule, cause, occurrence) is unique.
 */
@Entity
@Table(name = "automation_job")
public class AutomationJob extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_job_seq")
    @SequenceGenerator(name = "automation_job_seq", sequenceName = "automation_job_seq", allocationSize = 50)
    public Long id;

    @Column(name = "rule_id", nullable = false)
    public Long ruleId;

    /** The deal the job acts on; null for a job on a lead. */
    @Column(name = "deal_id")
    public Long dealId;

    /** The lead the job acts on; null for a job on a deal. */
    @Column(name = "lead_id")
    public Long leadId;

    /** The stage entered, and the entry, that scheduled the job (a deal job; for an inquiry: the deal's stay). */
    @Column(name = "stage_id")
    public Long stageId;

    @Column(name = "move_id")
    public Long moveId;

    /** The occasion: {@code move:<id>}, {@code inquiry:<id>:deal:<id>}, {@code status:<lead>:<code>:<n>}, ... */
    public String cause;

    /** 0 for the first run; a repeating rule's next run is the next number. */
    @Column(nullable = false)
    public int occurrence;

    /** Who cancelled the job (status cancelled). */
    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String params;

    /** pending, done, skipped, failed or cancelled. */
    @Column(nullable = false)
    public String status;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "done_at")
    public Instant doneAt;
}
