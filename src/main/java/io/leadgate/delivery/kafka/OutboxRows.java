package io.leadgate.delivery.kafka;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The outbox rows the relay reads, and how far it has sent them: a feed position on its lease row
 * ({@code outbox_relay_lease.sent_through}), moved past the rows the broker acknowledged, each call in its own short
 * transaction. Rows are never rewritten to say they were sent.
 */
@ApplicationScoped
public class OutboxRows {

    /** One unsent lead event: the CloudEvent as stored, and the record key (the contact id, or null). */
    public record Pending(long id, long feedPosition, String key, String payload) {
    }

    /** Rows not yet acknowledged by the broker: how many, and when the oldest was written (null when none). */
    public record Lag(long count, Instant oldestCreatedAt) {
    }

    /**
     * The relay's cursor, as a subquery: every row at or below it was acknowledged by the broker (retention keeps the
     * rows past it while Kafka delivery is on).
     */
    public static final String SENT_THROUGH = "(select sent_through from outbox_relay_lease where name = '"
            + RelayLease.NAME + "')";

    private final EntityManager em;

    OutboxRows(EntityManager em) {
        this.em = em;
    }

    /**
     * The oldest rows past the cursor in feed (commit) order; rows not yet given a feed position wait for the
     * sequencer (one range read of the feed position's index).
     */
    public List<Pending> unsent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, feed_position, contact_id, payload from outbox_event"
                            + " where feed_position > " + SENT_THROUGH + " order by feed_position")
                    .setMaxResults(limit)
                    .getResultList();
            return rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    r[2] == null ? null : String.valueOf(((Number) r[2]).longValue()), (String) r[3])).toList();
        });
    }

    /**
     * Records that the broker acknowledged {@code acknowledged} of {@code batch} (rows of one {@link #unsent} read, in
     * its order): the cursor moves to the end of the batch's leading run of acknowledged rows. A row after one that
     * was not acknowledged stays past the cursor and is sent again with the rest (at least once, the same event id),
     * which keeps the cursor a single number. Never moves back (a replica that lost the lease may still record what
     * it saw acknowledged).
     */
    public void markSent(List<Pending> batch, Set<Long> acknowledged) {
        OptionalLong through = sentThrough(batch, acknowledged);
        if (through.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outbox_relay_lease set sent_through = :through where name = :name and sent_through < :through")
                .setParameter("through", through.getAsLong())
                .setParameter("name", RelayLease.NAME)
                .executeUpdate());
    }

    /** The feed position of the last row of the batch's leading run of acknowledged rows; empty when none. */
    static OptionalLong sentThrough(List<Pending> batch, Set<Long> acknowledged) {
        OptionalLong through = OptionalLong.empty();
        for (Pending row : batch) {
            if (!acknowledged.contains(row.id())) {
                break;
            }
            through = OptionalLong.of(row.feedPosition());
        }
        return through;
    }

    /** The current lag of Kafka delivery. */
    public Lag lag() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                    // unsent = numbered past the cursor, or not numbered yet: each part one index (the feed
                    // position's, the sequencer's)
                    "select count(*), min(created_at) from (select created_at from outbox_event"
                            + " where feed_position > " + SENT_THROUGH + " union all"
                            + " select created_at from outbox_event where feed_position is null) unsent")
                    .getSingleResult();
            return new Lag(((Number) r[0]).longValue(), toInstant(r[1]));
        });
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
