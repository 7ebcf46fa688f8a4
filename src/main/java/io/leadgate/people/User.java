package io.leadgate.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person who signs in to the console; managers are also the people leads and deals are assigned to. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** Stored as its code ({@code admin}, {@code manager}). */
    @Convert(converter = RoleColumn.class)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public boolean active;

    /** Modular-crypt bcrypt ({@code $2a$…}), null while the user has no password. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Wrong passwords in a row; kept in the database so a lock-out holds on every replica. */
    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The console user who created or last changed this user; null when the API or start-up did. */
    @Column(name = "updated_by")
    public String updatedBy;

    /** The name shown in the console: the display name, else the username. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
