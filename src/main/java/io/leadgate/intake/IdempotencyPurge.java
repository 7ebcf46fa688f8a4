package io.leadgate.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Forgets idempotency keys past their retention ({@code leadgate.idempotency.retention}, at least 7 days). */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final EntityManager em;

    IdempotencyPurge(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${leadgate.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        try {
            int removed = purgeExpired(Instant.now());
            if (removed > 0) {
                LOG.infof("forgot %d expired idempotency keys", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("idempotency purge skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Deletes the keys that expired before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("delete from idempotency_key where expires_at < ?1")
                .setParameter(1, now).executeUpdate());
    }
}
