package io.leadgate.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A normalised phone, email or messenger handle that belongs to one contact (unique in the database). */
@Entity
@Table(name = "contact_identity")
public class ContactIdentity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_identity_seq")
    @SequenceGenerator(name = "contact_identity_seq", sequenceName = "contact_identity_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentityKind kind;

    @Column(name = "identity_value", nullable = false)
    public String identityValue;

    /** The messenger user name, for handles. */
    public String label;

    /** Mail to this address bounced: it no longer reaches the person. */
    @Column(nullable = false)
    public boolean undeliverable;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
