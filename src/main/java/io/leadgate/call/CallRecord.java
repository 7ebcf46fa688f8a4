package io.leadgate.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One call (channel + provider call id): its events folded by {@code CallState} into a state that never regresses. */
@Entity
@Table(name = "call_record")
public class CallRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_record_seq")
    @SequenceGenerator(name = "call_record_seq", sequenceName = "call_record_seq", allocationSize = 50)
    public Long id;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    @Column(name = "call_id", nullable = false)
    public String callId;

    public String direction;

    /** The client's number, E.164. */
    public String customer;

    /** The company's line. */
    public String line;

    @Column(name = "contact_id")
    public Long contactId;

    /** The lead this call opened or extended; null for outbound calls and until one is known. */
    @Column(name = "lead_id")
    public Long leadId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The furthest of STARTED, RINGING, ANSWERED, ENDED seen (the {@code CallState} phase). */
    public String phase;

    /** True once an opening event (start, ringing, whole-call summary) was seen. */
    @Column(nullable = false)
    public boolean opened;

    /** nobody, someone, voicemail or agent: the strongest answer seen. */
    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "duration_seconds")
    public Long durationSeconds;

    @Column(name = "recording_url")
    public String recordingUrl;

    /** Inbound call sales missed: false once anybody answered, true when only voicemail or nobody did. */
    public Boolean missed;

    @Column(nullable = false)
    public int events;

    @Column(name = "last_event")
    public String lastEvent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
