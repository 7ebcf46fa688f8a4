package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.intake.Intake;
import io.leadgate.intake.Outcome;
import io.leadgate.intake.Submission;
import io.leadgate.intake.StorageUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the {@code imap} channels' folders with Jakarta Mail (Angus), each mailbox on its own thread, and stays
 * connected in IMAP IDLE where the server offers it (interval polling otherwise), so new mail arrives within
 * seconds. A round takes every message after the last UID taken, oldest first, in UID windows of
 * {@code leadgate.imap.batch-size} messages (UID and size fetched per window; a 10 000-message backlog is never
 * loaded at once), and commits each through the write path before recording its UID; the folder is opened
 * read-only, so the mailbox itself is not changed. UIDVALIDITY and the last UID live in the database: a restart
 * neither skips nor repeats, and a UIDVALIDITY change rescans the folder, where Message-ID idempotency keeps what
 * was taken from coming back. A message that cannot be parsed is kept raw as unparseable (replayable) and never
 * blocks the mailbox. Network errors back off exponentially and reconnect. With several replicas, a
 * {@link MailboxLease} lets exactly one poll each mailbox; it is renewed while polling and idling.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final Duration MAX_IDLE_SLICE = Duration.ofSeconds(50); // below the 60 s socket read timeout
    private static final int MAX_EMPTY_WINDOW = 1 << 20;
    private static final long BODY_BYTES_PER_FETCH = 8L * 1024 * 1024;

    /**
     * The outcome of one poll.
     *
     * @param taken        messages handed to the write path
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

    private final ChannelRegistry registry;
    private final Intake intake;
    private final ImapAdapter adapter;
    private final LeadgateConfig config;
    private final MeterRegistry metrics;
    private final MailboxLease lease;
    private final String owner;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<Store> open = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService executor;
    private volatile ScheduledExecutorService wakers;
    private volatile boolean stopping;

    MailboxPoller(ChannelRegistry registry, Intake intake, ImapAdapter adapter, LeadgateConfig config,
                  MeterRegistry metrics, MailboxLease lease) {
        this.registry = registry;
        this.intake = intake;
        this.adapter = adapter;
        this.config = config;
        this.metrics = metrics;
        this.lease = lease;
        this.owner = replicaName();
    }

    /** The enabled IMAP channels. */
    public List<ChannelDefinition> mailboxes() {
        return registry.all().stream().filter(c -> c.enabled() && c.provider() == Provider.IMAP).toList();
    }

    /** This replica's name as a lease owner. */
    public String owner() {
        return owner;
    }

    void start(@Observes StartupEvent event) {
        List<ChannelDefinition> mailboxes = mailboxes();
        if (mailboxes.isEmpty()) {
            return;
        }
        executor = Executors.newScheduledThreadPool(mailboxes.size(), daemon("imap-poller"));
        wakers = Executors.newScheduledThreadPool(Math.max(1, mailboxes.size()), daemon("imap-idle-waker"));
        for (ChannelDefinition mailbox : mailboxes) {
            executor.schedule(() -> loop(mailbox), 1, TimeUnit.SECONDS);
        }
        LOG.infof("Polling %d mailbox(es) as %s", mailboxes.size(), owner);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
            wakers.shutdownNow();
        }
        for (Store store : open) { // ends a blocking IDLE
            try {
                store.close();
            } catch (MessagingException | RuntimeException ignored) {
                // already gone
            }
        }
        for (ChannelDefinition mailbox : mailboxes()) {
            try {
                lease.release(mailbox.id(), owner);
            } catch (RuntimeException e) {
                LOG.debugf("mailbox %s: lease not released (it expires by itself)", mailbox.id());
            }
        }
    }

    private void loop(ChannelDefinition mailbox) {
        ImapSettings settings = ImapSettings.of(mailbox);
        Duration next = settings.pollInterval();
        try {
            PollResult result = poll(mailbox, owner, settings.idle());
            if (!result.leased() && config.imap().leaseTtl().compareTo(next) < 0) {
                next = config.imap().leaseTtl(); // try again when the holder's lease would have expired
            }
        } catch (RuntimeException e) {
            int failures = state(mailbox.id()).failures;
            long factor = 1L << Math.min(failures, 10);
            Duration backoff = next.multipliedBy(factor);
            next = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        }
        ScheduledExecutorService ex = executor;
        if (ex != null && !ex.isShutdown()) {
            ex.schedule(() -> loop(mailbox), next.toMillis(), TimeUnit.MILLISECONDS);
        }
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
        ImapSettings settings = ImapSettings.of(mailbox);
        Duration ttl = config.imap().leaseTtl();
        if (!lease.acquire(mailbox.id(), owner, Instant.now(), ttl)) {
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
                Round round = new Round(mailbox, settings, folder, owner);
                round.run();
                boolean idle = stayIdle && folder instanceof IMAPFolder && MailboxIdle.supported(store);
                while (idle && !stopping && wakers != null) {
                    round.renewLease();
                    MailboxIdle.await((IMAPFolder) folder, idleSlice(), wakers);
                    round.run();
                }
                return new PollResult(round.taken, round.backlog, round.largestBatch, true);
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
        } catch (MessagingException | StorageUnavailableException | IllegalStateException e) {
            if (stopping) {
                return new PollResult(0, 0, 0, true);
            }
            LOG.warnf("mailbox %s: poll failed (%s), will back off", mailbox.id(), e.getClass().getSimpleName());
            recordFailure(mailbox.id(), e);
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

    private Duration idleSlice() {
        Duration slice = config.imap().idleSlice();
        Duration third = config.imap().leaseTtl().dividedBy(3);
        slice = slice.compareTo(third) > 0 ? third : slice;
        return slice.compareTo(MAX_IDLE_SLICE) > 0 ? MAX_IDLE_SLICE : slice;
    }

    /** One pass over the folder: every message after the last UID taken, in UID windows. */
    private final class Round {
        private final ChannelDefinition mailbox;
        private final ImapSettings settings;
        private final Folder folder;
        private final String owner;
        private Instant renewed = Instant.now();
        int taken;
        long backlog;
        int largestBatch;

        Round(ChannelDefinition mailbox, ImapSettings settings, Folder folder, String owner) {
            this.mailbox = mailbox;
            this.settings = settings;
            this.folder = folder;
            this.owner = owner;
        }

        void renewLease() {
            Instant now = Instant.now();
            if (!lease.acquire(mailbox.id(), owner, now, config.imap().leaseTtl())) {
                throw new LeaseLost();
            }
            renewed = now;
        }

        private void renewIfDue() {
            if (Duration.between(renewed, Instant.now()).compareTo(config.imap().leaseTtl().dividedBy(3)) > 0) {
                renewLease();
            }
        }

        void run() throws MessagingException {
            synchronized (locks.computeIfAbsent(mailbox.id(), id -> new Object())) {
                takeNew();
                recordSuccess(mailbox.id(), backlog);
            }
        }

        private void takeNew() throws MessagingException {
            MailboxState state = state(mailbox.id());
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long last = state.uidValidity != null && state.uidValidity == validity ? state.lastUid : 0;
            if (state.uidValidity != null && state.uidValidity != validity) {
                LOG.infof("mailbox %s: UIDVALIDITY changed, rescanning the folder", mailbox.id());
            }
            long uidNext = folder instanceof IMAPFolder imap ? imap.getUIDNext() : -1;
            int batch = Math.max(1, config.imap().batchSize());
            int window = batch;
            long from = last + 1;
            backlog = 0;
            saveProgress(mailbox.id(), validity, last, backlog);
            while (true) {
                boolean tail = uidNext <= 0 || from >= uidNext; // past what SELECT announced: whatever came since
                long to = tail ? UIDFolder.MAXUID : Math.min(from + window - 1, uidNext - 1);
                List<Message> found = new ArrayList<>();
                for (Message m : uids.getMessagesByUID(from, to)) {
                    if (m != null && uids.getUID(m) >= from) { // "n:*" also returns the highest UID below n
                        found.add(m);
                    }
                }
                if (found.isEmpty()) {
                    if (tail) {
                        return;
                    }
                    from = to + 1; // a gap of expunged UIDs: widen the window to cross it quickly
                    window = (int) Math.min((long) window * 2, MAX_EMPTY_WINDOW);
                    continue;
                }
                found.sort(Comparator.comparingLong(m -> uid(uids, m)));
                for (int i = 0; i < found.size(); i += batch) { // the tail may hold more than one window
                    List<Message> chunk = found.subList(i, Math.min(found.size(), i + batch));
                    largestBatch = Math.max(largestBatch, chunk.size());
                    FetchProfile profile = new FetchProfile();
                    profile.add(UIDFolder.FetchProfileItem.UID);
                    profile.add(FetchProfile.Item.SIZE);
                    folder.fetch(chunk.toArray(Message[]::new), profile);
                    int next = 0;
                    while (next < chunk.size()) { // bodies in groups of at most BODY_BYTES_PER_FETCH, one FETCH each
                        List<Message> group = new ArrayList<>();
                        long bytes = 0;
                        while (next < chunk.size()) {
                            Message m = chunk.get(next);
                            long size = wanted(m) ? Math.max(0, m.getSize()) : 0;
                            if (!group.isEmpty() && bytes + size > BODY_BYTES_PER_FETCH) {
                                break;
                            }
                            group.add(m);
                            bytes += size;
                            next++;
                        }
                        Map<Integer, byte[]> bodies = bodies(group);
                        for (Message message : group) {
                            renewIfDue();
                            long uid = uids.getUID(message);
                            take(mailbox, settings, message, uid, bodies.remove(message.getMessageNumber()));
                            taken++;
                            backlog = Math.max(0, folder.getMessageCount() - message.getMessageNumber());
                            saveProgress(mailbox.id(), validity, uid, backlog);
                        }
                    }
                }
                from = uids.getUID(found.get(found.size() - 1)) + 1;
                window = batch;
            }
        }
    }

    /** One message through the write path; only a storage outage stops the poll (the message stays for next time). */
    private void take(ChannelDefinition mailbox, ImapSettings settings, Message message, long uid, byte[] body)
            throws MessagingException {
        int size = message.getSize();
        if (size > config.hooks().maxEmailBodyBytes()) { // known from the fetched SIZE: not downloaded at all
            LOG.warnf("mailbox %s: message uid %d is larger than %d bytes and was left in the mailbox", mailbox.id(),
                    uid, config.hooks().maxEmailBodyBytes());
            count(mailbox, "too-large");
            return;
        }
        byte[] raw = body;
        if (raw == null) { // not in the group fetch (a server that skipped it): read it on its own
            try (ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 ? size + 256 : 8192)) {
                message.writeTo(out);
                raw = out.toByteArray();
            } catch (IOException e) {
                throw new MessagingException("message " + uid + " could not be read", e);
            }
        }
        if (raw.length > config.hooks().maxEmailBodyBytes()) {
            LOG.warnf("mailbox %s: message uid %d is larger than %d bytes and was left in the mailbox", mailbox.id(),
                    uid, config.hooks().maxEmailBodyBytes());
            count(mailbox, "too-large");
            return;
        }
        HookRequest request = new HookRequest("IMAP", "", Headers.of(Map.of("Content-Type", List.of("message/rfc822"),
                "X-Imap-Uid", List.of(Long.toString(uid)))), null, raw,
                "imap://" + settings.host() + "/" + settings.folder(), null, Instant.now());
        Outcome outcome = intake.submit(Submission.polled(mailbox, request));
        if (outcome instanceof Outcome.StorageDown) {
            throw new StorageUnavailableException(null);
        }
        count(mailbox, outcome instanceof Outcome.Unparseable ? "unparseable"
                : outcome instanceof Outcome.KeptForReplay ? "failed" : "taken");
    }

    private boolean wanted(Message m) throws MessagingException {
        return m.getSize() <= config.hooks().maxEmailBodyBytes();
    }

    /** The raw bodies of a group of messages in one FETCH, by message number; oversize ones are left out. */
    @SuppressWarnings("unchecked")
    private Map<Integer, byte[]> bodies(List<Message> group) throws MessagingException {
        List<Integer> numbers = new ArrayList<>();
        for (Message m : group) {
            if (wanted(m)) {
                numbers.add(m.getMessageNumber());
            }
        }
        if (numbers.isEmpty() || !(group.get(0).getFolder() instanceof IMAPFolder imap)) {
            return new HashMap<>();
        }
        int[] msns = numbers.stream().mapToInt(Integer::intValue).toArray();
        return (Map<Integer, byte[]>) imap.doCommand(protocol -> {
            Response[] responses = protocol.fetch(MessageSet.createMessageSets(msns), "BODY.PEEK[]");
            Map<Integer, byte[]> out = new HashMap<>();
            List<Response> others = new ArrayList<>();
            for (Response r : responses) {
                BODY body = r instanceof FetchResponse fetch ? fetch.getItem(BODY.class) : null;
                if (body != null && body.getByteArray() != null) {
                    out.put(((FetchResponse) r).getNumber(), body.getByteArray().getNewBytes());
                } else if (!(r instanceof FetchResponse)) {
                    others.add(r); // EXISTS, EXPUNGE and the tagged result: for the folder's own bookkeeping
                }
            }
            protocol.notifyResponseHandlers(others.toArray(Response[]::new));
            protocol.handleResult(responses[responses.length - 1]);
            return out;
        });
    }

    private void count(ChannelDefinition mailbox, String result) {
        metrics.counter("leadgate.imap.messages", "channel", mailbox.id(), "result", result).increment();
    }

    private static long uid(UIDFolder uids, Message m) {
        try {
            return uids.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static String replicaName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "replica";
        }
        return host + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static Properties properties(ImapSettings s) {
        Properties p = new Properties();
        String prefix = "mail." + s.protocol() + ".";
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "60000");
        p.put(prefix + "writetimeout", "10000");
        return p;
    }

    /** The mailbox's stored state (a fresh one when it was never polled). */
    public MailboxState state(String channelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MailboxState state = MailboxState.findById(channelId);
            if (state == null) {
                state = new MailboxState();
                state.channelId = channelId;
                state.updatedAt = Instant.now();
                state.persist();
            }
            return state;
        });
    }

    private void saveProgress(String channelId, long validity, long lastUid, long backlog) {
        QuarkusTransaction.requiringNew().run(() -> {
            MailboxState state = MailboxState.findById(channelId);
            state.uidValidity = validity;
            state.lastUid = lastUid;
            state.backlog = backlog;
            state.updatedAt = Instant.now();
        });
    }

    private void recordSuccess(String channelId, long backlog) {
        QuarkusTransaction.requiringNew().run(() -> {
            MailboxState state = MailboxState.findById(channelId);
            state.backlog = backlog;
            state.failures = 0;
            state.lastError = null;
            state.lastSuccessAt = Instant.now();
            state.updatedAt = state.lastSuccessAt;
        });
    }

    private void recordFailure(String channelId, Exception e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                MailboxState state = MailboxState.findById(channelId);
                state.failures++;
                state.lastError = e.getClass().getSimpleName();
                state.updatedAt = Instant.now();
            });
        } catch (RuntimeException storageDown) {
            LOG.debugf("mailbox %s: failure not recorded: %s", channelId, storageDown.getClass().getSimpleName());
        }
    }
}
