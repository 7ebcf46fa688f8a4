package io.leadgate.delivery.webhook;

import io.leadgate.config.LeadgateConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries. Per subscription only the head of its queue (its pending delivery with the lowest feed
 * position) is eligible, so a subscription receives events in feed order and a failing head holds the ones behind
 * it until it is delivered or dead-lettered. Heads are claimed with {@code FOR UPDATE SKIP LOCKED} and leased by
 * moving their next attempt past the request timeout; the HTTP call runs outside any transaction and its outcome is
 * recorded afterwards. A replica that dies mid-call leaves the lease to run out: the delivery is sent again with the
 * same {@code webhook-id} (at least once). Several replicas never claim the same delivery.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final int BATCH = 32;
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(20);
    static final String GONE_REASON = "410 Gone";

    /** A claimed delivery with what sending it needs. */
    record Job(long deliveryId, long subscriptionId, String eventId, String url, String secret, String payload) {
    }

    private final EntityManager em;
    private final WebhookFanOut fanOut;
    private final WebhookSender sender;
    private final LeadgateConfig config;
    private final MeterRegistry metrics;
    private final RetrySchedule schedule;

    WebhookDispatcher(EntityManager em, WebhookFanOut fanOut, WebhookSender sender, LeadgateConfig config,
                      MeterRegistry metrics) {
        this.em = em;
        this.fanOut = fanOut;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        LeadgateConfig.Webhooks w = config.webhooks();
        this.schedule = new RetrySchedule(w.baseDelay(), w.maxDelay(), w.maxAttempts());
    }

    @Scheduled(every = "${leadgate.webhooks.send-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            fanOut.fanOut();
        } catch (RuntimeException e) {
            LOG.debugf("webhook fan-out skipped: %s", e.getClass().getSimpleName());
        }
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.debugf("webhook dispatch skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Sends due heads, batch after batch, until none is due (or the round's time is up); returns how many were tried. */
    public int dispatch() {
        Instant until = Instant.now().plus(ROUND_BUDGET);
        int total = 0;
        List<Job> jobs;
        do {
            jobs = QuarkusTransaction.requiringNew().call(this::claim);
            List<CompletableFuture<Attempt>> sent = new ArrayList<>(jobs.size());
            for (Job job : jobs) {
                sent.add(sender.send(job.url(), job.secret(), job.eventId(), job.payload()));
            }
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                Attempt attempt = sent.get(i).join();
                QuarkusTransaction.requiringNew().run(() -> record(job, attempt, Instant.now()));
            }
            total += jobs.size();
        } while (!jobs.isEmpty() && Instant.now().isBefore(until));
        return total;
    }

    private List<Job> claim() {
        // due and leased by the database's clock, so replicas whose clocks disagree never hold one delivery at once
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery("select d.id, d.subscription_id from webhook_delivery d"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= current_timestamp"
                        + " and d.subscription_id in (select s.id from webhook_subscription s where s.status = 'ACTIVE')"
                        + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
                        + " and e.status = 'PENDING' and e.feed_position < d.feed_position)"
                        + " order by d.next_attempt_at, d.id limit " + BATCH + " for update skip locked")
                .getResultList();
        if (heads.isEmpty()) {
            return List.of();
        }
        // The subscription's state is read under its row lock, in the claiming transaction: a disable (410, which takes
        // that lock first) either committed before, and nothing is claimed, or waits until the lease is taken, and then
        // dead-letters the claimed delivery before its answer is recorded. Rows are locked in id order, as the fan-out
        // locks them, so two transactions never wait for each other in a circle.
        List<Long> subscriptionIds = heads.stream().map(h -> ((Number) h[1]).longValue()).distinct().sorted().toList();
        @SuppressWarnings("unchecked")
        List<Object> active = em.createNativeQuery("select id from webhook_subscription where id in (:ids)"
                        + " and status = 'ACTIVE' order by id for update")
                .setParameter("ids", subscriptionIds).getResultList();
        java.util.Set<Long> activeIds = new java.util.HashSet<>();
        active.forEach(id -> activeIds.add(((Number) id).longValue()));
        List<Object> ids = new ArrayList<>(heads.size());
        for (Object[] head : heads) {
            if (activeIds.contains(((Number) head[1]).longValue())) {
                ids.add(head[0]);
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        // the request timeout covers the whole attempt (connection included, the request is aborted when it runs out),
        // so the lease outlives any attempt of this replica by far: no other replica sends the same delivery meanwhile
        Duration timeouts = config.webhooks().connectTimeout().plus(config.webhooks().requestTimeout());
        double leaseSeconds = timeouts.multipliedBy(2).plusSeconds(30).toMillis() / 1000.0;
        List<Job> jobs = new ArrayList<>(ids.size());
        for (Object id : ids) {
            long deliveryId = ((Number) id).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select d.subscription_id, d.event_id, s.url, s.secret, o.payload"
                            + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                            + " join outbox_event o on o.feed_position = d.feed_position where d.id = ?1")
                    .setParameter(1, deliveryId).getResultList();
            em.createNativeQuery("update webhook_delivery set next_attempt_at = current_timestamp"
                            + " + cast(?1 as double precision) * interval '1' second where id = ?2")
                    .setParameter(1, leaseSeconds).setParameter(2, deliveryId).executeUpdate();
            if (rows.isEmpty()) { // the event itself was erased (personal data deletion): nothing left to send
                em.createNativeQuery("update webhook_delivery set status = 'DEAD', last_error = 'event no longer stored'"
                        + " where id = ?1").setParameter(1, deliveryId).executeUpdate();
                continue;
            }
            Object[] r = rows.get(0);
            jobs.add(new Job(deliveryId, ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4]));
        }
        return jobs;
    }

    /**
     * Records one attempt's outcome: delivered, retried later, dead-lettered (attempts or 4xx answers used up), or (410)
     * the subscription disabled. An answer for a delivery that is no longer pending (its subscription was disabled or
     * deleted meanwhile) changes nothing.
     */
    void record(Job job, Attempt attempt, Instant now) {
        lockSubscription(job.subscriptionId());
        WebhookDelivery delivery = WebhookDelivery.findById(job.deliveryId());
        if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
            return;
        }
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatus = attempt.status();
        delivery.lastError = attempt.error();
        String outcome;
        switch (attempt.outcome()) {
            case DELIVERED -> {
                delivery.status = WebhookDelivery.Status.DELIVERED;
                delivery.deliveredAt = now;
                outcome = "delivered";
            }
            case GONE -> {
                delivery.status = WebhookDelivery.Status.DEAD;
                disable(job.subscriptionId(), now);
                outcome = "gone";
            }
            default -> {
                if (attempt.outcome() == Attempt.Outcome.REJECTED) {
                    delivery.rejections++;
                }
                if (delivery.rejections >= config.webhooks().maxRejections()) {
                    delivery.status = WebhookDelivery.Status.DEAD;
                    outcome = "dead";
                    LOG.warnf("webhook %d: delivery %d dead-lettered after %d refusals (%s)", job.subscriptionId(),
                            delivery.id, delivery.rejections, attempt.error());
                } else if (schedule.exhausted(delivery.attempts)) {
                    delivery.status = WebhookDelivery.Status.DEAD;
                    outcome = "dead";
                    LOG.warnf("webhook %d: delivery %d dead-lettered after %d attempts (%s)", job.subscriptionId(),
                            delivery.id, delivery.attempts, attempt.error());
                } else {
                    delivery.nextAttemptAt = now.plus(schedule.delay(delivery.attempts, attempt.retryAfter(),
                            () -> ThreadLocalRandom.current().nextDouble()));
                    outcome = switch (attempt.outcome()) {
                        case REFUSED -> "refused";
                        case REJECTED -> "rejected";
                        default -> "failed";
                    };
                }
            }
        }
        metrics.counter("leadgate.webhook.deliveries", "outcome", outcome).increment();
    }

    private void lockSubscription(long subscriptionId) {
        em.createNativeQuery("select id from webhook_subscription where id = ?1 for update")
                .setParameter(1, subscriptionId).getResultList();
    }

    /**
     * After {@code 410 Gone}: the subscription stops, and what was waiting for it is dead-lettered (replayable). The
     * subscription row is updated first, so a fan-out or claim that holds its lock finishes before and its deliveries
     * are dead-lettered here too; events that come while it is disabled are dead-lettered by the fan-out.
     */
    private void disable(long subscriptionId, Instant now) {
        int updated = em.createNativeQuery("update webhook_subscription set status = ?1, disabled_reason = ?2,"
                        + " updated_at = ?3 where id = ?4")
                .setParameter(1, WebhookSubscription.Status.DISABLED.name()).setParameter(2, GONE_REASON)
                .setParameter(3, now).setParameter(4, subscriptionId).executeUpdate();
        if (updated == 0) {
            return;
        }
        em.createNativeQuery("update webhook_delivery set status = 'DEAD', last_error = ?1"
                        + " where subscription_id = ?2 and status = 'PENDING'")
                .setParameter(1, WebhookFanOut.disabledError(GONE_REASON)).setParameter(2, subscriptionId)
                .executeUpdate();
        LOG.warnf("webhook %d disabled: the endpoint answered 410 Gone", subscriptionId);
    }
}
