package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A manager deals and leads can be assigned to: a console user (table {@code app_user}, see {@code people.User}) as
 * assignment sees it; one that is not listed counts as active. A manager created here has the manager role and no
 * password until an admin sets one.
 */
@Entity
@Table(name = "app_user")
public class Manager extends PanacheEntityBase {

    @Id
    @Column(name = "username")
    public String id;

    @Column(name = "display_name")
    public String name;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
