package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A manager deals and leads can be assigned to; one that is not listed counts as active. */
@Entity
@Table(name = "manager")
public class Manager extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
