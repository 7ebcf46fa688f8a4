package io.leadgate.intake;

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

/** A verified request kept raw: body, headers needed for replay, channel and received-at. */
@Entity
@Table(name = "envelope")
public class Envelope extends PanacheEntityBase {

    /**
     * Where an envelope stands: processed into inquiries; parked (failed or unparseable) for a replay; or mail
     * classified away (auto-reply, bounce, newsletter, receipt) and kept for review, with its {@link #reason}.
     */
    public enum Status { PROCESSED, FAILED, UNPARSEABLE, CLASSIFIED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "envelope_seq")
    @SequenceGenerator(name = "envelope_seq", sequenceName = "envelope_seq", allocationSize = 50)
    public Long id;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    @Column(nullable = false)
    public String provider;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String method;

    @Column(name = "sub_path", nullable = false)
    public String subPath;

    @Column(name = "query_string")
    public String queryString;

    @Column(name = "request_url")
    public String requestUrl;

    /** The headers kept for replay, as a JSON object of lists (secrets and cookies left out). */
    @Column(nullable = false)
    public String headers;

    @Column(nullable = false)
    public byte[] body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String error;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The item's idempotency key of a classified envelope, so that a late redelivery finds it; else null. */
    @Column(name = "dedup_key")
    public String dedupKey;

    /** Why a classified envelope is no inquiry ({@code auto-reply}, {@code bounce}, {@code newsletter}, …); else null. */
    public String reason;

    /** When a parked envelope is next replayed by itself; null once processed. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The console user who last replayed this envelope; null when none did. */
    @Column(name = "replayed_by")
    public String replayedBy;
}
