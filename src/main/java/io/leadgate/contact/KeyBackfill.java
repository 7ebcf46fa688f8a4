package io.leadgate.contact;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the blocking keys of cards stored before fuzzy matching existed (a database upgraded to V8 with contacts
 * in it), in batches, shortly after start-up. Runs once: when the key table already has rows, there is nothing to do.
 */
@ApplicationScoped
public class KeyBackfill {

    private static final Logger LOG = Logger.getLogger(KeyBackfill.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final ContactKeys keys;
    private volatile boolean done;

    KeyBackfill(EntityManager em, ContactKeys keys) {
        this.em = em;
        this.keys = keys;
    }

    @Scheduled(every = "1h", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backfill() {
        if (done) {
            return;
        }
        boolean needed = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select 1 from contact_key").setMaxResults(1).getResultList().isEmpty()
                        && !em.createNativeQuery("select 1 from contact").setMaxResults(1).getResultList().isEmpty());
        if (needed) {
            LOG.infof("blocking keys written for %d existing contacts", writeAfter(0));
        }
        done = true;
    }

    /** Writes the keys of every card with an id above {@code after}; returns how many cards. */
    int writeAfter(long after) {
        long last = after;
        int cards = 0;
        for (List<Long> batch = next(last); !batch.isEmpty(); batch = next(last)) {
            List<Long> ids = batch;
            QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> keys.live(id)
                    .ifPresent(card -> keys.write(card.id(), card.phones(), card.emails(), card.name()))));
            last = batch.get(batch.size() - 1);
            cards += batch.size();
        }
        return cards;
    }

    private List<Long> next(long after) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select id from contact where id > ?1 and merged_into is null "
                    + "order by id limit " + BATCH).setParameter(1, after).getResultList();
            List<Long> out = new ArrayList<>();
            ids.forEach(id -> out.add(id.longValue()));
            return out;
        });
    }
}
