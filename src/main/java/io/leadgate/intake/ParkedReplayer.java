package io.leadgate.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Replays parked envelopes by itself, with back-off: an envelope is due {@code base-delay × 2^(attempts-1)} (at most
 * {@code max-delay}) after its last attempt, as {@link ParkedEnvelopes} records. Each replay goes through the front
 * door like a manual one, so the envelope is processed, stays parked with one more attempt, or (storage down) waits
 * for the next round. Several replicas may replay the same envelope at once: the idempotency keys make the second a
 * duplicate.
 */
@ApplicationScoped
public class ParkedReplayer {

    private static final Logger LOG = Logger.getLogger(ParkedReplayer.class);

    private final ReplayService replays;
    private final ReplayConfig config;

    ParkedReplayer(ReplayService replays, ReplayConfig config) {
        this.replays = replays;
        this.config = config;
    }

    @Scheduled(every = "${leadgate.replay.every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            try {
                replayDue(Instant.now());
            } catch (RuntimeException e) { // the database is away: the next round tries again
                LOG.debugf("parked envelopes not replayed this round: %s", Failures.describe(e));
            }
        }
    }

    /**
     * Replays the parked envelopes due at {@code now}, at most a batch, the most recently due first (a fresh failure
     * is retried promptly even behind a long backlog); answers how many were tried.
     */
    public int replayDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Envelope.getEntityManager()
                .createQuery("select e.id from Envelope e where e.status in ?1 and e.nextAttemptAt <= ?2 "
                        + "order by e.nextAttemptAt desc, e.id desc", Long.class)
                .setParameter(1, List.of(Envelope.Status.FAILED, Envelope.Status.UNPARSEABLE))
                .setParameter(2, now)
                .setMaxResults(Math.max(1, config.batchSize()))
                .getResultList());
        int processed = 0;
        int tried = 0;
        for (long id : due) {
            tried++;
            try {
                Outcome outcome = replays.replay(id);
                if (outcome instanceof Outcome.Written) {
                    processed++;
                } else if (outcome instanceof Outcome.StorageDown) {
                    break;
                }
            } catch (ReplayService.NotReplayableException e) {
                LOG.debugf("envelope %d not replayed: %s", id, e.reason());
            }
        }
        if (tried > 0) {
            LOG.infof("replayed %d parked envelope(s), %d processed", tried, processed);
        }
        return tried;
    }
}
