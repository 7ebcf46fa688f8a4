package io.leadgate.channel.email.imap;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Where a polled mailbox stands: UIDVALIDITY and the last UID taken, and how the last poll went. */
@Entity
@Table(name = "mailbox_state")
public class MailboxState extends PanacheEntityBase {

    @Id
    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "uid_validity")
    public Long uidValidity;

    @Column(name = "last_uid", nullable = false)
    public long lastUid;

    /** Messages waiting after the last poll. */
    @Column(nullable = false)
    public long backlog;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    /** The last failure's kind (exception class), never its message. */
    @Column(name = "last_error")
    public String lastError;

    /** Consecutive failed polls. */
    @Column(nullable = false)
    public int failures;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
