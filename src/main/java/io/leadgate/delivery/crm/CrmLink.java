package io.leadgate.delivery.crm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** The CRM's id of one of our contacts or leads (an external identity); no remote id yet while a create is in flight. */
@Entity
@Table(name = "crm_link")
public class CrmLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_link_seq")
    @SequenceGenerator(name = "crm_link_seq", sequenceName = "crm_link_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String crm;

    /** {@code contact} or {@code lead}. */
    @Column(nullable = false)
    public String entity;

    @Column(name = "local_id", nullable = false)
    public Long localId;

    /** The CRM's entity type: {@code contact}, {@code lead} or {@code deal}. */
    @Column(name = "remote_type", nullable = false)
    public String remoteType;

    @Column(name = "remote_id")
    public String remoteId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
