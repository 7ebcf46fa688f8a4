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

/** One entry of a deal into a stage: who, when, from where; left_at once it leaves. */
@Entity
@Table(name = "deal_move")
public class DealMove extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deal_move_seq")
    @SequenceGenerator(name = "deal_move_seq", sequenceName = "deal_move_seq", allocationSize = 50)
    public Long id;

    @Column(name = "deal_id", nullable = false)
    public Long dealId;

    @Column(name = "from_pipeline_id")
    public Long fromPipelineId;

    @Column(name = "from_stage_id")
    public Long fromStageId;

    @Column(name = "to_pipeline_id", nullable = false)
    public Long toPipelineId;

    @Column(name = "to_stage_id", nullable = false)
    public Long toStageId;

    @Column(nullable = false)
    public String actor;

    @Column(name = "loss_reason")
    public String lossReason;

    @Column(name = "moved_at", nullable = false)
    public Instant movedAt;

    @Column(name = "left_at")
    public Instant leftAt;
}
