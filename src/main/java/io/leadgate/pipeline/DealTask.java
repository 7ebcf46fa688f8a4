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

/** A task or reminder on a deal, with a due time. */
@Entity
@Table(name = "deal_task")
public class DealTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deal_task_seq")
    @SequenceGenerator(name = "deal_task_seq", sequenceName = "deal_task_seq", allocationSize = 50)
    public Long id;

    @Column(name = "deal_id", nullable = false)
    public Long dealId;

    /** task or reminder. */
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
