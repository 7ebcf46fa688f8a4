package io.leadgate.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Parked envelopes in readiness (always up: they wait for a replay and stop nothing; the count is shown) and as the
 * gauge {@code leadgate_envelopes_parked}, read from the database at scrape time (NaN while it cannot be read).
 */
@Readiness
@ApplicationScoped
public class ParkedHealth implements HealthCheck {

    private final ParkedEnvelopes parked;
    private final MeterRegistry metrics;

    ParkedHealth(ParkedEnvelopes parked, MeterRegistry metrics) {
        this.parked = parked;
        this.metrics = metrics;
    }

    void register(@Observes StartupEvent start) {
        Gauge.builder("leadgate.envelopes.parked", this, ParkedHealth::countOrNaN)
                .description("raw requests parked for replay (failed or unparseable)").register(metrics);
    }

    @Override
    public HealthCheckResponse call() {
        double count = countOrNaN();
        return HealthCheckResponse.named("Parked envelopes").up()
                .withData("parked", Double.isNaN(count) ? "unknown" : String.valueOf((long) count)).build();
    }

    private double countOrNaN() {
        try {
            return parked.count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
