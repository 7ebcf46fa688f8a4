package io.leadgate.delivery.kafka;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay lease on the real database, two replicas played by two owner names (Kafka is off here). Time is the
 * database's: the test moves the lease's expiry on the database clock, and no replica's clock is ever asked.
 */
@QuarkusTest
class RelayLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(15);

    @Inject
    RelayLease lease;

    @Inject
    EntityManager em;

    @Test
    void oneHolderAtATimeUntilItExpiresOrIsReleased() {
        lease.release("replica-a");
        lease.release("replica-b");
        expireIn(-1); // free, as after a start
        assertTrue(lease.acquire("replica-a", TTL), "a free lease is taken");
        assertFalse(lease.acquire("replica-b", TTL), "held by a: b stands by");
        assertTrue(lease.acquire("replica-a", TTL), "the holder renews");
        expireIn(2);
        assertFalse(lease.acquire("replica-b", TTL), "2 s left on the database clock: still held");
        expireIn(-1);
        assertTrue(lease.acquire("replica-b", TTL), "a died: its lease expired on the database clock, b takes over");
        assertFalse(lease.acquire("replica-a", TTL), "a coming back does not take it back");
        lease.release("replica-b");
        assertTrue(lease.acquire("replica-a", TTL), "released on shutdown: free at once");
        lease.release("replica-a");
    }

    @Test
    void expiryIsSetOnTheDatabaseClock() {
        expireIn(-1);
        assertTrue(lease.acquire("replica-c", TTL));
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select extract(epoch from (expires_at - current_timestamp)) from outbox_relay_lease where name = 'kafka'")
                .getSingleResult()).longValue());
        assertTrue(left > 0 && left <= TTL.toSeconds(), "expires TTL after the database's now: " + left);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_relay_lease where owner = 'replica-c'").getSingleResult()).intValue()));
        lease.release("replica-c");
    }

    /** Moves the lease's expiry to {@code seconds} from the database's now (negative: expired). */
    private void expireIn(int seconds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outbox_relay_lease set expires_at = current_timestamp + cast(:s as double precision)"
                                + " * interval '1' second where name = 'kafka'")
                .setParameter("s", (double) seconds).executeUpdate());
    }
}
