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

/** A note a person wrote on a contact card. */
@Entity
@Table(name = "contact_note")
public class ContactNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_note_seq")
    @SequenceGenerator(name = "contact_note_seq", sequenceName = "contact_note_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    /** Who wrote it: a console username or the API's actor. */
    public String author;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
