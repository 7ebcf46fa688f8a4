package io.leadgate.delivery.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Readiness of Kafka delivery. A broker outage does not make the gateway unready: hooks keep accepting and events
 * wait in the outbox (CONTRACT §1, §3), so the check stays UP and says {@code kafka: degraded} in its data, with the
 * backlog. Operators who want a failing probe for it use the {@code kafka} health group ({@link KafkaGroupHealth}).
 */
@Readiness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    static final String NAME = "Kafka delivery";

    private final KafkaRelay relay;

    KafkaHealth(KafkaRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return describe(relay.status(), HealthCheckResponse.named(NAME).up()).build();
    }

    static HealthCheckResponseBuilder describe(RelayStatus status, HealthCheckResponseBuilder response) {
        response.withData("kafka", status.state().name().toLowerCase());
        if (status.state() == RelayStatus.State.OFF) {
            return response;
        }
        response.withData("leader", status.leader());
        response.withData("unsent", status.lag().count());
        if (status.lag().oldestCreatedAt() != null) {
            response.withData("oldestUnsentSeconds",
                    Math.max(0, Duration.between(status.lag().oldestCreatedAt(), Instant.now()).toSeconds()));
        }
        if (status.lastAcknowledgedAt() != null) {
            response.withData("lastAcknowledgedAt", status.lastAcknowledgedAt().toString());
        }
        if (status.waitingSince() != null) {
            response.withData("waitingForBrokerSince", status.waitingSince().toString());
        }
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        return response;
    }
}
