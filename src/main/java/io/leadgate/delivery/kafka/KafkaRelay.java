package io.leadgate.delivery.kafka;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.OutboxSequencer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays the transactional outbox to Kafka through SmallRye's Kafka connector (channel {@code lead-events}): every
 * row's stored CloudEvent (structured JSON, id = the row's {@code event_id}, so a resend carries the same id) goes to
 * the topic with the contact id as record key; the relay's cursor ({@link OutboxRows}) moves past a row only after the
 * broker acknowledged it and every row before it ({@code acks=all}, idempotent producer).
 *
 * <p>Why one relay at a time: rows are claimed by a lease ({@link RelayLease}), not by {@code FOR UPDATE SKIP
 * LOCKED} per row. With row locks, two replicas would take disjoint slices of the outbox, and one client's second
 * event could reach the broker before its first. With the lease, one replica sends in feed (commit) order, the
 * others stand by; when the holder dies its lease expires and the next one resumes from the cursor, so nothing is
 * lost (rows the dead relay had sent past it go out again with the same ids: at least once).
 *
 * <p>The lease is renewed (on the database clock) before every send round and every third of its TTL while a round
 * waits for the broker; the moment a renewal finds it held by another replica — or the last renewal is older than the
 * TTL, measured on this replica's monotonic clock, because the database could not be asked — the relay sends nothing
 * more and stops waiting: the rows it has not seen acknowledged stay unsent for the new holder.
 *
 * <p>Within a batch, {@link KeyedRounds} sends a key's next row only after its previous one was acknowledged, so a
 * failed send can never be overtaken by a later event of the same client. Broker down: sends wait (the producer
 * retries), rows stay unsent, readiness reports Kafka degraded, hooks keep accepting; when the broker is back the
 * pending sends complete and the relay carries on in order by itself. While idle, a {@link BrokerProbe} asks the
 * broker for its cluster description every {@code probe-every}, so readiness shows an outage with nothing to send.
 */
@ApplicationScoped
public class KafkaRelay {

    /** The SmallRye Reactive Messaging channel lead events leave through (application.properties configures it). */
    public static final String CHANNEL = "lead-events";
    private static final Logger LOG = Logger.getLogger(KafkaRelay.class);
    /** CloudEvents Kafka protocol binding, structured mode. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final Emitter<String> emitter;
    private final OutboxRows rows;
    private final RelayLease lease;
    private final OutboxSequencer sequencer;
    private final LeadgateConfig.Kafka config;
    private final BrokerProbe probe;
    private final boolean enabled;

    private volatile boolean stopping;
    private volatile boolean leader;
    private volatile OutboxRows.Lag lag = new OutboxRows.Lag(0, null);
    private volatile Instant lastAcknowledgedAt;
    private volatile Instant waitingSince;
    private volatile Instant lastFailureAt;
    private volatile String lastError;
    private volatile Instant retryAfter = Instant.EPOCH;
    private volatile Instant brokerReachableAt;
    private long lastProbeNanos;
    private long heldUntilNanos;

    /**
     * Kafka delivery is on only when {@code kafka.bootstrap.servers} ({@code KAFKA_BOOTSTRAP_SERVERS}) is set
     * (CONTRACT §1). The channel itself always exists but its producer is created lazily ({@code lazy-client}), so
     * with Kafka off nothing is ever sent and nothing connects.
     */
    KafkaRelay(@Channel(CHANNEL) Emitter<String> emitter, OutboxRows rows, RelayLease lease,
               OutboxSequencer sequencer, LeadgateConfig config, BrokerProbe probe,
               @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers) {
        this.emitter = emitter;
        this.rows = rows;
        this.lease = lease;
        this.sequencer = sequencer;
        this.config = config.kafka();
        this.probe = probe;
        this.lastProbeNanos = System.nanoTime() - config.kafka().probeEvery().toNanos();
        this.enabled = bootstrapServers.filter(s -> !s.isBlank()).isPresent();
    }

    /** Whether Kafka delivery is on (a broker address is configured). */
    public boolean enabled() {
        return enabled;
    }

    /** What the relay is doing now. */
    public RelayStatus status() {
        Instant now = Instant.now();
        Instant contact = lastAcknowledgedAt;
        if (brokerReachableAt != null && (contact == null || brokerReachableAt.isAfter(contact))) {
            contact = brokerReachableAt;
        }
        return new RelayStatus(RelayStatus.state(enabled, now, config.degradedAfter(), waitingSince,
                contact, lastFailureAt), leader, lag, lastAcknowledgedAt, waitingSince, lastError);
    }

    /** The last measured lag (unsent rows and the age of the oldest). */
    public OutboxRows.Lag lag() {
        return lag;
    }

    @Scheduled(every = "${leadgate.kafka.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!enabled || stopping) {
            return;
        }
        probeWhenDue();
        if (Instant.now().isBefore(retryAfter)) {
            return;
        }
        try {
            int sent;
            do {
                sent = relayOnce();
            } while (sent == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            // typically the database being unreachable: the next tick tries again
            failed(e);
            LOG.debugf("Kafka relay pass failed: %s", e.getClass().getSimpleName());
        }
    }

