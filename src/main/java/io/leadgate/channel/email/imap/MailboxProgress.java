package io.leadgate.channel.email.imap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Where each polled mailbox stands, in {@code mailbox_state}: UIDVALIDITY and the last UID taken (so a restart
 * neither skips nor repeats), the backlog, and how the last polls went. Each write is its own short transaction.
 */
@ApplicationScoped
public class MailboxProgress {

    private static final Logger LOG = Logger.getLogger(MailboxProgress.class);

    /**
     * The mailbox's stored state (a fresh one when it was never polled). The poller and a reader (the console, a test)
     * may ask for a new mailbox at the same moment: the row is made once, and neither of them fails for the other.
     */
    public MailboxState state(String channelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MailboxState state = MailboxState.findById(channelId);
            if (state != null) {
                return state;
            }
            MailboxState.getEntityManager().createNativeQuery("insert into mailbox_state (channel_id, last_uid, backlog, "
                            + "failures, updated_at) values (?1, 0, 0, 0, ?2) on conflict do nothing")
                    .setParameter(1, channelId).setParameter(2, Instant.now()).executeUpdate();
            return MailboxState.<MailboxState>findById(channelId);
        });
    }

    /**
     * Records the last UID taken under {@code validity} and the messages still waiting: one statement, in the current
     * transaction when there is one (the write path's, so the UID commits with the message it stands for), else in
     * its own.
     */
    void saveProgress(String channelId, long validity, long lastUid, long backlog) {
        QuarkusTransaction.joiningExisting().run(() -> MailboxState.getEntityManager().createNativeQuery(
                        "update mailbox_state set uid_validity = ?1, last_uid = ?2, backlog = ?3, updated_at = ?4 "
                                + "where channel_id = ?5")
                .setParameter(1, validity).setParameter(2, lastUid).setParameter(3, backlog)
                .setParameter(4, Instant.now()).setParameter(5, channelId)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedEntityClass(MailboxState.class)
                .executeUpdate());
    }

    /** A round went through: failures reset. */
    void recordSuccess(String channelId, long backlog) {
        QuarkusTransaction.requiringNew().run(() -> {
            MailboxState state = MailboxState.findById(channelId);
            state.backlog = backlog;
            state.failures = 0;
            state.lastError = null;
            state.lastSuccessAt = Instant.now();
            state.updatedAt = state.lastSuccessAt;
        });
    }

    /** A poll failed: one more consecutive failure, and its kind (never its message). */
    void recordFailure(String channelId, Exception e) {
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
