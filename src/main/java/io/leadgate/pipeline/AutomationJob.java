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

/** One due run of a rule for one stage entry; the executor claims it with SKIP LOCKED and runs it once. */
@Entity
@Table(name = "automation_job")
public class AutomationJob extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_job_seq")
    @SequenceGenerator(name = "automation_job_seq", sequenceName = "automation_job_seq", allocationSize = 50)
    public Long id;

    @Column(name = "rule_id", nullable = false)
    public Long ruleId;

    @Column(name = "deal_id", nullable = false)
    public Long dealId;

    /** The stage entered, and the entry, that scheduled the job. */
    @Column(name = "stage_id", nullable = false)
    public Long stageId;

    @Column(name = "move_id", nullable = false)
    public Long moveId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String params;

    /** pending, done, skipped or failed. */
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
