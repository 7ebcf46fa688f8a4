package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A manager's working hours: per weekday, time ranges in a time zone (a manager without a row always works). */
@Entity
@Table(name = "manager_hours")
public class ManagerHours extends PanacheEntityBase {

    @Id
    public String manager;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** JSON {@code {"mon": ["09:00-18:00"], ...}}; a day not listed is off. */
    @Column(nullable = false)
    public String days;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
