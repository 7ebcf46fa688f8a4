package io.leadgate.channel.email.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
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
import java.util.Date;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an open folder's new messages: every message after the last UID taken, oldest first, in UID windows of
 * {@code batchSize} (UID and size fetched per window, bodies in groups of at most 8 MB, one FETCH each; a 10 000-message
 * backlog is never loaded at once). Each raw message goes to the {@link Handler}; its UID is recorded only after the
 * handler returned. A UIDVALIDITY change starts again from the first UID. Not thread-safe: one reader per round.
 */
final class MailboxReader {

    private static final Logger LOG = Logger.getLogger(MailboxReader.class);
    private static final int MAX_EMPTY_WINDOW = 1 << 20;
    private static final long BODY_BYTES_PER_FETCH = 8L * 1024 * 1024;

    /** Receives the messages read, in UID order. */
    interface Handler {
        /** Called before each message, e.g. to renew the mailbox lease. */
        void beforeMessage();

        /**
         * A message's raw bytes; throwing stops the round before its UID is recorded. {@code recordUid} records the
         * message's UID; the handler runs it in the transaction that stores the message (one commit for both), or
         * leaves it, and the reader records the UID after the handler returned.
         */
        void message(long uid, byte[] raw, Runnable recordUid) throws MessagingException;

        /** A message larger than {@code maxBytes}: left in the mailbox, not downloaded. */
        void tooLarge(long uid);
    }

    private final String channelId;
    private final Folder folder;
    private final int batchSize;
    private final long maxBytes;
    private final MailboxProgress progress;
    private final Handler handler;
    private final Duration backfill;
    int taken;
    long backlog;
    int largestBatch;

    /** @param backfill what a new mailbox takes at its first poll ({@link ImapSettings#backfill()}) */
    MailboxReader(String channelId, Folder folder, int batchSize, long maxBytes, MailboxProgress progress,
                  Handler handler, Duration backfill) {
        this.backfill = backfill;
        this.channelId = channelId;
        this.folder = folder;
        this.batchSize = Math.max(1, batchSize);
        this.maxBytes = maxBytes;
        this.progress = progress;
        this.handler = handler;
    }

    /** Takes every message after the last UID taken. */
    void readNew() throws MessagingException {
        MailboxState state = progress.state(channelId);
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long uidNext = folder instanceof IMAPFolder imap ? imap.getUIDNext() : -1;
        long last;
        if (state.uidValidity == null) { // a new mailbox: from new mail on, unless a backfill was asked for
            last = start(uids, uidNext);
            LOG.infof("mailbox %s: first poll, taking mail after UID %d (%s)", channelId, last,
                    backfill == null ? "new mail only" : backfill.isZero() ? "backfill: all" : "backfill: " + backfill.toDays() + " days");
        } else if (state.uidValidity == validity) {
            last = state.lastUid;
        } else { // the server renumbered the folder: read it again, Message-ID deduplication keeps it at once per mail
            LOG.infof("mailbox %s: UIDVALIDITY changed, rescanning the folder", channelId);
            last = 0;
        }
        int window = batchSize;
        long from = last + 1;
        backlog = 0;
        progress.saveProgress(channelId, validity, last, backlog);
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
            for (int i = 0; i < found.size(); i += batchSize) { // the tail may hold more than one window
                readWindow(uids, validity, found.subList(i, Math.min(found.size(), i + batchSize)));
            }
            from = uids.getUID(found.get(found.size() - 1)) + 1;
            window = batchSize;
        }
    }

    /**
     * The UID a new mailbox's first poll starts after: everything ({@code backfill} zero: 0); the mail that arrived
     * within the backfill (the lowest UID an IMAP SEARCH SINCE finds, less one); or else the newest UID there is now
     * (UIDNEXT − 1), so only mail arriving from now on is taken.
     */
    private long start(UIDFolder uids, long uidNext) throws MessagingException {
        if (backfill != null && backfill.isZero()) {
            return 0;
        }
        if (backfill != null) {
            Date since = Date.from(Instant.now().minus(backfill));
            long lowest = Long.MAX_VALUE;
            for (Message m : folder.search(new ReceivedDateTerm(ComparisonTerm.GE, since))) {
                lowest = Math.min(lowest, uids.getUID(m));
            }
            if (lowest != Long.MAX_VALUE) {
                return lowest - 1;
            }
        }
        if (uidNext > 0) {
            return uidNext - 1;
        }
        int count = folder.getMessageCount();
        return count == 0 ? 0 : uids.getUID(folder.getMessage(count));
    }

    private void readWindow(UIDFolder uids, long validity, List<Message> chunk) throws MessagingException {
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
                handler.beforeMessage();
                long uid = uids.getUID(message);
                long waiting = Math.max(0, folder.getMessageCount() - message.getMessageNumber());
                UidRecord record = new UidRecord(validity, uid, waiting);
                deliver(message, uid, bodies.remove(message.getMessageNumber()), record);
                if (!record.done) { // too large, or a handler that kept no transaction for it
                    record.run();
                }
                taken++;
                backlog = waiting;
            }
        }
    }

    /** Records one message's UID and the backlog behind it; remembers that it ran. */
    private final class UidRecord implements Runnable {
        private final long validity;
        private final long uid;
        private final long waiting;
        private boolean done;

        UidRecord(long validity, long uid, long waiting) {
            this.validity = validity;
            this.uid = uid;
            this.waiting = waiting;
        }

        @Override
        public void run() {
            progress.saveProgress(channelId, validity, uid, waiting);
            done = true;
        }
    }

    private void deliver(Message message, long uid, byte[] body, Runnable recordUid) throws MessagingException {
        int size = message.getSize();
        if (size > maxBytes) { // known from the fetched SIZE: not downloaded at all
            handler.tooLarge(uid);
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
        if (raw.length > maxBytes) {
            handler.tooLarge(uid);
            return;
        }
        handler.message(uid, raw, recordUid);
    }

    private boolean wanted(Message m) throws MessagingException {
        return m.getSize() <= maxBytes;
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

    private static long uid(UIDFolder uids, Message m) {
        try {
            return uids.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
