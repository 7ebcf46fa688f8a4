package io.leadgate.people;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** At start-up: user {@code admin} with {@code LEADGATE_ADMIN_PASSWORD} when no administrator exists yet. */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final UserService users;
    private final LeadgateConfig config;

    FirstAdmin(UserService users, LeadgateConfig config) {
        this.users = users;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        config.console().adminPassword().filter(p -> !p.isBlank()).ifPresentOrElse(password -> {
            if (users.ensureFirstAdmin(password)) {
                LOG.info("Console: created the first administrator, user admin");
            }
        }, () -> LOG.debug("Console: LEADGATE_ADMIN_PASSWORD is not set; no first administrator is created"));
    }
}
