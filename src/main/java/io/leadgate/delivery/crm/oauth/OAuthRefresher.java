package io.leadgate.delivery.crm.oauth;

import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.CrmFailure;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps OAuth tokens fresh while no call needs them (amoCRM refresh tokens lapse when unused): each minute every
 * enabled connector's session refreshes what expires within its {@code refresh-ahead}. A refused refresh stops the
 * connector through {@link ConnectorRunner}, with the reason in {@code GET /api/connectors}.
 */
@ApplicationScoped
public class OAuthRefresher {

    private static final Logger LOG = Logger.getLogger(OAuthRefresher.class);

    private final CrmOAuth oauth;
    private final ConnectorRunner runner;

    OAuthRefresher(CrmOAuth oauth, ConnectorRunner runner) {
        this.oauth = oauth;
        this.runner = runner;
    }

    @Scheduled(every = "${leadgate.crm.oauth-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        refresh();
    }

    /** Refreshes what is due, for enabled connectors that are not stopped. */
    public void refresh() {
        runner.enabled().forEach(c -> oauth.session(c.id()).ifPresent(session -> {
            if (runner.status(c.id()).map(s -> "stopped".equals(s.state())).orElse(false)) {
                return;
            }
            try {
                session.tokens();
            } catch (CrmFailure f) {
                if (f.kind() == CrmFailure.Kind.AUTH || f.kind() == CrmFailure.Kind.MISCONFIGURED) {
                    runner.stop(c.id(), f);
                } else {
                    LOG.warnf("CRM connector %s: OAuth refresh not done yet (%s), will retry", c.id(), f.code());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf("CRM connector %s: OAuth refresh failed (%s), will retry", c.id(), e.getClass().getSimpleName());
            }
        }));
    }
}
