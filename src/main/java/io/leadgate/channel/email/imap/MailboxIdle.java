package io.leadgate.channel.email.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * IMAP IDLE (RFC 2177) with a bounded wait: {@link IMAPFolder#idle(boolean)} blocks until the server reports a
 * change, so a waker sends NOOP from another thread after the slice, which makes Angus end the IDLE (DONE).
 */
final class MailboxIdle {

    private MailboxIdle() {
    }

    /** True when the server offers IDLE. */
    static boolean supported(Store store) throws MessagingException {
        return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
    }

    /** Idles until the server reports a change or {@code slice} has passed. */
    static void await(IMAPFolder folder, Duration slice, ScheduledExecutorService wakers) throws MessagingException {
        ScheduledFuture<?> wake = wakers.schedule(() -> {
            try {
                folder.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the session ends by itself: the poll thread sees the failure
            }
        }, slice.toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            wake.cancel(false);
        }
    }
}
