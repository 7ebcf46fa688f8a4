package io.leadgate.contact;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Writes the near keys ({@link PhoneDrift}) of phones stored before they existed (a database upgraded to V50 with
 * contacts in it), in batches, shortly after start-up. Progress is kept in {@code contact_key_backfill} with each
 * batch, so a restart resumes and a finished backfill costs one read; instances take batches in turn (row lock).
 */
@ApplicationScoped
public class NearKeyBackfill {

    private static final Logger LOG = Logger.getLogger(NearKeyBackfill.class);
    private static final int BATCH = 500;
    private static final String KIND = BlockingKeys.Kind.PHONE_NEAR.code();

    private final EntityManager em;
    private final ContactKeys keys;
    private volatile boolean done;

    NearKeyBackfill(EntityManager em, ContactKeys keys) {
        this.em = em;
        this.keys = keys;
    }

    @Scheduled(every = "1h", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backfill() {
        if (!done) {
            int phones = run();
            if (phones > 0) {
                LOG.infof("near keys written for %d existing phones", phones);
            }
            done = true;
        }
    }

    /** Works through the phones not done yet; returns how many it did. */
    int run() {
        int phones = 0;
        for (int batch = step(); batch > 0; batch = step()) {
            phones += batch;
        }
        return phones;
    }

    /** One batch in one transaction; 0 when the backfill is finished. */
    private int step() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> state = em.createNativeQuery(
                            "select after_id, done_at from contact_key_backfill where kind = ?1 for update")
                    .setParameter(1, KIND).getResultList();
            if (state.isEmpty() || state.get(0)[1] != null) {
                return 0;
            }
            long after = ((Number) state.get(0)[0]).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, contact_id, identity_value from contact_identity "
                            + "where id > ?1 and kind = ?2 order by id limit " + BATCH)
                    .setParameter(1, after).setParameter(2, IdentityKind.PHONE.name()).getResultList();
            for (Object[] row : rows) {
                keys.insertNear(BlockingKeys.phoneTail((String) row[2]), ((Number) row[1]).longValue());
            }
            long last = rows.isEmpty() ? after : ((Number) rows.get(rows.size() - 1)[0]).longValue();
            em.createNativeQuery("update contact_key_backfill set after_id = ?1"
                            + (rows.size() < BATCH ? ", done_at = now()" : "") + " where kind = ?2")
                    .setParameter(1, last).setParameter(2, KIND).executeUpdate();
            return rows.size();
        });
    }
}
