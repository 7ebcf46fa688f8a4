package io.leadgate.delivery.crm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness shows each enabled CRM connector's state but stays up when one is stopped or retrying: hooks keep
 * accepting leads, which wait in the outbox. The alerting check is {@link ConnectorGroupHealth}.
 */
@Readiness
@ApplicationScoped
public class ConnectorHealth implements HealthCheck {

    private final ConnectorRunner runner;

    ConnectorHealth(ConnectorRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        return describe(runner, HealthCheckResponse.named("CRM connectors").up()).build();
    }

    static HealthCheckResponseBuilder describe(ConnectorRunner runner, HealthCheckResponseBuilder response) {
        for (CrmConnector connector : runner.enabled()) {
            runner.status(connector.id()).ifPresent(s -> response.withData(connector.id(),
                    s.state() + (s.detail() == null ? "" : " (" + s.detail() + ")") + " since " + s.since()));
        }
        return response;
    }
}
