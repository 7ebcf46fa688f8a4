package io.leadgate.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a setting: when, who, what kind, of which subject (see {@link SettingsChanges}). */
@Entity
@Table(name = "settings_change")
public class SettingsChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "settings_change_seq")
    @SequenceGenerator(name = "settings_change_seq", sequenceName = "settings_change_seq", allocationSize = 50)
    public Long id;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** A console username, the API's actor ({@code X-Actor} or "api"), or null for the system (files, start-up). */
    public String actor;

    /** What changed, such as {@code stage.added}; see {@link SettingsChanges.Kind}. */
    @Column(nullable = false)
    public String kind;

    /** The id or code of what changed (a pipeline id, a reason code, a webhook id). */
    public String subject;

    /** A short description in English for people reading the log (names, never secrets or personal data). */
    public String detail;
}
