package io.leadgate.pipeline;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs due automation jobs from the database, so they survive a restart, and each once: a job is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and its effect and its {@code done} mark commit together. Any number of executors
 * (threads, instances) can run side by side; each takes jobs the others do not hold.
 *
 * <p>A webhook job is the exception, since a call out must not hold a transaction, a connection or row locks for up to
 * its timeout: its claim prepares the call and moves the job's due time past the call's timeout (a lease, so no other
 * executor takes it meanwhile) and commits; the call is made with no transaction open; its result is recorded in a
 * second transaction. A crash in between leaves the job to be sent again after the lease, with the same
 * {@code webhook-id}, so the receiver can drop the repeat.
 */
@ApplicationScoped
public class AutomationExecutor {

    private static final Logger LOG = Logger.getLogger(AutomationExecutor.class);
    private static final int MAX_PER_RUN = 10_000;
    /** A webhook job's lease beyond its call's timeout. */
    private static final Duration WEBHOOK_LEASE_MARGIN = Duration.ofSeconds(30);

    private final EntityManager em;
    private final AutomationActions actions;
    private final LeadgateConfig config;
    private final Clock clock;

    AutomationExecutor(EntityManager em, AutomationActions actions, LeadgateConfig config, Clock clock) {
        this.em = em;
        this.actions = actions;
        this.config = config;
        this.clock = clock;
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
                AtomicReference<AutomationActions.WebhookCall> call = new AtomicReference<>();
                ran = QuarkusTransaction.requiringNew().call(() -> claimAndRun(current, call));
                if (call.get() != null) {
                    Optional<String> failure = actions.send(call.get()); // no transaction open
                    QuarkusTransaction.requiringNew().run(() -> finish(call.get().jobId(), failure));
                }
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

    private boolean claimAndRun(AtomicLong current, AtomicReference<AutomationActions.WebhookCall> call) {
        Instant now = clock.instant();
        List<?> ids = em.createNativeQuery("select id from automation_job where status = 'pending' and due_at <= ?1 "
                        + "order by due_at, id limit 1 for update skip locked")
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        long id = ((Number) ids.get(0)).longValue();
        current.set(id);
        AutomationJob job = em.find(AutomationJob.class, id);
        if (AutomationAction.WEBHOOK.code().equals(job.action)) {
            Optional<AutomationActions.WebhookCall> prepared = actions.prepareWebhook(job, now);
            if (prepared.isEmpty()) {
                job.status = AutomationJobs.SKIPPED;
                job.attempts++;
                job.doneAt = now;
            } else {
                job.dueAt = now.plus(config.pipeline().automation().webhookTimeout()).plus(WEBHOOK_LEASE_MARGIN);
                call.set(prepared.get());
            }
            return true;
        }
        try {
            job.status = actions.run(job, now);
            job.attempts++;
            job.doneAt = now;
            job.lastError = null;
            repeat(job, now);
        } catch (AutomationActions.RetryLater e) {
            retry(job, e.getMessage(), now);
        }
        return true;
    }

    /** A repeating rule's job that ran schedules its next run (its rule still there): until a run is cancelled. */
    private static void repeat(AutomationJob job, Instant now) {
        if (!AutomationJobs.DONE.equals(job.status)) {
            return;
        }
        AutomationRule rule = AutomationRule.findById(job.ruleId);
        if (rule != null && rule.repeatEvery != null) {
            AutomationJobs.next(job, rule.repeatEvery, now);
        }
    }

    /** Records a sent webhook job's result, unless the job was finished meanwhile. */
    private void finish(long id, Optional<String> failure) {
        AutomationJob job = em.find(AutomationJob.class, id);
        if (job == null || !AutomationJobs.PENDING.equals(job.status)) {
            return;
        }
        Instant now = clock.instant();
        if (failure.isPresent()) {
            retry(job, failure.get(), now);
        } else {
            job.status = AutomationJobs.DONE;
            job.attempts++;
            job.doneAt = now;
            job.lastError = null;
            repeat(job, now);
        }
    }

    private void failed(long id, String error) {
        AutomationJob job = em.find(AutomationJob.class, id);
        if (job != null && AutomationJobs.PENDING.equals(job.status)) {
            retry(job, error, clock.instant());
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
