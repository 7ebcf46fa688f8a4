package io.leadgate.delivery.crm;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** {@code /q/health/group/crm-connectors}: down while an enabled connector is stopped (refused credentials), for alerting. */
@HealthGroup("crm-connectors")
@ApplicationScoped
public class ConnectorGroupHealth implements HealthCheck {

    private final ConnectorRunner runner;

    ConnectorGroupHealth(ConnectorRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = ConnectorHealth.describe(runner, HealthCheckResponse.named("CRM connectors").up());
        for (CrmConnector connector : runner.enabled()) {
            if (runner.status(connector.id()).map(s -> "stopped".equals(s.state())).orElse(false)) {
                response.down();
            }
        }
        return response.build();
    }
}
