package io.leadgate.delivery.crm.inbound;

import io.leadgate.channel.Secrets;
import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.CrmFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CRM events on their way in: a verified delivery is stored as received ({@code crm_inbound}) and answered at once;
 * a scheduled step applies stored deliveries in arrival order through {@link CrmChanges}. The same body delivered twice
 * is one row (redelivery changes nothing). A CRM that cannot be read now is retried with a growing pause; refused
 * credentials stop the connector through {@link ConnectorRunner} and the delivery waits for it.
 */
@ApplicationScoped
public class CrmInbox {

    private static final Logger LOG = Logger.getLogger(CrmInbox.class);
    private static final int MAX_ATTEMPTS = 12;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration MAX_PAUSE = Duration.ofHours(1);
    private static final int MAX_PER_TICK = 200;

    /** What storing a delivery did. */
    public enum Stored { STORED, DUPLICATE }

    private final Map<String, CrmEvents> sources;
    private final CrmChanges changes;
    private final ConnectorRunner runner;
    private final EntityManager em;
    private final Clock clock;

    CrmInbox(Instance<CrmEvents> sources, CrmChanges changes, ConnectorRunner runner, EntityManager em, Clock clock) {
        this.sources = sources.stream().collect(Collectors.toMap(CrmEvents::id, Function.identity()));
        this.changes = changes;
        this.runner = runner;
        this.em = em;
        this.clock = clock;
    }

    /** The events of a CRM, when Leadgate knows it. */
    public Optional<CrmEvents> source(String crm) {
        return Optional.ofNullable(sources.get(crm));
    }

    /**
     * Stores a verified delivery; committed before the CRM is answered. The only key an insert can meet is
     * {@code (crm, body_hash)} (the id is a new sequence value), so a plain {@code on conflict do nothing}, which H2
     * reads too, skips exactly the same body again.
     */
    public Stored store(String crm, String body) {
        String hash = Secrets.hex(Secrets.sha256(body.getBytes(StandardCharsets.UTF_8)));
        Instant now = clock.instant();
        int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "insert into crm_inbound (id, crm, body, body_hash, received_at, attempts, next_at) "
                                + "values (nextval('crm_inbound_seq'), ?1, ?2, ?3, ?4, 0, ?4) on conflict do nothing")
                .setParameter(1, crm).setParameter(2, body).setParameter(3, hash).setParameter(4, now).executeUpdate());
        return inserted == 1 ? Stored.STORED : Stored.DUPLICATE;
    }

    @Scheduled(every = "${leadgate.crm.inbound-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("CRM events: step failed (%s), will retry", e.getClass().getSimpleName());
        }
    }

    /** Applies what is due, oldest first; returns how many deliveries were finished. */
    public int drain() {
        int done = 0;
        for (int i = 0; i < MAX_PER_TICK; i++) {
            Optional<Object[]> row = claim();
            if (row.isEmpty()) {
                break;
            }
            long id = ((Number) row.get()[0]).longValue();
            String crm = (String) row.get()[1];
            String body = (String) row.get()[2];
            int attempts = ((Number) row.get()[3]).intValue();
            if (process(id, crm, body, attempts)) {
                done++;
            }
        }
        return done;
    }

    /** Takes the oldest due delivery and leases it, so another replica leaves it alone meanwhile. */
    private Optional<Object[]> claim() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, crm, body, attempts from crm_inbound "
                            + "where processed_at is null and next_at <= ?1 order by id limit 1 for update skip locked")
                    .setParameter(1, now).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Object[]>empty();
            }
            em.createNativeQuery("update crm_inbound set next_at = ?2 where id = ?1")
                    .setParameter(1, rows.get(0)[0]).setParameter(2, now.plus(LEASE)).executeUpdate();
            return Optional.of(rows.get(0));
        });
    }

    private boolean process(long id, String crm, String body, int attempts) {
        CrmEvents source = sources.get(crm);
        if (source == null) {
            finish(id, "ignored: no such CRM");
            return true;
        }
        try {
            StringBuilder outcome = new StringBuilder();
            for (CrmChange change : source.changes(body)) {
                CrmChanges.Result r = changes.apply(crm, change);
                if (r.outcome() == CrmChanges.Outcome.REFUSED || r.outcome() == CrmChanges.Outcome.UNMAPPED) {
                    LOG.infof("CRM %s event %d: %s %s %s", crm, id, r.outcome(), change.remoteType(), r.detail());
                }
                outcome.append(outcome.isEmpty() ? "" : ", ").append(r.outcome().name().toLowerCase())
                        .append(r.detail() == null ? "" : ": " + r.detail());
            }
            finish(id, outcome.isEmpty() ? "ignored: no followed change" : outcome.toString());
            return true;
        } catch (CrmFailure f) {
            switch (f.kind()) {
                case REJECTED -> {
                    finish(id, "rejected: " + f.code());
                    return true;
                }
                case AUTH, MISCONFIGURED -> {
                    runner.stop(crm, f);
                    retry(id, attempts, LEASE, f.code());
                    return false;
                }
                default -> {
                    if (attempts + 1 >= MAX_ATTEMPTS) {
                        LOG.warnf("CRM %s event %d: given up after %d attempts (%s)", crm, id, attempts + 1, f.code());
                        finish(id, "given up: " + f.code());
                        return true;
                    }
                    Duration pause = Duration.ofSeconds(1L << Math.min(attempts + 1, 12));
                    retry(id, attempts, pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause, f.code());
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(id, attempts, Duration.ZERO, "interrupted");
            return false;
        }
    }

    private void finish(long id, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update crm_inbound set processed_at = ?2, outcome = ?3, attempts = attempts + 1 where id = ?1")
                .setParameter(1, id).setParameter(2, clock.instant())
                .setParameter(3, outcome.length() <= 200 ? outcome : outcome.substring(0, 200)).executeUpdate());
    }

    private void retry(long id, int attempts, Duration pause, String code) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update crm_inbound set attempts = ?2, next_at = ?3, outcome = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, attempts + 1).setParameter(3, clock.instant().plus(pause))
                .setParameter(4, "retrying: " + code).executeUpdate());
    }
}
