package io.leadgate.channel.email.imap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the polled mailboxes: the last successful poll and the backlog of each; down when a mailbox failed
 * three polls in a row.
 */
@Readiness
@ApplicationScoped
public class MailboxHealth implements HealthCheck {

    static final int FAILURES_DOWN = 3;

    private final MailboxScheduler scheduler;
    private final MailboxProgress progress;

    MailboxHealth(MailboxScheduler scheduler, MailboxProgress progress) {
        this.scheduler = scheduler;
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Mailboxes").up();
        for (var mailbox : scheduler.mailboxes()) {
            MailboxState state;
            try {
                state = progress.state(mailbox.id());
            } catch (RuntimeException e) {
                return response.down().withData(mailbox.id(), "state unavailable").build();
            }
            response.withData(mailbox.id(), "last success " + state.lastSuccessAt + ", backlog " + state.backlog
                    + (state.lastError == null ? "" : ", last error " + state.lastError));
            if (state.failures >= FAILURES_DOWN) {
                response.down();
            }
        }
        return response.build();
    }
}
