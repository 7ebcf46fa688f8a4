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

/** A robot: on entry into a stage, do an action (now or after a delay). */
@Entity
@Table(name = "automation_rule")
public class AutomationRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_rule_seq")
    @SequenceGenerator(name = "automation_rule_seq", sequenceName = "automation_rule_seq", allocationSize = 50)
    public Long id;

    @Column(name = "pipeline_id", nullable = false)
    public Long pipelineId;

    @Column(name = "stage_id", nullable = false)
    public Long stageId;

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
