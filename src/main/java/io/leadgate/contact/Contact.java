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

/** A contact card: one person, whatever channel they use. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    public Long id;

    public String name;

    /** The company the person works for, as entered by hand. */
    public String company;

    /** The manager responsible for the client: a returning client's new lead goes to them. */
    public String responsible;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the person's data was erased (GDPR); the card then holds nothing and the API no longer shows it. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** The card this one was merged into (null while it is a card of its own). */
    @Column(name = "merged_into")
    public Long mergedInto;
}
