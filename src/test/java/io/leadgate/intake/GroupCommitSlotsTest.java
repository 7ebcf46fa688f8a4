package io.leadgate.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit with two writer slots and batches of at most two, so that the queue is often longer than a batch and
 * a caller is often busy writing others' batch while its own write waits: the hand-off from a freed slot must still
 * reach a caller that can take the next batch, and every caller must get its own outcome.
 */
@QuarkusTest
@TestProfile(GroupCommitSlotsTest.TwoSmallWriters.class)
class GroupCommitSlotsTest {

    public static class TwoSmallWriters implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadgate.group-commit.enabled", "true", "leadgate.group-commit.writers", "2",
                    "leadgate.group-commit.max-batch", "2");
        }
    }

    @Inject
    GroupCommit groupCommit;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void manyCallersEachGetTheirOwnOutcome() throws Exception {
        GroupCommitTest.eachCallerGetsItsOwnOutcome(groupCommit, pool, 32, 40);
    }

    /**
     * A caller whose write is in a batch another thread is writing sleeps until it is answered, even when it wakes
     * while the other writer slot is free: it has nothing to write. (It used to take the free slot, find the queue
     * empty, give the slot back and try again, on a core's worth of CPU, for as long as the batch took.)
     */
    @Test
    void aCallerWhoseWriteIsInAnotherThreadsBatchSleepsUntilItIsAnswered() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch secondHeld = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> groupCommit.call(() -> hold(firstHeld, releaseFirst)));
        assertTrue(firstHeld.await(30, TimeUnit.SECONDS));
        Future<Integer> second = pool.submit(() -> groupCommit.call(() -> hold(secondHeld, releaseSecond)));
        assertTrue(secondHeld.await(30, TimeUnit.SECONDS), "both writer slots held");

        CountDownLatch slowRunning = new CountDownLatch(1);
        Future<Integer> slow = pool.submit(() -> groupCommit.call(() -> {
            slowRunning.countDown();
            Thread.sleep(1_000); // a long write, at the head of the batch
            return 1;
        }));
        awaitQueued(1);
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        Future<Integer> waiter = pool.submit(() -> {
            waiterThread.set(Thread.currentThread());
            return groupCommit.call(() -> 2);
        });
        awaitQueued(2);

        releaseFirst.countDown(); // its slot goes to the slow write's caller, who takes both queued writes
        assertTrue(slowRunning.await(30, TimeUnit.SECONDS));
        assertEquals(0, groupCommit.queued(), "the slow write and the waiter's write are one batch");
        releaseSecond.countDown(); // the other slot is free while that batch is written
        assertEquals(0, second.get(30, TimeUnit.SECONDS));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getThreadCpuTime(waiterThread.get().getId());
        // the waiter wakes, as a caller handed the head of the queue does when another thread took its write first
        LockSupport.unpark(waiterThread.get());

        assertEquals(2, waiter.get(30, TimeUnit.SECONDS));
        long spent = threads.getThreadCpuTime(waiterThread.get().getId()) - before;
        assertEquals(1, slow.get(30, TimeUnit.SECONDS));
        assertEquals(0, first.get(30, TimeUnit.SECONDS));
        assertTrue(spent < TimeUnit.MILLISECONDS.toNanos(100),
                "the waiter used " + spent / 1_000_000 + " ms of CPU while its batch took about a second");
    }

    private static int hold(CountDownLatch held, CountDownLatch release) throws InterruptedException {
        held.countDown();
        assertTrue(release.await(30, TimeUnit.SECONDS));
        return 0;
    }

    private void awaitQueued(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (groupCommit.queued() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(count, groupCommit.queued());
    }
}
