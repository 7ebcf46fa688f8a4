package io.leadgate.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives committed outbox rows their feed position, in commit order. Row ids come from a pooled sequence and are
 * taken before commit, so they are not commit order; positions are handed out here, after commit, by one sequencer
 * at a time across all replicas (it holds the {@code outbox_sequencer} row lock), so a consumer reading
 * {@code after=N} never misses a row that commits later with a smaller id.
 *
 * <p>Rows that are committed by the time one pass runs are positioned in write order: {@code write_seq}, taken from a
 * database sequence when the row is inserted. Never by {@code created_at}, which is a replica's clock: a writer whose
 * clock is behind would otherwise put a client's later event before the earlier one.
 */
@ApplicationScoped
public class OutboxSequencer {

    private static final Logger LOG = Logger.getLogger(OutboxSequencer.class);
    private static final int BATCH = 1000;

    private final EntityManager em;

    OutboxSequencer(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${leadgate.outbox.sequence-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            sequence();
        } catch (RuntimeException e) {
            LOG.debugf("outbox sequencing skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Positions every committed row that has none yet; returns how many were positioned. */
    public int sequence() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::sequenceBatch);
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int sequenceBatch() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            long last;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select last_position from outbox_sequencer where id = 1 for update");
                 ResultSet rs = lock.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
            List<Long> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from outbox_event where feed_position is null order by write_seq, id limit " + BATCH);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(rs.getLong(1));
                }
            }
            if (pending.isEmpty()) {
                return 0;
            }
            // one statement for the whole pass: the ids and their positions bound as two bigint[]
            Long[] positions = new Long[pending.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = ++last;
            }
            try (PreparedStatement update = connection.prepareStatement("update outbox_event o set feed_position = p.pos "
                    + "from unnest(?, ?) as p(id, pos) where o.id = p.id")) {
                update.setArray(1, connection.createArrayOf("bigint", pending.toArray()));
                update.setArray(2, connection.createArrayOf("bigint", positions));
                update.executeUpdate();
            }
            try (PreparedStatement save = connection.prepareStatement(
                    "update outbox_sequencer set last_position = ? where id = 1")) {
                save.setLong(1, last);
                save.executeUpdate();
            }
            return pending.size();
        });
    }
}
