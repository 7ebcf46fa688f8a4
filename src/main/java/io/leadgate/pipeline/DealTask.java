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

/** A task or reminder on a deal or a lead, with a due time and an assignee (the manager's desk). */
@Entity
@Table(name = "deal_task")
public class DealTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deal_task_seq")
    @SequenceGenerator(name = "deal_task_seq", sequenceName = "deal_task_seq", allocationSize = 50)
    public Long id;

    /** The deal; null for a task on a lead. */
    @Column(name = "deal_id")
    public Long dealId;

    /** The lead; null for a task on a deal. */
    @Column(name = "lead_id")
    public Long leadId;

    /** The manager who should do it. */
    public String assignee;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    /** Why an automatic task exists (unique), such as {@code callback:<inquiry id>}; null for others. */
    public String origin;

    /** task, reminder or call. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(nullable = false)
    public boolean done;

    /** The automation job that added it (unique: a job adds its task once). */
    @Column(name = "job_id")
    public Long jobId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
