package io.leadgate.ops;

import io.leadgate.channel.email.imap.MailboxProgress;
import io.leadgate.channel.email.imap.MailboxScheduler;
import io.leadgate.channel.email.imap.MailboxState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code leadgate_imap_poll_lag_seconds{channel}}: seconds since each polled mailbox's last successful poll (NaN
 * before the first one, or while its state cannot be read). Read from the mailbox state at scrape time.
 */
@ApplicationScoped
public class MailboxMetrics {

    private final MailboxScheduler scheduler;
    private final MailboxProgress progress;
    private final MeterRegistry metrics;

    MailboxMetrics(MailboxScheduler scheduler, MailboxProgress progress, MeterRegistry metrics) {
        this.scheduler = scheduler;
        this.progress = progress;
        this.metrics = metrics;
    }

    void register(@Observes StartupEvent start) {
        for (var mailbox : scheduler.mailboxes()) {
            String id = mailbox.id();
            Gauge.builder("leadgate.imap.poll.lag", this, m -> m.lagSeconds(id)).baseUnit("seconds")
                    .description("time since the mailbox's last successful poll").tag("channel", id).register(metrics);
        }
    }

    private double lagSeconds(String channelId) {
        try {
            MailboxState state = progress.state(channelId);
            return state.lastSuccessAt == null ? Double.NaN
                    : Duration.between(state.lastSuccessAt, Instant.now()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