    /** Asks the broker for its cluster description when the last check is {@code probe-every} old. */
    private void probeWhenDue() {
        long now = System.nanoTime();
        if (now - lastProbeNanos < config.probeEvery().toNanos()) {
            return;
        }
        lastProbeNanos = now;
        BrokerProbe.Result result = probe.check(config.probeTimeout());
        if (result instanceof BrokerProbe.Result.Unreachable u) {
            lastFailureAt = Instant.now();
            lastError = "broker unreachable (" + u.reason() + ")";
            LOG.debugf("Kafka broker check failed: %s", u.reason());
        } else {
            brokerReachableAt = Instant.now();
        }
    }

    /**
     * Renews the lease (database clock); true while this replica may send. Lost when another replica holds it, or when
     * the database cannot be asked and the last renewal is a TTL old on this replica's monotonic clock.
     */
    private boolean holdLease() {
        long asked = System.nanoTime();
        try {
            leader = lease.acquire(config.leaseTtl());
            if (leader) {
                heldUntilNanos = asked + config.leaseTtl().toNanos();
            }
        } catch (RuntimeException e) {
            LOG.debugf("Kafka relay lease not renewed: %s", e.getClass().getSimpleName());
            leader = leader && System.nanoTime() - heldUntilNanos < 0;
        }
        return leader;
    }

    /** One pass: takes or renews the lease, sends one batch in order and marks what the broker acknowledged. */
    int relayOnce() {
        lag = rows.lag();
        if (!holdLease()) {
            return 0;
        }
        sequencer.sequence();
        List<OutboxRows.Pending> batch = rows.unsent(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        KeyedRounds<OutboxRows.Pending> rounds = new KeyedRounds<>(batch, OutboxRows.Pending::key);
        Set<Long> acknowledged = new HashSet<>();
        Throwable failure = null;
        boolean lost = false;
        for (List<OutboxRows.Pending> round = rounds.next(); !round.isEmpty() && !stopping; round = rounds.next()) {
            if (!holdLease()) {
                lost = true;
                break;
            }
            List<CompletableFuture<Void>> acks = round.stream().map(this::send).toList();
            if (!awaitAll(acks)) {
                lost = true;
            }
            for (int i = 0; i < round.size(); i++) {
                CompletableFuture<Void> ack = acks.get(i);
                if (ack.isDone() && !ack.isCompletedExceptionally()) {
                    acknowledged.add(round.get(i).id());
                } else {
                    rounds.failed(round.get(i));
                    failure = cause(ack);
                }
            }
            if (lost) {
                break;
            }
        }
        rows.markSent(batch, acknowledged);
        if (!acknowledged.isEmpty()) {
            lastAcknowledgedAt = Instant.now();
        }
        lag = rows.lag();
        if (lost) {
            LOG.warnf("Kafka relay: lease lost to another replica; stopped sending (%d of %d events acknowledged)",
                    acknowledged.size(), batch.size());
            return 0;
        }
        if (failure != null) {
            failed(failure);
            retryAfter = Instant.now().plus(config.retryBackoff());
            LOG.warnf("Kafka relay: %d of %d events not acknowledged (%s); they and the events after them are sent "
                            + "again, in order",
                    batch.size() - acknowledged.size(), batch.size(), failure.getClass().getSimpleName());
            return -1;
        }
        return batch.size();
    }

    private CompletableFuture<Void> send(OutboxRows.Pending row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(config.topic())
                .withKey(row.key())
                .withHeaders(new RecordHeaders().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)))
                .build();
        Message<String> message = Message.of(row.payload(), Metadata.of(kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    ack.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /**
     * Waits until every send of a round is acknowledged or failed. While the broker is away this can take long: the
     * lease is renewed meanwhile, so no other replica sends the same rows, and readiness shows Kafka degraded. Returns
     * false, without waiting further, as soon as the lease is lost.
     */
    private boolean awaitAll(List<CompletableFuture<Void>> acks) {
        CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        long renewed = System.nanoTime();
        waitingSince = Instant.now();
        try {
            while (!stopping) {
                try {
                    all.get(250, TimeUnit.MILLISECONDS);
                    return true;
                } catch (ExecutionException e) {
                    return true;
                } catch (TimeoutException e) {
                    if (System.nanoTime() - renewed >= config.leaseTtl().dividedBy(3).toNanos()) {
                        if (!holdLease()) {
                            return false;
                        }
                        renewed = System.nanoTime();
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            waitingSince = null;
        }
    }

    private void failed(Throwable failure) {
        lastFailureAt = Instant.now();
        lastError = failure.getClass().getSimpleName();
    }

    private static Throwable cause(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return new IllegalStateException("relay stopping before the broker acknowledged");
        }
        try {
            ack.join();
            return new IllegalStateException("acknowledged");
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (enabled && leader) {
            try {
                lease.release();
            } catch (RuntimeException e) {
                LOG.debugf("Kafka relay lease not released: %s", e.getClass().getSimpleName());
            }
        }
    }
}
