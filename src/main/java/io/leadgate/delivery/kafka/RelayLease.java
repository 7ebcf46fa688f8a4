package io.leadgate.delivery.kafka;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * The lease that makes one replica at a time the Kafka relay (table {@code outbox_relay_lease}, row {@code kafka}).
 * The holder renews it while it works; a replica that dies stops renewing and the next one takes over once it has
 * expired. Expiry is set and judged on the database's clock ({@code current_timestamp} in the statement), never on a
 * replica's: replicas whose clocks disagree still agree on who holds the lease.
 */
@ApplicationScoped
public class RelayLease {

    static final String NAME = "kafka";

    private final EntityManager em;
    private final String owner = defaultOwner();

    RelayLease(EntityManager em) {
        this.em = em;
    }

    /** This replica's name in the lease. */
    public String owner() {
        return owner;
    }

    /** Takes the lease if it is free or expired, or renews it if this replica holds it; true when held now. */
    public boolean acquire(Duration ttl) {
        return acquire(owner, ttl);
    }

    /** The lease as {@code owner} asks for it: lets a test play several replicas. */
    boolean acquire(String owner, Duration ttl) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "update outbox_relay_lease set owner = :me,"
                                + " expires_at = current_timestamp + cast(:seconds as double precision) * interval '1' second"
                                + " where name = :name and (owner = :me or owner is null or expires_at < current_timestamp)")
                .setParameter("me", owner)
                .setParameter("seconds", ttl.toMillis() / 1000.0)
                .setParameter("name", NAME)
                .executeUpdate()) == 1;
    }

    /** Gives the lease up at once (on shutdown), so another replica need not wait for it to expire. */
    public void release() {
        release(owner);
    }

    void release(String owner) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outbox_relay_lease set owner = null, expires_at = timestamp with time zone"
                                + " '1970-01-01 00:00:00+00' where name = :name and owner = :me")
                .setParameter("name", NAME)
                .setParameter("me", owner)
                .executeUpdate());
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }
}
