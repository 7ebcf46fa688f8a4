package io.leadgate.channel.email.imap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who polls a mailbox when several replicas run: a row per mailbox in {@code mailbox_lease} with an owner and an
 * expiry. An owner takes a free or expired lease, or renews its own, in one conditional statement, so two replicas
 * racing for it cannot both win; the holder renews it while it polls and idles, and another replica takes over once
 * it has expired (the holder crashed or lost the database). Replica clocks are assumed roughly in sync (NTP): the
 * lease lasts far longer than any skew.
 */
@ApplicationScoped
public class MailboxLease {

    private final EntityManager em;

    MailboxLease(EntityManager em) {
        this.em = em;
    }

    /** Takes or renews the lease; true when {@code owner} holds it until {@code now + ttl}. */
    public boolean acquire(String channelId, String owner, Instant now, Duration ttl) {
        Instant until = now.plus(ttl);
        return QuarkusTransaction.requiringNew().call(() -> {
            int taken = em.createNativeQuery("update mailbox_lease set owner = ?1, expires_at = ?2, "
                            + "acquired_at = case when owner = ?1 then acquired_at else ?3 end "
                            + "where channel_id = ?4 and (owner = ?1 or expires_at <= ?3)")
                    .setParameter(1, owner).setParameter(2, until).setParameter(3, now).setParameter(4, channelId)
                    .executeUpdate();
            if (taken == 1) {
                return true;
            }
            return em.createNativeQuery("insert into mailbox_lease (channel_id, owner, expires_at, acquired_at) "
                            + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, channelId).setParameter(2, owner).setParameter(3, until).setParameter(4, now)
                    .executeUpdate() == 1;
        });
    }

    /** Gives the lease up (on shutdown), so another replica need not wait for it to expire. */
    public void release(String channelId, String owner) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from mailbox_lease where channel_id = ?1 and owner = ?2")
                .setParameter(1, channelId).setParameter(2, owner).executeUpdate());
    }

    /** The current holder, or null when nobody holds an unexpired lease. */
    public String holder(String channelId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> owners = em.createNativeQuery("select owner from mailbox_lease where channel_id = ?1 and expires_at > ?2")
                    .setParameter(1, channelId).setParameter(2, now).getResultList();
            return owners.isEmpty() ? null : String.valueOf(owners.get(0));
        });
    }
}
