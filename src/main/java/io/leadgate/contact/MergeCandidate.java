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

/** Two cards that may be one person ({@code contactId < otherId}), with the best score seen and its reasons. */
@Entity
@Table(name = "merge_candidate")
public class MergeCandidate extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String MERGED = "merged";
    /** An operator said "not the same person": never listed again, never merged by a rule. */
    public static final String DISTINCT = "distinct";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "merge_candidate_seq")
    @SequenceGenerator(name = "merge_candidate_seq", sequenceName = "merge_candidate_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    @Column(name = "other_id", nullable = false)
    public Long otherId;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public String rule;

    /** Comma-separated reasons. */
    @Column(nullable = false)
    public String reasons;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Who said "not the same person" (a console username or the API's actor); null when no one did. */
    @Column(name = "decided_by")
    public String decidedBy;
}
