package io.leadgate.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A change of a card's name or company by a person: who, when and which fields (the values stay on the card). */
@Entity
@Table(name = "contact_edit")
public class ContactEdit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_edit_seq")
    @SequenceGenerator(name = "contact_edit_seq", sequenceName = "contact_edit_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    /** Who changed it: a console username or the API's actor. */
    public String actor;

    /** The changed fields, comma-separated: {@code name}, {@code company} or {@code name,company}. */
    @Column(nullable = false)
    public String fields;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
