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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays the transactional outbox to Kafka through SmallRye's Kafka connector (channel {@code lead-events}): every
 * row's stored CloudEvent (structured JSON, id = the row's {@code event_id}, so a resend carries the same id) goes to
 * the topic with the contact id as record key; the row is marked sent only after the broker acknowledged it
 * ({@code acks=all}, idempotent producer).
 *
 * <p>Why one relay at a time: rows are claimed by a lease ({@link RelayLease}), not by {@code FOR UPDATE SKIP
 * LOCKED} per row. With row locks, two replicas would take disjoint slices of the outbox, and one client's second
 * event could reach the broker before its first. With the lease, one replica sends in feed (commit) order, the
 * others stand by; when the holder dies its lease expires and the next one resumes from the oldest unsent row, so
 * nothing is lost (rows the dead relay had sent but not marked go out again with the same ids: at least once).
 *
 * <p>Within a batch, {@link KeyedRounds} sends a key's next row only after its previous one was acknowledged, so a
 * failed send can never be overtaken by a later event of the same client. Broker down: sends wait (the producer
 * retries), rows stay unsent, readiness reports Kafka degraded, hooks keep accepting; when the broker is back the
 * pending sends complete and the relay carries on in order by itself.
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
    private final boolean enabled;

    private volatile boolean stopping;
    private volatile boolean leader;
    private volatile OutboxRows.Lag lag = new OutboxRows.Lag(0, null);
    private volatile Instant lastAcknowledgedAt;
    private volatile Instant waitingSince;
    private volatile Instant lastFailureAt;
    private volatile String lastError;
    private volatile Instant retryAfter = Instant.EPOCH;

    /**
     * Kafka delivery is on only when {@code kafka.bootstrap.servers} ({@code KAFKA_BOOTSTRAP_SERVERS}) is set
     * (CONTRACT §1). The channel itself always exists but its producer is created lazily ({@code lazy-client}), so
     * with Kafka off nothing is ever sent and nothing connects.
     */
    KafkaRelay(@Channel(CHANNEL) Emitter<String> emitter, OutboxRows rows, RelayLease lease,
               OutboxSequencer sequencer, LeadgateConfig config,
               @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers) {
        this.emitter = emitter;
        this.rows = rows;
        this.lease = lease;
        this.sequencer = sequencer;
        this.config = config.kafka();
        this.enabled = bootstrapServers.filter(s -> !s.isBlank()).isPresent();
    }

    /** Whether Kafka delivery is on (a broker address is configured). */
    public boolean enabled() {
        return enabled;
    }

    /** What the relay is doing now. */
    public RelayStatus status() {
        Instant now = Instant.now();
        return new RelayStatus(RelayStatus.state(enabled, now, config.degradedAfter(), waitingSince,
                lastAcknowledgedAt, lastFailureAt), leader, lag, lastAcknowledgedAt, waitingSince, lastError);
    }

    /** The last measured lag (unsent rows and the age of the oldest). */
    public OutboxRows.Lag lag() {
        return lag;
    }

    @Scheduled(every = "${leadgate.kafka.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!enabled || stopping || Instant.now().isBefore(retryAfter)) {
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

    /** One pass: takes or renews the lease, sends one batch in order and marks what the broker acknowledged. */
    int relayOnce() {
        lag = rows.lag();
        leader = lease.acquire(config.leaseTtl());
        if (!leader) {
            return 0;
        }
        sequencer.sequence();
        List<OutboxRows.Pending> batch = rows.unsent(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        KeyedRounds<OutboxRows.Pending> rounds = new KeyedRounds<>(batch, OutboxRows.Pending::key);
        List<Long> acknowledged = new ArrayList<>();
        Throwable failure = null;
        for (List<OutboxRows.Pending> round = rounds.next(); !round.isEmpty() && !stopping; round = rounds.next()) {
            List<CompletableFuture<Void>> acks = round.stream().map(this::send).toList();
            awaitAll(acks);
            for (int i = 0; i < round.size(); i++) {
                CompletableFuture<Void> ack = acks.get(i);
                if (ack.isDone() && !ack.isCompletedExceptionally()) {
                    acknowledged.add(round.get(i).id());
                } else {
                    rounds.failed(round.get(i));
                    failure = cause(ack);
                }
            }
        }
        rows.markSent(acknowledged, Instant.now());
        if (!acknowledged.isEmpty()) {
            lastAcknowledgedAt = Instant.now();
        }
        lag = rows.lag();
        if (failure != null) {
            failed(failure);
            retryAfter = Instant.now().plus(config.retryBackoff());
            LOG.warnf("Kafka relay: %d of %d events not acknowledged (%s); they wait and are retried in order",
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
     * lease is renewed meanwhile, so no other replica sends the same rows, and readiness shows Kafka degraded.
     */
    private void awaitAll(List<CompletableFuture<Void>> acks) {
        CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        Instant renewed = Instant.now();
        waitingSince = Instant.now();
        try {
            while (!stopping) {
                try {
                    all.get(1, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    return;
                } catch (TimeoutException e) {
                    if (Duration.between(renewed, Instant.now()).compareTo(config.leaseTtl().dividedBy(3)) >= 0) {
                        renewLease();
                        renewed = Instant.now();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waitingSince = null;
        }
    }

    private void renewLease() {
        try {
            leader = lease.acquire(config.leaseTtl());
        } catch (RuntimeException e) {
            LOG.debugf("Kafka relay lease not renewed: %s", e.getClass().getSimpleName());
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
