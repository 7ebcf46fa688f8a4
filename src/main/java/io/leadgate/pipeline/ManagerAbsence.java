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

/** A manager's absence (holiday, sick leave): [startsAt, endsAt). */
@Entity
@Table(name = "manager_absence")
public class ManagerAbsence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "manager_absence_seq")
    @SequenceGenerator(name = "manager_absence_seq", sequenceName = "manager_absence_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String manager;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
