package io.leadgate.delivery.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;

/**
 * Outbox lag of Kafka delivery, registered only when Kafka is on: {@code leadgate_outbox_lag_events} (rows the
 * broker has not acknowledged yet) and {@code leadgate_outbox_lag_age_seconds} (age of the oldest of them, 0 when
 * none). Values are the relay's last measurement (every poll interval).
 */
@ApplicationScoped
public class OutboxLagMetrics {

    private final KafkaRelay relay;
    private final MeterRegistry registry;

    OutboxLagMetrics(KafkaRelay relay, MeterRegistry registry) {
        this.relay = relay;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        if (!relay.enabled()) {
            return;
        }
        Gauge.builder("leadgate.outbox.lag", relay, r -> r.lag().count())
                .baseUnit("events")
                .description("Lead events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("leadgate.outbox.lag.age", relay, OutboxLagMetrics::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest lead event not yet acknowledged by Kafka")
                .register(registry);
    }

    private static double oldestAgeSeconds(KafkaRelay relay) {
        Instant oldest = relay.lag().oldestCreatedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
