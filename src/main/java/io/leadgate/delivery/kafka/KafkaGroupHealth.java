package io.leadgate.delivery.kafka;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** {@code /q/health/group/kafka}: DOWN while Kafka delivery is degraded, for alerting (readiness stays UP). */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaGroupHealth implements HealthCheck {

    private final KafkaRelay relay;

    KafkaGroupHealth(KafkaRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        RelayStatus status = relay.status();
        return KafkaHealth.describe(status, HealthCheckResponse.named(KafkaHealth.NAME)
                .status(status.state() != RelayStatus.State.DEGRADED)).build();
    }
}
