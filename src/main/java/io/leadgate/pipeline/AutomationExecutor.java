package io.leadgate.pipeline;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs due automation jobs from the database, so they survive a restart, and each once: a job is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and its effect and its {@code done} mark commit together. Any number of executors
 * (threads, instances) can run side by side; each takes jobs the others do not hold.
 */
@ApplicationScoped
public class AutomationExecutor {

    private static final Logger LOG = Logger.getLogger(AutomationExecutor.class);
    private static final int MAX_PER_RUN = 10_000;

    private final EntityManager em;
    private final AutomationActions actions;
    private final LeadgateConfig config;

    AutomationExecutor(EntityManager em, AutomationActions actions, LeadgateConfig config) {
        this.em = em;
        this.actions = actions;
        this.config = config;
    }

    @Scheduled(every = "${leadgate.pipeline.automation.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.debugf("automation run skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Runs every job due now, one transaction each; returns how many this executor claimed. */
    public int runDue() {
        int claimed = 0;
        AtomicLong current = new AtomicLong();
        while (claimed < MAX_PER_RUN) {
            current.set(0);
            boolean ran;
            try {
                ran = QuarkusTransaction.requiringNew().call(() -> claimAndRun(current));
            } catch (RuntimeException e) {
                if (current.get() == 0) {
                    throw e; // the claim itself failed (database down): try again next tick
                }
                LOG.warnf("automation job %d failed: %s", current.get(), e.getClass().getSimpleName());
                QuarkusTransaction.requiringNew().run(() -> failed(current.get(), e.getClass().getSimpleName()));
                ran = true;
            }
            if (!ran) {
                break;
            }
            claimed++;
        }
        return claimed;
    }

    private boolean claimAndRun(AtomicLong current) {
        Instant now = Instant.now();
        List<?> ids = em.createNativeQuery("select id from automation_job where status = 'pending' and due_at <= ?1 "
                        + "order by due_at, id limit 1 for update skip locked")
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        long id = ((Number) ids.get(0)).longValue();
        current.set(id);
        AutomationJob job = em.find(AutomationJob.class, id);
        try {
            job.status = actions.run(job, now);
            job.attempts++;
            job.doneAt = now;
            job.lastError = null;
        } catch (AutomationActions.RetryLater e) {
            retry(job, e.getMessage(), now);
        }
        return true;
    }

    private void failed(long id, String error) {
        AutomationJob job = em.find(AutomationJob.class, id);
        if (job != null && AutomationJobs.PENDING.equals(job.status)) {
            retry(job, error, Instant.now());
        }
    }

    /** Counts the attempt; backs off (30 s, 1 min, 2 min, …) or gives up after the configured attempts. */
    private void retry(AutomationJob job, String error, Instant now) {
        job.attempts++;
        job.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (job.attempts >= config.pipeline().automation().attempts()) {
            job.status = AutomationJobs.FAILED;
            job.doneAt = now;
        } else {
            job.dueAt = now.plus(Duration.ofSeconds(30L << Math.min(job.attempts - 1, 10)));
        }
    }
}
