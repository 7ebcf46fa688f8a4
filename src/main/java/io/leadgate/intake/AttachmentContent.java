package io.leadgate.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** The bytes of an inquiry's attachment, kept for channels with {@code attachments: store}. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_content_seq")
    @SequenceGenerator(name = "attachment_content_seq", sequenceName = "attachment_content_seq", allocationSize = 50)
    public Long id;

    @Column(name = "inquiry_id", nullable = false)
    public Long inquiryId;

    /** The attachment's index in the inquiry's {@code attachments} list. */
    @Column(nullable = false)
    public int position;

    public String name;

    @Column(name = "content_type")
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public byte[] content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<AttachmentContent> of(Long inquiryId, int position) {
        return find("inquiryId = ?1 and position = ?2", inquiryId, position).firstResultOptional();
    }
}
