package io.leadgate.intake;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.MDC;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit: writes that arrive at the same time share one transaction, so one commit and one WAL flush answer
 * them all. Each write of a shared transaction runs behind a savepoint of its own; one that fails is rolled back to it
 * and does not touch the others. A write with nothing to share has a transaction of its own, without a savepoint.
 * Every caller returns only after the transaction its write ran in committed.
 *
 * <p>A caller queues its write; whoever finds a writer slot free takes the queue (up to
 * {@link GroupCommitConfig#maxBatch()} writes), runs it in one transaction on its own thread, commits, and hands each
 * caller its result; the others wait for that, parked, and a caller whose write is in a batch never takes a slot. A
 * writer that frees its slot wakes the caller at the head of the queue (passing over callers busy writing another
 * batch), who takes the next batch; so does one that leaves writes queued while another slot is free. No other caller is woken: a caller wakes for its own outcome or to write.
 *
 * <p>When the shared transaction cannot commit — it was marked rollback-only by a failure the persistence layer saw
 * (a unique-key race, a deadlock, a lost connection), or the commit itself failed — nothing of it is kept and every
 * write of the batch runs again alone, in a transaction of its own, exactly as without group commit. So a write's
 * outcome never depends on the batch it landed in.
 */
@ApplicationScoped
public class GroupCommit {

    private final EntityManager em;
    private final GroupCommitConfig config;
    private final Semaphore writers;
    private final Queue<Task<?>> queue = new ConcurrentLinkedQueue<>();
    private final DistributionSummary sizes;

    GroupCommit(EntityManager em, GroupCommitConfig config, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.writers = new Semaphore(Math.max(1, config.writers()));
        this.sizes = DistributionSummary.builder("leadgate.intake.group.size")
                .description("writes committed together in one shared transaction").register(metrics);
    }

    /**
     * Runs {@code work} in a transaction, possibly shared with concurrent calls, and returns its result once that
     * transaction committed. {@code work} uses the current transaction (the entity manager) and must not commit.
     * An exception {@code work} throws is rethrown here after its savepoint was rolled back; nothing it wrote is kept.
     */
    public <T> T call(Callable<T> work) {
        if (!config.enabled()) {
            return alone(work);
        }
        Task<T> task = new Task<>(work);
        queue.add(task);
        boolean interrupted = false;
        while (!task.settled()) {
            if (!task.taken && writers.tryAcquire()) { // a write already in a batch has only to wait for its answer
                try {
                    List<Task<?>> batch = take();
                    if (writers.availablePermits() > 0) { // more than a batch was waiting: another slot takes the rest
                        wakeHead();
                    }
                    if (!batch.isEmpty()) {
                        task.writing = true; // its own write may still be queued: wake someone else for it meanwhile
                        write(batch);
                    }
                } finally {
                    task.writing = false;
                    writers.release();
                    wakeHead();
                }
            } else {
                LockSupport.park(this); // until the task is settled or its caller is handed a free slot
                interrupted |= Thread.interrupted(); // a write already queued is seen through, like a lock acquired
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return task.result();
    }

    /** Writes waiting for a writer slot (for tests). */
    int queued() {
        return queue.size();
    }

    private List<Task<?>> take() {
        List<Task<?>> batch = new ArrayList<>();
        Task<?> next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
            next.taken = true;
            batch.add(next);
        }
        return batch;
    }

    /** One shared transaction for the batch; the callers learn their outcome only after it ended. */
    private void write(List<Task<?>> batch) {
        if (batch.size() == 1) { // nothing to share: the write's own transaction, no savepoint
            writeAlone(batch.get(0));
            return;
        }
        boolean committed = false;
        try {
            committed = QuarkusTransaction.requiringNew().call(() -> {
                for (Task<?> task : batch) {
                    if (!writeOne(task)) {
                        QuarkusTransaction.setRollbackOnly();
                        return false;
                    }
                }
                return true;
            });
        } catch (RuntimeException e) { // the commit failed, or the transaction could not even begin
            committed = false;
        } finally { // every caller hears back, whatever was thrown
            if (committed) {
                sizes.record(batch.size());
            }
            for (Task<?> task : batch) {
                task.settle(committed ? task.outcome : Outcome.ALONE);
            }
        }
    }

    /** Runs a write in a transaction of its own, on this thread, as with group commit off. */
    private void writeAlone(Task<?> task) {
        try {
            alone(() -> {
                task.run();
                return null;
            });
            task.outcome = Outcome.DONE;
        } catch (RuntimeException | Error e) {
            task.failure = e;
            task.outcome = Outcome.FAILED;
        } finally {
            task.settle(task.outcome);
        }
    }

    /** Runs one write behind its savepoint; false when the shared transaction can no longer commit. */
    private boolean writeOne(Task<?> task) {
        execute("savepoint group_write");
        try {
            task.run();
            em.flush();
            em.clear(); // the next write reads what this one wrote from the database, not from this one's objects
            task.outcome = Outcome.DONE;
            return true;
        } catch (Exception e) {
            if (QuarkusTransaction.isRollbackOnly()) {
                return false;
            }
            try {
                execute("rollback to savepoint group_write");
            } catch (RuntimeException lost) {
                return false;
            }
            em.clear(); // forget what the failed write left in the persistence context
            task.failure = e;
            task.outcome = Outcome.FAILED;
            return true;
        }
    }

    private void execute(String sql) {
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }

    private <T> T alone(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    /**
     * Wakes the caller of the oldest queued write to try for a writer slot, passing over callers busy writing a batch
     * of others (they try again when it is done). Every freed slot calls this, after the release: a caller that
     * queued before it is seen here, and one that queues after it finds the slot free.
     */
    private void wakeHead() {
        for (Task<?> queued : queue) {
            if (!queued.writing) {
                LockSupport.unpark(queued.caller);
                return;
            }
        }
    }

    private enum Outcome { PENDING, DONE, FAILED, ALONE }

    /** One caller's write and what became of it. */
    private final class Task<T> {
        private final Callable<T> work;
        private final Thread caller = Thread.currentThread();
        private volatile boolean writing; // its caller is writing a batch, which need not hold this task
        private volatile boolean taken; // in a batch: its caller waits for the outcome and has nothing to write
        private final Map<String, Object> context = new HashMap<>(MDC.getMap()); // the caller's request id for logs
        private T value;
        private Throwable failure;
        private Outcome outcome = Outcome.PENDING;     // set by the writing thread while the batch runs
        private volatile Outcome settled = Outcome.PENDING; // published to the caller after the transaction ended

        Task(Callable<T> work) {
            this.work = work;
        }

        void run() throws Exception {
            Map<String, Object> own = new HashMap<>(MDC.getMap());
            MDC.clear();
            context.forEach(MDC::put);
            try {
                value = work.call();
            } finally {
                MDC.clear();
                own.forEach(MDC::put);
            }
        }

        void settle(Outcome result) {
            settled = result;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        boolean settled() {
            return settled != Outcome.PENDING;
        }

        T result() {
            return switch (settled) {
                case DONE -> value;
                case FAILED -> {
                    if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(failure);
                }
                case ALONE -> alone(work);
                case PENDING -> throw new IllegalStateException("not settled");
            };
        }
    }
}
