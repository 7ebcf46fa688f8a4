package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.PollingCapable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;

/** Starts every polling adapter at start-up with its enabled channels and {@link Intake} as the sink; stops them at shutdown. */
@ApplicationScoped
public class Polling {

    private static final Logger LOG = Logger.getLogger(Polling.class);

    private final ChannelRegistry registry;
    private final Instance<PollingCapable> pollers;
    private final Intake intake;

    Polling(ChannelRegistry registry, Instance<PollingCapable> pollers, Intake intake) {
        this.registry = registry;
        this.pollers = pollers;
        this.intake = intake;
    }

    void start(@Observes StartupEvent event) {
        for (PollingCapable poller : pollers) {
            List<ChannelDefinition> channels = registry.all().stream()
                    .filter(c -> c.enabled() && c.provider() == poller.provider()).toList();
            poller.startPolling(channels, intake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        for (PollingCapable poller : pollers) {
            try {
                poller.stopPolling();
            } catch (RuntimeException e) {
                LOG.warnf("polling of %s did not stop cleanly: %s", poller.provider().id(), e.getClass().getSimpleName());
            }
        }
    }
}
