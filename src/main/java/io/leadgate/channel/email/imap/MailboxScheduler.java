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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the polling of the {@code imap} channels in the background: each mailbox on its own thread, polled again
 * after its {@code poll-interval} (staying in IDLE in between where the server offers it); failed polls back off
 * exponentially up to 15 minutes; a mailbox another replica holds is tried again when its lease would expire.
 * Mailboxes follow the channel files while the gateway runs (added, changed, removed, disabled).
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
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(5);

    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>(); // mailbox id → its next round
    private volatile ScheduledThreadPoolExecutor executor;

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

    /**
     * Starts a background loop per mailbox, handing messages to {@code sink}, and follows the channel files from
     * then on: a mailbox added or enabled later gets its loop within {@link #RECONCILE_EVERY}; a loop whose mailbox
     * was removed or disabled ends after its current round and gives its lease up; a changed file is read at the
     * loop's next round.
     */
    void start(List<ChannelDefinition> mailboxes, InboundSink sink) {
        poller.start(sink, mailboxes.size());
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(Math.max(1, mailboxes.size()) + 1, runnable -> {
            Thread t = new Thread(runnable, "imap-poller");
            t.setDaemon(true);
            return t;
        });
        executor = ex;
        mailboxes.forEach(this::launch);
        ex.scheduleWithFixedDelay(this::reconcile, RECONCILE_EVERY.toMillis(), RECONCILE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        if (!mailboxes.isEmpty()) {
            LOG.infof("Polling %d mailbox(es) as %s", mailboxes.size(), poller.owner());
        }
    }

    /** Stops the loops, ends open connections and gives the leases up. */
    void stop() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
        }
        poller.stop();
        for (String id : running.keySet()) {
            release(id);
        }
    }

    /** The ids of the mailboxes this replica runs a polling loop for. */
    public Set<String> polledMailboxes() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Starts loops for mailboxes that appeared since the last look and ends those of mailboxes removed or disabled
     * (a round under way finishes first).
     */
    void reconcile() {
        try {
            List<ChannelDefinition> now = mailboxes();
            Set<String> ids = now.stream().map(ChannelDefinition::id).collect(Collectors.toSet());
            for (String id : Set.copyOf(running.keySet())) {
                if (!ids.contains(id)) {
                    ScheduledFuture<?> next = running.remove(id);
                    if (next != null) {
                        next.cancel(false);
                    }
                    release(id);
                    LOG.infof("mailbox %s removed or disabled: polling stopped", id);
                }
            }
            now.stream().filter(m -> !running.containsKey(m.id())).forEach(m -> {
                LOG.infof("mailbox %s added: polling it as %s", m.id(), poller.owner());
                launch(m);
            });
        } catch (RuntimeException e) {
            LOG.warnf("mailbox list not reconciled: %s", e.getClass().getSimpleName());
        }
    }

    private void launch(ChannelDefinition mailbox) {
        ScheduledThreadPoolExecutor ex = executor;
        if (ex == null || ex.isShutdown() || running.containsKey(mailbox.id())) {
            return;
        }
        // one thread per mailbox (a round may wait in IDLE) plus one for reconciling
        ex.setCorePoolSize(Math.max(ex.getCorePoolSize(), running.size() + 2));
        running.put(mailbox.id(), ex.schedule(() -> loop(mailbox.id()), 1, TimeUnit.SECONDS));
    }

    private void loop(String id) {
        Optional<ChannelDefinition> current = mailboxes().stream().filter(m -> m.id().equals(id)).findFirst();
        if (current.isEmpty()) {
            return; // removed: reconcile() ends the loop and gives the lease up
        }
        ChannelDefinition mailbox = current.get();
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
        long delay = next.toMillis();
        ScheduledThreadPoolExecutor ex = executor;
        if (ex != null && !ex.isShutdown()) {
            running.computeIfPresent(id, (key, done) -> ex.schedule(() -> loop(id), delay, TimeUnit.MILLISECONDS));
        }
    }

    private void release(String id) {
        try {
            lease.release(id, poller.owner());
        } catch (RuntimeException e) {
            LOG.debugf("mailbox %s: lease not released (it expires by itself)", id);
        }
    }

    /** The interval doubled per consecutive failure, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(Duration interval, int failures) {
        Duration backoff = interval.multipliedBy(1L << Math.min(failures, 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
