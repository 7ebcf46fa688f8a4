package io.leadgate.channel.email.imap;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mailbox lease on the real database: one holder at a time, renewal, take-over after expiry, release. */
@QuarkusTest
class MailboxLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    MailboxLease lease;

    @Test
    void ofTwoRacingReplicasExactlyOneWins() throws Exception {
        String mailbox = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> replicas = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "replica-" + i;
                replicas.add(() -> lease.acquire(mailbox, owner, T0, TTL));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(replicas)) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void holderRenewsAndAnotherTakesOverOnlyAfterExpiry() {
        String mailbox = "takeover-" + UUID.randomUUID();
        assertTrue(lease.acquire(mailbox, "a", T0, TTL));
        assertFalse(lease.acquire(mailbox, "b", T0.plusSeconds(10), TTL), "a holds it");
        assertTrue(lease.acquire(mailbox, "a", T0.plusSeconds(20), TTL), "a renews until T0+50s");
        assertFalse(lease.acquire(mailbox, "b", T0.plusSeconds(40), TTL), "still a's after its old expiry");
        assertEquals("a", lease.holder(mailbox, T0.plusSeconds(45)));
        assertTrue(lease.acquire(mailbox, "b", T0.plusSeconds(51), TTL), "a stopped renewing: b takes over");
        assertFalse(lease.acquire(mailbox, "a", T0.plusSeconds(52), TTL), "a's late renewal fails: it has lost it");
        assertEquals("b", lease.holder(mailbox, T0.plusSeconds(60)));
    }

    @Test
    void releasedLeaseIsFreeAtOnce() {
        String mailbox = "release-" + UUID.randomUUID();
        assertTrue(lease.acquire(mailbox, "a", T0, TTL));
        lease.release(mailbox, "b"); // not b's to release
        assertEquals("a", lease.holder(mailbox, T0.plusSeconds(1)));
        lease.release(mailbox, "a");
        assertNull(lease.holder(mailbox, T0.plusSeconds(1)));
        assertTrue(lease.acquire(mailbox, "b", T0.plusSeconds(1), TTL));
    }
}
