package io.leadgate.channel.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A channel created through the API: its definition, the secret settings sealed apart ({@link ChannelKeys}). */
@Entity
@Table(name = "api_channel")
public class StoredChannel extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "default_region", nullable = false)
    public String defaultRegion;

    /** The lead source label; null = the id. */
    public String source;

    /** The settings that are no secrets, a JSON object. */
    @Column(nullable = false)
    public String settings;

    /** {@link ChannelKeys.Sealed#value()} of a JSON object of the secret settings; null when there are none. */
    public String secrets;

    @Column(name = "key_id")
    public String keyId;

    /** Counts the writes; two writers of one row cannot both win. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
