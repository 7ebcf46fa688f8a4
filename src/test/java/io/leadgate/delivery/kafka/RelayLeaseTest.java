package io.leadgate.delivery.kafka;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay lease on the real database, two replicas played by two owner names (Kafka is off here). */
@QuarkusTest
class RelayLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(15);

    @Inject
    RelayLease lease;

    @Test
    void oneHolderAtATimeUntilItExpiresOrIsReleased() {
        Instant t0 = Instant.now();
        assertTrue(lease.acquire("replica-a", t0, TTL), "a free lease is taken");
        assertFalse(lease.acquire("replica-b", t0.plusSeconds(1), TTL), "held by a: b stands by");
        assertTrue(lease.acquire("replica-a", t0.plusSeconds(10), TTL), "the holder renews");
        assertFalse(lease.acquire("replica-b", t0.plusSeconds(20), TTL), "renewed at +10 s, so still held at +20 s");
        assertTrue(lease.acquire("replica-b", t0.plusSeconds(26), TTL), "a died: its lease expired, b takes over");
        assertFalse(lease.acquire("replica-a", t0.plusSeconds(27), TTL), "a coming back does not take it back");
        lease.release("replica-b");
        assertTrue(lease.acquire("replica-a", t0.plusSeconds(28), TTL), "released on shutdown: free at once");
        lease.release("replica-a");
    }
}
