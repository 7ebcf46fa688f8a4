package io.leadgate.channel;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * The channel files in readiness: counts per state and, for each invalid channel, why; the enabled channels
 * without their optional secret ({@link ChannelDefinition#open()}) as {@code verification: open}. Stays up with invalid
 * channels — they answer 404 and the others keep working, so the gateway must stay in service.
 */
@Readiness
@ApplicationScoped
public class ChannelHealth implements HealthCheck {

    private final ChannelRegistry registry;

    ChannelHealth(ChannelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Channels").up();
        List<ChannelStatus> statuses = registry.statuses(); // one snapshot
        for (ChannelState state : ChannelState.values()) {
            response.withData(state.code(), statuses.stream().filter(s -> s.state() == state).count());
        }
        statuses.stream().filter(s -> s.state() == ChannelState.INVALID)
                .forEach(s -> response.withData("invalid " + s.id(), s.error()));
        List<String> open = registry.all().stream().filter(d -> d.enabled() && d.open()).map(ChannelDefinition::id)
                .sorted().toList();
        response.withData("open", open.size());
        open.forEach(id -> response.withData("channel " + id, "verification: open"));
        return response.build();
    }
}
