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

/** When a deal enters a stage of one pipeline, copy it (linked) or move it into a stage of another. */
@Entity
@Table(name = "tunnel")
public class Tunnel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tunnel_seq")
    @SequenceGenerator(name = "tunnel_seq", sequenceName = "tunnel_seq", allocationSize = 50)
    public Long id;

    @Column(name = "from_pipeline_id", nullable = false)
    public Long fromPipelineId;

    @Column(name = "from_stage_id", nullable = false)
    public Long fromStageId;

    @Column(name = "to_pipeline_id", nullable = false)
    public Long toPipelineId;

    @Column(name = "to_stage_id", nullable = false)
    public Long toStageId;

    /** copy or move. */
    @Column(nullable = false)
    public String mode;

    /** Put before the carried deal's title (copy and move), e.g. "Installation failed: ". */
    @Column(name = "title_prefix")
    public String titlePrefix;

    @Column(name = "title_suffix")
    public String titleSuffix;

    /** The fields a copy takes along, comma-separated ({@link TunnelCarry}); null = all. */
    public String carry;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
