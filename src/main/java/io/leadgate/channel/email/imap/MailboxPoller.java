package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.InboundSink;
import io.leadgate.config.LeadgateConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One poll of one mailbox as one replica: takes (or renews) the {@link MailboxLease}, connects with Jakarta Mail
 * (Angus), opens the folder read-only (the mailbox itself is never changed), lets a {@link MailboxReader} hand every
 * new message to the {@link InboundSink}, and, asked to, stays connected in IMAP IDLE where the server offers it,
 * taking new mail as the server reports it. Only the sink's {@code RETRY_LATER} (storage down) or a network error
 * stops a round before a message's UID is recorded, so nothing is skipped; rounds of one mailbox never overlap.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final Duration MAX_IDLE_SLICE = Duration.ofSeconds(50); // below the 60 s socket read timeout

    /**
     * The outcome of one poll.
     *
     * @param taken        messages handed to the sink
     * @param backlog      messages still waiting
     * @param largestBatch the most messages fetched in one UID window
     * @param leased       false when another replica holds the mailbox and nothing was polled
     */
    public record PollResult(int taken, long backlog, int largestBatch, boolean leased) {
        static PollResult leasedElsewhere() {
            return new PollResult(0, 0, 0, false);
        }
    }

    /** The lease was lost to another replica while polling: stop quietly. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    /** The sink cannot store now: stop the round before the message's UID is recorded. */
    static final class SinkUnavailable extends RuntimeException {
        SinkUnavailable() {
            super("storage unavailable", null, false, false);
        }
    }

    private final LeadgateConfig config;
    private final MeterRegistry metrics;
    private final MailboxLease lease;
    private final MailboxProgress progress;
    private final String owner = replicaName();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<Store> open = ConcurrentHashMap.newKeySet();
    private volatile InboundSink sink;
    private volatile ScheduledExecutorService wakers;
    private volatile boolean stopping;

    MailboxPoller(LeadgateConfig config, MeterRegistry metrics, MailboxLease lease, MailboxProgress progress) {
        this.config = config;
        this.metrics = metrics;
        this.lease = lease;
        this.progress = progress;
    }

    /** This replica's name as a lease owner. */
    public String owner() {
        return owner;
    }

    /** Where polled messages go from now on, and how many mailboxes may idle at once (set when polling starts). */
    void start(InboundSink sink, int mailboxes) {
        this.sink = sink;
        this.wakers = Executors.newScheduledThreadPool(Math.max(1, mailboxes), runnable -> {
            Thread t = new Thread(runnable, "imap-idle-waker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls one mailbox now, once, as this replica. Rounds are serialised per mailbox with the background loop. */
    public PollResult poll(ChannelDefinition mailbox) {
        return poll(mailbox, owner, false);
    }

    /**
     * Polls one mailbox as {@code owner} when it holds (or takes) the mailbox's lease. With {@code stayIdle} and a
     * server that offers IDLE, it stays connected and takes new mail as the server reports it, until the lease is
     * lost, the connection fails or the application stops.
     */
    PollResult poll(ChannelDefinition mailbox, String owner, boolean stayIdle) {
        InboundSink target = sink;
        if (target == null) {
            throw new IllegalStateException("polling has not been started");
        }
        ImapSettings settings = ImapSettings.of(mailbox);
        if (!lease.acquire(mailbox.id(), owner, Instant.now(), config.imap().leaseTtl())) {
            return PollResult.leasedElsewhere();
        }
        Store store = null;
        try {
            store = Session.getInstance(properties(settings)).getStore(settings.protocol());
            open.add(store);
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            try {
                Renewal renewal = new Renewal(mailbox.id(), owner);
                MailboxReader reader = new MailboxReader(mailbox.id(), folder, config.imap().batchSize(),
                        config.hooks().maxEmailBodyBytes(), progress, new ToSink(mailbox, settings, target, renewal),
                        settings.backfill());
                round(mailbox, reader);
                boolean idle = stayIdle && folder instanceof IMAPFolder && MailboxIdle.supported(store);
                while (idle && !stopping) {
                    renewal.renew();
                    MailboxIdle.await((IMAPFolder) folder, idleSlice(), wakers);
                    round(mailbox, reader);
                }
                return new PollResult(reader.taken, reader.backlog, reader.largestBatch, true);
            } finally {
                if (folder.isOpen()) {
                    try {
                        folder.close(false);
                    } catch (MessagingException | RuntimeException ignored) {
                        // the connection is gone already
                    }
                }
            }
        } catch (LeaseLost e) {
            LOG.infof("mailbox %s: another replica took the lease over", mailbox.id());
            return PollResult.leasedElsewhere();
        } catch (MessagingException | SinkUnavailable | IllegalStateException e) {
            if (stopping) {
                return new PollResult(0, 0, 0, true);
            }
            LOG.warnf("mailbox %s: poll failed (%s), will back off", mailbox.id(), e.getClass().getSimpleName());
            progress.recordFailure(mailbox.id(), e);
            throw new IllegalStateException("poll of mailbox " + mailbox.id() + " failed", e);
        } finally {
            if (store != null) {
                open.remove(store);
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    /** Ends every connection (a blocking IDLE too) and stops taking mail. */
    void stop() {
        stopping = true;
        ScheduledExecutorService w = wakers;
        if (w != null) {
            w.shutdownNow();
        }
        for (Store store : open) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException ignored) {
                // already gone
            }
        }
    }

    private void round(ChannelDefinition mailbox, MailboxReader reader) throws MessagingException {
        synchronized (locks.computeIfAbsent(mailbox.id(), id -> new Object())) {
            reader.readNew();
            progress.recordSuccess(mailbox.id(), reader.backlog);
        }
    }

    /** Keeps the lease while a round runs: renewed when a third of its time has passed. */
    private final class Renewal {
        private final String channelId;
        private final String owner;
        private Instant renewed = Instant.now();

        Renewal(String channelId, String owner) {
            this.channelId = channelId;
            this.owner = owner;
        }

        void renew() {
            Instant now = Instant.now();
            if (!lease.acquire(channelId, owner, now, config.imap().leaseTtl())) {
                throw new LeaseLost();
            }
            renewed = now;
        }

        void renewIfDue() {
            if (Duration.between(renewed, Instant.now()).compareTo(config.imap().leaseTtl().dividedBy(3)) > 0) {
                renew();
            }
        }
    }

    /** Hands each message read to the sink as a raw {@code message/rfc822} request. */
    private final class ToSink implements MailboxReader.Handler {
        private final ChannelDefinition mailbox;
        private final ImapSettings settings;
        private final InboundSink sink;
        private final Renewal renewal;

        ToSink(ChannelDefinition mailbox, ImapSettings settings, InboundSink sink, Renewal renewal) {
            this.mailbox = mailbox;
            this.settings = settings;
            this.sink = sink;
            this.renewal = renewal;
        }

        @Override
        public void beforeMessage() {
            renewal.renewIfDue();
        }

        @Override
        public void message(long uid, byte[] raw, Runnable recordUid) {
            HookRequest request = new HookRequest("IMAP", "", Headers.of(Map.of("Content-Type",
                    List.of("message/rfc822"), "X-Imap-Uid", List.of(Long.toString(uid)))), null, raw,
                    "imap://" + settings.host() + "/" + settings.folder(), null, Instant.now());
            InboundSink.Taken taken = sink.take(mailbox, request, recordUid); // the UID commits with the message
            if (!taken.settled()) {
                throw new SinkUnavailable(); // the message stays for the next round
            }
            count(mailbox, switch (taken) {
                case UNPARSEABLE -> "unparseable";
                case KEPT_FOR_REPLAY -> "failed";
                case REJECTED -> "rejected";
                case CLASSIFIED -> "classified";
                default -> "taken";
            });
        }

        @Override
        public void tooLarge(long uid) {
            LOG.warnf("mailbox %s: message uid %d is larger than %d bytes and was left in the mailbox", mailbox.id(),
                    uid, config.hooks().maxEmailBodyBytes());
            count(mailbox, "too-large");
        }
    }

    private Duration idleSlice() {
        Duration slice = config.imap().idleSlice();
        Duration third = config.imap().leaseTtl().dividedBy(3);
        slice = slice.compareTo(third) > 0 ? third : slice;
        return slice.compareTo(MAX_IDLE_SLICE) > 0 ? MAX_IDLE_SLICE : slice;
    }

    private void count(ChannelDefinition mailbox, String result) {
        metrics.counter("leadgate.imap.messages", "channel", mailbox.id(), "result", result).increment();
    }

    private static String replicaName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "replica";
        }
        return host + "/" + java.util.UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private static Properties properties(ImapSettings s) {
        Properties p = new Properties();
        String prefix = "mail." + s.protocol() + ".";
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "60000");
        p.put(prefix + "writetimeout", "10000");
        return p;
    }
}
