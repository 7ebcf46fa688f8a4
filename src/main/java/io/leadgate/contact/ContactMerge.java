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

/** One merge of a source card into a target card: the audit record and the snapshot its undo restores. */
@Entity
@Table(name = "contact_merge")
public class ContactMerge extends PanacheEntityBase {

    /** Who merged. */
    public enum Origin { API, AUTO }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_merge_seq")
    @SequenceGenerator(name = "contact_merge_seq", sequenceName = "contact_merge_seq", allocationSize = 50)
    public Long id;

    @Column(name = "target_id", nullable = false)
    public Long targetId;

    @Column(name = "source_id", nullable = false)
    public Long sourceId;

    @Column(nullable = false)
    public String origin;

    /** The rule that merged automatically, or the candidate's strongest signal. */
    public String rule;

    public Double score;

    /** Comma-separated reasons. */
    public String reasons;

    /** JSON: the rows that moved and both cards' fields before the merge. */
    @Column(nullable = false)
    public String snapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "undone_at")
    public Instant undoneAt;

    /** The user who merged (console) or null (rules, API calls that name nobody). */
    @Column(name = "merged_by")
    public String mergedBy;

    /** The user who undid the merge, when one did. */
    @Column(name = "undone_by")
    public String undoneBy;
}
