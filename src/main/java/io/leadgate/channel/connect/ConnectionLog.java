package io.leadgate.channel.connect;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code channel_connection}: the last "connect" result of each channel, and when a provider's verification
 * handshake was last answered (Meta asks once, when the operator saves the callback URL).
 */
@ApplicationScoped
public class ConnectionLog {

    /** What is known of a channel's connection; any part may be null. */
    public record Entry(String state, String detail, Instant checkedAt, Instant handshakeSeenAt) {
    }

    private final EntityManager em;

    ConnectionLog(EntityManager em) {
        this.em = em;
    }

    /** Records a connect result. */
    public void checked(String channelId, String state, String detail, Instant at) {
        upsert(channelId, "state = ?2, detail = ?3, checked_at = ?4", state, detail, at);
    }

    /** Records that a verification handshake of the channel was answered. */
    public void handshakeSeen(String channelId, Instant at) {
        upsert(channelId, "handshake_seen_at = ?2", at);
    }

    public Optional<Entry> find(String channelId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select state, detail, checked_at, handshake_seen_at from channel_connection where channel_id = ?1")
                .setParameter(1, channelId).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Entry((String) r[0], (String) r[1], instant(r[2]), instant(r[3])));
    }

    private void upsert(String channelId, String set, Object... values) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (update(channelId, set, values) == 0) {
                em.createNativeQuery("insert into channel_connection (channel_id) values (?1) on conflict do nothing")
                        .setParameter(1, channelId).executeUpdate();
                update(channelId, set, values);
            }
        });
    }

    private int update(String channelId, String set, Object... values) {
        var q = em.createNativeQuery("update channel_connection set " + set + " where channel_id = ?1")
                .setParameter(1, channelId);
        for (int i = 0; i < values.length; i++) {
            q.setParameter(i + 2, values[i]);
        }
        return q.executeUpdate();
    }

    private static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(v.toString());
    }
}
