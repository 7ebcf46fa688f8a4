package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.intake.Envelope;
import io.leadgate.intake.IntakeService;
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
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the {@code imap} channels' folders with Jakarta Mail, each mailbox on its own thread. A poll takes every
 * message after the last UID taken, oldest first, streaming one message at a time (a 10 000-message backlog is never
 * loaded at once), and commits each through the write path before recording its UID; the folder is opened
 * read-only, so the mailbox itself is not changed. UIDVALIDITY and the last UID live in the database: a restart
 * neither skips nor repeats, and a UIDVALIDITY change rescans the folder, where Message-ID idempotency keeps what
 * was taken from coming back. A message that cannot be parsed is kept raw as unparseable (replayable) and never
 * blocks the mailbox. Network errors back off exponentially and reconnect.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    /** The outcome of one poll. */
    public record PollResult(int taken, long backlog) {
    }

    private final ChannelRegistry registry;
    private final IntakeService intake;
    private final ImapAdapter adapter;
    private final LeadgateConfig config;
    private final MeterRegistry metrics;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    MailboxPoller(ChannelRegistry registry, IntakeService intake, ImapAdapter adapter, LeadgateConfig config,
                  MeterRegistry metrics) {
        this.registry = registry;
        this.intake = intake;
        this.adapter = adapter;
        this.config = config;
        this.metrics = metrics;
    }

    /** The enabled IMAP channels. */
    public List<ChannelDefinition> mailboxes() {
        return registry.all().stream().filter(c -> c.enabled() && c.provider() == Provider.IMAP).toList();
    }

    void start(@Observes StartupEvent event) {
        List<ChannelDefinition> mailboxes = mailboxes();
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
        LOG.infof("Polling %d mailbox(es)", mailboxes.size());
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void loop(ChannelDefinition mailbox) {
        Duration next = ImapSettings.of(mailbox).pollInterval();
        try {
            poll(mailbox);
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

    /** Polls one mailbox now. Serialised per mailbox with the background loop. */
    public PollResult poll(ChannelDefinition mailbox) {
        synchronized (locks.computeIfAbsent(mailbox.id(), id -> new Object())) {
            try {
                PollResult result = pollLocked(mailbox);
                recordSuccess(mailbox.id(), result.backlog());
                return result;
            } catch (MessagingException | StorageUnavailableException e) {
                LOG.warnf("mailbox %s: poll failed (%s), will back off", mailbox.id(), e.getClass().getSimpleName());
                recordFailure(mailbox.id(), e);
                throw new IllegalStateException("poll of mailbox " + mailbox.id() + " failed", e);
            }
        }
    }

    private PollResult pollLocked(ChannelDefinition mailbox) throws MessagingException {
        ImapSettings settings = ImapSettings.of(mailbox);
        MailboxState state = state(mailbox.id());
        Store store = Session.getInstance(properties(settings)).getStore(settings.protocol());
        try {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                long last = state.uidValidity != null && state.uidValidity == validity ? state.lastUid : 0;
                if (state.uidValidity != null && state.uidValidity != validity) {
                    LOG.infof("mailbox %s: UIDVALIDITY changed, rescanning the folder", mailbox.id());
                }
                Message[] candidates = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(candidates, profile);
                List<Message> pending = new ArrayList<>();
                for (Message m : candidates) {
                    if (uids.getUID(m) > last) { // UID ranges end at the highest existing UID: "n:*" may return it
                        pending.add(m);
                    }
                }
                pending.sort(Comparator.comparingLong(m -> uid(uids, m)));
                saveProgress(mailbox.id(), validity, last, pending.size());
                int taken = 0;
                for (Message message : pending) {
                    long uid = uids.getUID(message);
                    take(mailbox, settings, message, uid);
                    taken++;
                    saveProgress(mailbox.id(), validity, uid, pending.size() - taken);
                }
                return new PollResult(taken, 0);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } finally {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // the connection is gone already
            }
        }
    }

    /** One message through the write path; only a storage outage stops the poll (the message stays for next time). */
    private void take(ChannelDefinition mailbox, ImapSettings settings, Message message, long uid)
            throws MessagingException {
        byte[] raw;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(8192)) {
            message.writeTo(out);
            raw = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("message " + uid + " could not be read", e);
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
        List<Inquiry> items;
        try {
            items = adapter.parse(request, mailbox);
        } catch (UnparseableException | RuntimeException e) {
            intake.keepFailed(mailbox, request, Envelope.Status.UNPARSEABLE,
                    e instanceof UnparseableException ? e : new UnparseableException(e.getClass().getSimpleName(), e));
            count(mailbox, "unparseable");
            return;
        }
        try {
            intake.accept(mailbox, request, items);
            count(mailbox, "taken");
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            intake.keepFailed(mailbox, request, Envelope.Status.FAILED, e);
            count(mailbox, "failed");
        }
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
