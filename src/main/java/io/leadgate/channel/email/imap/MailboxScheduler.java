package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.InboundSink;
import io.leadgate.channel.Provider;
import io.leadgate.config.LeadgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the polling of the {@code imap} channels in the background: each mailbox on its own thread, polled again
 * after its {@code poll-interval} (staying in IDLE in between where the server offers it); failed polls back off
 * exponentially up to 15 minutes; a mailbox another replica holds is tried again when its lease would expire.
 */
@ApplicationScoped
public class MailboxScheduler {

    private static final Logger LOG = Logger.getLogger(MailboxScheduler.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private final ChannelRegistry registry;
    private final MailboxPoller poller;
    private final MailboxProgress progress;
    private final MailboxLease lease;
    private final LeadgateConfig config;
    private volatile ScheduledExecutorService executor;
    private volatile List<ChannelDefinition> polled = List.of();

    MailboxScheduler(ChannelRegistry registry, MailboxPoller poller, MailboxProgress progress, MailboxLease lease,
                     LeadgateConfig config) {
        this.registry = registry;
        this.poller = poller;
        this.progress = progress;
        this.lease = lease;
        this.config = config;
    }

    /** The enabled IMAP channels. */
    public List<ChannelDefinition> mailboxes() {
        return registry.all().stream().filter(c -> c.enabled() && c.provider() == Provider.IMAP).toList();
    }

    /** Starts a background loop per mailbox, handing messages to {@code sink}. */
    void start(List<ChannelDefinition> mailboxes, InboundSink sink) {
        poller.start(sink, mailboxes.size());
        polled = List.copyOf(mailboxes);
        if (mailboxes.isEmpty()) {
            return;
        }
        executor = Executors.newScheduledThreadPool(mailboxes.size(), runnable -> {
            Thread t = new Thread(runnable, "imap-poller");
            t.setDaemon(true);
            return t;
        });
        for (ChannelDefinition mailbox : mailboxes) {
            executor.schedule(() -> loop(mailbox), 1, TimeUnit.SECONDS);
        }
        LOG.infof("Polling %d mailbox(es) as %s", mailboxes.size(), poller.owner());
    }

    /** Stops the loops, ends open connections and gives the leases up. */
    void stop() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
        }
        poller.stop();
        for (ChannelDefinition mailbox : polled) {
            try {
                lease.release(mailbox.id(), poller.owner());
            } catch (RuntimeException e) {
                LOG.debugf("mailbox %s: lease not released (it expires by itself)", mailbox.id());
            }
        }
    }

    private void loop(ChannelDefinition mailbox) {
        ImapSettings settings = ImapSettings.of(mailbox);
        Duration next = settings.pollInterval();
        try {
            MailboxPoller.PollResult result = poller.poll(mailbox, poller.owner(), settings.idle());
            if (!result.leased() && config.imap().leaseTtl().compareTo(next) < 0) {
                next = config.imap().leaseTtl(); // try again when the holder's lease would have expired
            }
        } catch (RuntimeException e) {
            next = backoff(next, progress.state(mailbox.id()).failures);
        }
        ScheduledExecutorService ex = executor;
        if (ex != null && !ex.isShutdown()) {
            ex.schedule(() -> loop(mailbox), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The interval doubled per consecutive failure, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(Duration interval, int failures) {
        Duration backoff = interval.multipliedBy(1L << Math.min(failures, 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
