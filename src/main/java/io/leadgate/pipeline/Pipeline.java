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

/** A sales pipeline: ordered stages a deal moves through. */
@Entity
@Table(name = "pipeline")
public class Pipeline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pipeline_seq")
    @SequenceGenerator(name = "pipeline_seq", sequenceName = "pipeline_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    /** Manager ids for round-robin assignment, comma-separated; may be null. */
    public String managers;

    /** Where the definition came from: seed, file, api or console. */
    @Column(nullable = false)
    public String origin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public java.util.List<String> managerList() {
        return managerList(managers);
    }

    /** The manager ids of a {@code managers} column value. */
    static java.util.List<String> managerList(String managers) {
        if (managers == null || managers.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(managers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
