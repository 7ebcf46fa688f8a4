package io.leadgate.delivery.kafka;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The outbox rows the relay reads and marks, each call in its own short transaction. */
@ApplicationScoped
public class OutboxRows {

    /** One unsent lead event: the CloudEvent as stored, and the record key (the contact id, or null). */
    public record Pending(long id, long feedPosition, String key, String payload) {
    }

    /** Rows not yet acknowledged by the broker: how many, and when the oldest was written (null when none). */
    public record Lag(long count, Instant oldestCreatedAt) {
    }

    private final EntityManager em;

    OutboxRows(EntityManager em) {
        this.em = em;
    }

    /** The oldest unsent rows in feed (commit) order; rows not yet given a feed position wait for the sequencer. */
    public List<Pending> unsent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, feed_position, contact_id, payload from outbox_event"
                            + " where sent_at is null and feed_position is not null order by feed_position")
                    .setMaxResults(limit)
                    .getResultList();
            return rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    r[2] == null ? null : String.valueOf(((Number) r[2]).longValue()), (String) r[3])).toList();
        });
    }

    /** Records that the broker acknowledged these rows. */
    public void markSent(Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outbox_event set sent_at = :at where id in (:ids) and sent_at is null")
                .setParameter("at", at)
                .setParameter("ids", ids)
                .executeUpdate());
    }

    /** The current lag of Kafka delivery. */
    public Lag lag() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                    // unsent = numbered and not sent, or not numbered yet (a row is sent only once numbered): each
                    // part is exactly one partial index (V264)
                    "select count(*), min(created_at) from (select created_at from outbox_event"
                            + " where sent_at is null and feed_position is not null union all"
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
