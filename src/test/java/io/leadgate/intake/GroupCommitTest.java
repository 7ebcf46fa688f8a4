package io.leadgate.intake;

import io.leadgate.testing.StatementCount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit semantics, driven directly: with one writer slot, a first write holds the slot until the others are
 * queued, so they form one batch. Rows go to {@code idempotency_key} under a channel id of this test's own.
 */
@QuarkusTest
@TestProfile(GroupCommitTest.OneWriter.class)
class GroupCommitTest {

    public static class OneWriter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(StatementCount.PROFILE); // to count statements
            config.putAll(Map.of("leadgate.group-commit.enabled", "true", "leadgate.group-commit.writers", "1",
                    "leadgate.group-commit.max-batch", "16"));
            return config;
        }
    }

    private static final int FOLLOWERS = 6;

    @Inject
    GroupCommit groupCommit;
    @Inject
    EntityManager em;

    private final String channel = "gc-" + UUID.randomUUID().toString().substring(0, 8);
    private ExecutorService pool;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void everyWriteOfABatchIsAnsweredAfterTheSharedCommit() throws Exception {
        List<Future<Long>> followers = batchBehindABlocker(i -> insert("key-" + i));
        List<Long> transactions = new ArrayList<>();
        for (Future<Long> follower : followers) {
            transactions.add(follower.get(30, TimeUnit.SECONDS));
            // answered: every write of its batch is committed, seen from a transaction of another connection
            assertEquals(FOLLOWERS, committedKeys("key-"));
        }
        assertEquals(1, transactions.stream().distinct().count(), "one shared transaction: " + transactions);
    }

    @Test
    void writesBeyondOneBatchTakeTheNextBatchesAndAreAllAnswered() throws Exception {
        int waiting = 40; // max-batch 16, one writer slot: batches of 16, 16 and 8 once the blocker is done
        List<Future<Long>> followers = batchBehindABlocker(waiting, i -> insert("many-" + i));
        Map<Long, Integer> writesPerTransaction = new TreeMap<>();
        for (Future<Long> follower : followers) {
            writesPerTransaction.merge(follower.get(30, TimeUnit.SECONDS), 1, Integer::sum);
        }
        assertEquals(waiting, committedKeys("many-"));
        assertEquals(List.of(16, 16, 8), List.copyOf(writesPerTransaction.values()), writesPerTransaction.toString());
    }

    @Test
    void manyCallersEachGetTheirOwnOutcome() throws Exception {
        eachCallerGetsItsOwnOutcome(groupCommit, pool, 32, 40);
    }

    /**
     * {@code callers} threads make {@code calls} writes each, every seventh failing: each caller must get back its own
     * value or its own failure, in its own order, and nothing may stay queued.
     */
    static void eachCallerGetsItsOwnOutcome(GroupCommit groupCommit, ExecutorService pool, int callers, int calls)
            throws Exception {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            results.add(pool.submit(() -> {
                List<String> outcomes = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String mine = caller + "/" + i;
                    boolean fails = (caller * calls + i) % 7 == 0;
                    try {
                        outcomes.add(groupCommit.call(() -> {
                            if (fails) {
                                throw new IllegalStateException(mine);
                            }
                            return mine;
                        }));
                    } catch (IllegalStateException e) {
                        outcomes.add("failed " + e.getMessage());
                    }
                }
                return outcomes;
            }));
        }
        for (int c = 0; c < callers; c++) {
            List<String> outcomes = results.get(c).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < calls; i++) {
                String mine = c + "/" + i;
                assertEquals((c * calls + i) % 7 == 0 ? "failed " + mine : mine, outcomes.get(i));
            }
        }
        assertEquals(0, groupCommit.queued());
    }

    @Test
    void aWriteWithNothingToShareRunsInATransactionOfItsOwnWithoutASavepoint() {
        StatementCount.Tally tally = StatementCount.on(() -> groupCommit.call(() -> insert("lone"))).tally();
        assertEquals(1, committedKeys("lone"));
        assertEquals(0, tally.matching(sql -> sql.contains("savepoint")), tally.summary());
        assertEquals(1, tally.commits(), tally.summary());

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> groupCommit.call(() -> {
            insert("lone-failing");
            throw new IllegalStateException("fails after its insert");
        }));
        assertEquals("fails after its insert", failure.getMessage(), "the write's own exception, as alone");
        assertEquals(0, committedKeys("lone-failing"));
    }

    @Test
    void aFailingWriteIsRolledBackToItsSavepointAndTheOthersCommit() throws Exception {
        List<Future<Long>> followers = batchBehindABlocker(i -> {
            long tx = insert("key-" + i);
            if (i == 2) {
                throw new IllegalStateException("write " + i + " fails after its insert");
            }
            return tx;
        });
        List<Long> transactions = new ArrayList<>();
        for (int i = 0; i < followers.size(); i++) {
            if (i == 2) {
                int failed = i;
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> followers.get(failed).get(30, TimeUnit.SECONDS));
                assertInstanceOf(IllegalStateException.class, e.getCause());
            } else {
                transactions.add(followers.get(i).get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(1, transactions.stream().distinct().count(), "one shared transaction: " + transactions);
        assertEquals(FOLLOWERS - 1, committedKeys("key-"));
        assertEquals(0, committedKeys("key-2"));
    }

    @Test
    void aWriteThatSpoilsTheSharedTransactionMakesTheOthersRunAlone() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> insert("taken"));
        List<Future<Long>> followers = batchBehindABlocker(i -> i == 3 ? insert("taken") : insert("key-" + i));
        List<Long> transactions = new ArrayList<>();
        for (int i = 0; i < followers.size(); i++) {
            if (i == 3) {
                int spoiled = i;
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> followers.get(spoiled).get(30, TimeUnit.SECONDS));
                assertInstanceOf(PersistenceException.class, e.getCause(), "the unique-key violation, as alone");
            } else {
                transactions.add(followers.get(i).get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(FOLLOWERS - 1, committedKeys("key-"));
        assertEquals(FOLLOWERS - 1, transactions.stream().distinct().count(), "each ran alone: " + transactions);
    }

    @Test
    void concurrentClaimsOfOneKeyCommitOnce() throws Exception {
        List<Future<Long>> claims = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS + 1; i++) {
            claims.add(pool.submit(() -> groupCommit.call(() -> (long) em.createNativeQuery(
                            "insert into idempotency_key (channel_id, key_value, created_at, expires_at) "
                                    + "values (?1, 'same', now(), now() + interval '1 hour') on conflict do nothing")
                    .setParameter(1, channel).executeUpdate())));
        }
        long won = 0;
        for (Future<Long> claim : claims) {
            won += claim.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, won);
        assertEquals(1, committedKeys("same"));
    }

    private interface Write {
        long run(int i) throws Exception;
    }

    /** A first write holds the only writer slot until FOLLOWERS writes are queued; they then form one batch. */
    private List<Future<Long>> batchBehindABlocker(Write write) throws Exception {
        return batchBehindABlocker(FOLLOWERS, write);
    }

    /** A first write holds the only writer slot until {@code count} writes are queued behind it. */
    private List<Future<Long>> batchBehindABlocker(int count, Write write) throws Exception {
        CountDownLatch blocking = new CountDownLatch(1);
        Future<Long> blocker = pool.submit(() -> groupCommit.call(() -> {
            blocking.countDown();
            release.await(30, TimeUnit.SECONDS);
            return 0L;
        }));
        assertTrue(blocking.await(30, TimeUnit.SECONDS), "the blocker holds the writer slot");
        List<Future<Long>> followers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            followers.add(pool.submit(() -> groupCommit.call(() -> write.run(n))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (groupCommit.queued() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(count, groupCommit.queued(), "the followers wait behind the blocker");
        release.countDown();
        assertEquals(0L, blocker.get(30, TimeUnit.SECONDS));
        return followers;
    }

    /** Inserts a key of this test's channel; returns the id of the transaction it ran in. */
    private long insert(String key) {
        em.createNativeQuery("insert into idempotency_key (channel_id, key_value, created_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4)")
                .setParameter(1, channel).setParameter(2, key).setParameter(3, Instant.now())
                .setParameter(4, Instant.now().plusSeconds(3600)).executeUpdate();
        return ((Number) em.createNativeQuery("select txid_current()").getSingleResult()).longValue();
    }

    private long committedKeys(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from idempotency_key where channel_id = ?1 and key_value like ?2")
                .setParameter(1, channel).setParameter(2, prefix + "%").getSingleResult()).longValue());
    }
}
