package io.leadgate.channel.watch;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Silent channels in readiness, as details of a check that stays up: a silent form is a problem of that form, and
 * taking the gateway out of the load balancer would silence every other channel too. Read from this replica's
 * snapshot of the last check, never from the database per probe.
 */
@Readiness
@ApplicationScoped
public class SilenceHealth implements HealthCheck {

    private final ChannelWatch watch;

    SilenceHealth(ChannelWatch watch) {
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call() {
        List<ChannelWatch.Alert> alerts = watch.alerts();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Channel silence").up()
                .withData("enabled", watch.enabled())
                .withData("silent", alerts.size());
        for (ChannelWatch.Alert alert : alerts) {
            String detail = ChannelWatch.NO_INQUIRIES.equals(alert.reason())
                    ? "no inquiries since " + alert.lastInquiryAt() + ", about " + Math.round(alert.expected())
                    + " expected by now; raised " + alert.raisedAt()
                    : "verification failures: " + alert.observed() + " in the last window, about "
                    + Math.round(alert.expected()) + " usual; raised " + alert.raisedAt();
            response.withData("silent " + alert.channelId(), detail);
        }
        return response.build();
    }
}
