package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;


/** A stage of a pipeline. Deleted stages stay, marked, so the move history keeps its meaning. */
@Entity
@Table(name = "stage")
public class Stage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stage_seq")
    @SequenceGenerator(name = "stage_seq", sequenceName = "stage_seq", allocationSize = 50)
    public Long id;

    @Column(name = "pipeline_id", nullable = false)
    public Long pipelineId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String color;

    /** {@link Semantics#code()}. */
    @Column(nullable = false)
    public String semantics;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean deleted;

    /** Chance in % that a deal here is won; null = not set. See {@link Probabilities}. */
    public Integer probability;

    public Semantics semantics() {
        return Semantics.parse(semantics).orElseThrow();
    }

    /** The live stages of a pipeline, in order. */
    public static java.util.List<Stage> of(long pipelineId) {
        return list("pipelineId = ?1 and deleted = false order by position, id", pipelineId);
    }
}
