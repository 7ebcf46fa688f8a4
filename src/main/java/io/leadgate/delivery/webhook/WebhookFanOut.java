package io.leadgate.delivery.webhook;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Turns committed lead events into deliveries: reads the outbox by feed position after its cursor (never by id,
 * so an event that committed late is not skipped), makes one delivery per matching subscription, and moves the
 * cursor, in one transaction. The delivery is pending for an active subscription and dead-lettered (replayable, with
 * the reason) for a disabled one, so nothing of a disabled period is skipped silently. A subscription gets the events
 * written after it was made, judged by the outbox's write order (a database sequence), never by clocks.
 *
 * <p>The cursor row is taken with {@code FOR UPDATE SKIP LOCKED}: one replica fans out at a time, the others skip the
 * turn. The subscriptions are read {@code FOR UPDATE}, so a concurrent disable (which updates the subscription row
 * first) is ordered before or after this batch as a whole, never in between. Run by the {@link WebhookDispatcher}'s
 * tick, before sending.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);
    static final int BATCH = 500;

    private final EntityManager em;
    private final LeadgateConfig config;

    WebhookFanOut(EntityManager em, LeadgateConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        try {
            Instant before = Instant.now().minus(config.webhooks().retention());
            long deleted = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.delete(
                    "status = ?1 and deliveredAt < ?2", WebhookDelivery.Status.DELIVERED, before));
            if (deleted > 0) {
                LOG.debugf("deleted %d delivered webhook deliveries", deleted);
            }
        } catch (RuntimeException e) {
            LOG.debugf("webhook purge skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Fans out every positioned event after the cursor; returns how many events were read. */
    public int fanOut() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::fanOutBatch);
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int fanOutBatch() {
        @SuppressWarnings("unchecked")
        List<Object> cursor = em.createNativeQuery(
                "select last_position from webhook_cursor where id = 1 for update skip locked").getResultList();
        if (cursor.isEmpty()) {
            return 0; // another replica is fanning out
        }
        long last = ((Number) cursor.get(0)).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("select feed_position, event_id, type, write_seq from outbox_event"
                        + " where feed_position > ?1 order by feed_position limit " + BATCH)
                .setParameter(1, last).getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> subscriptions = em.createNativeQuery("select id, events, status, disabled_reason, from_write_seq"
                + " from webhook_subscription order by id for update").getResultList();
        if (subscriptions.isEmpty()) { // nobody listens: skip to the end of the feed
            em.createNativeQuery("update webhook_cursor set last_position ="
                    + " (select coalesce(max(feed_position), ?1) from outbox_event) where id = 1")
                    .setParameter(1, last).executeUpdate();
            return 0;
        }
        Instant now = Instant.now();
        for (Object[] event : events) {
            long position = ((Number) event[0]).longValue();
            String type = (String) event[2];
            long written = event[3] == null ? 0 : ((Number) event[3]).longValue();
            for (Object[] s : subscriptions) {
                // an event written before the subscription existed is history: it is in /api/events, not sent
                if (!wants((String) s[1], type) || written <= ((Number) s[4]).longValue()) {
                    continue;
                }
                boolean active = WebhookSubscription.Status.ACTIVE.name().equals(s[2]);
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.subscriptionId = ((Number) s[0]).longValue();
                delivery.feedPosition = position;
                delivery.eventId = (String) event[1];
                delivery.eventType = type;
                delivery.status = active ? WebhookDelivery.Status.PENDING : WebhookDelivery.Status.DEAD;
                delivery.lastError = active ? null : disabledError((String) s[3]);
                delivery.nextAttemptAt = now;
                delivery.createdAt = now;
                delivery.persist();
            }
        }
        long newLast = ((Number) events.get(events.size() - 1)[0]).longValue();
        em.createNativeQuery("update webhook_cursor set last_position = ?1 where id = 1")
                .setParameter(1, newLast).executeUpdate();
        return events.size();
    }

    /** The error a delivery made dead-lettered for a disabled subscription carries. */
    static String disabledError(String reason) {
        return "webhook disabled" + (reason == null ? "" : " (" + reason + ")");
    }

    private static boolean wants(String events, String type) {
        for (String t : events.split(" ")) {
            if (t.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
