package io.leadgate.channel.email.imap;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.intake.StoredInquiry;
import io.leadgate.testing.Conformance;
import io.leadgate.testing.StatementCount;
import io.leadgate.testing.TcpProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IMAP poller against a real in-process IMAP server (GreenMail), reached through a proxy the test can cut:
 * mail delivered before and during polling is taken exactly once, across restarts, a UIDVALIDITY change and a
 * connection dropped in the middle of a fetch.
 */
@QuarkusTest
@TestProfile(ImapPollerTest.Profile.class)
@QuarkusTestResource(value = ImapPollerTest.Mailbox.class, restrictToAnnotatedClass = true)
class ImapPollerTest {

    /** This test's own channels directory: one IMAP channel. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // GreenMail answers each FETCH in time quadratic in the folder size: large windows keep the 10 000 quick
            Map<String, String> config = new java.util.HashMap<>(StatementCount.PROFILE); // round trips counted
            config.put("leadgate.channels.dir", "src/test/resources/channels-imap");
            config.put("leadgate.imap.batch-size", "1000");
            return config;
        }
    }

    /** GreenMail on 31143 and the proxy on 31144, started before the application. */
    public static class Mailbox implements QuarkusTestResourceLifecycleManager {
        static GreenMail server;
        static GreenMailUser user;
        static GreenMailUser idleUser;
        static GreenMailUser bulkUser;
        static GreenMailUser freshUser;
        static TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            server = new GreenMail(new ServerSetup(31143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            server.start();
            user = server.setUser("sales@example.com", "sales@example.com", "mailbox-secret");
            idleUser = server.setUser("idle@example.com", "idle@example.com", "idle-secret");
            bulkUser = server.setUser("bulk@example.com", "bulk@example.com", "bulk-secret");
            freshUser = server.setUser("fresh@example.com", "fresh@example.com", "fresh-secret");
            GreenMailUser backfillUser = server.setUser("backfill@example.com", "backfill@example.com", "backfill-secret");
            try { // mail that waited in two mailboxes before the gateway first polled them
                for (String who : List.of("waiting-1", "waiting-2")) {
                    freshUser.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail(who))));
                    backfillUser.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail(who))));
                }
                server.setUser("recent@example.com", "recent@example.com", "recent-secret");
                appendDated("recent@example.com", "recent-secret", "month-old", Instant.now().minus(java.time.Duration.ofDays(30)));
                appendDated("recent@example.com", "recent-secret", "day-old", Instant.now().minus(java.time.Duration.ofDays(1)));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
            proxy = new TcpProxy(31143, 31144);
            try {
                proxy.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        /** IMAP APPEND with an internal date (Jakarta Mail sends the message's sent date as the APPEND date). */
        private static void appendDated(String user, String password, String who, Instant when)
                throws jakarta.mail.MessagingException {
            jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", 31143, user, password);
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_WRITE);
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail(who)));
                m.setSentDate(java.util.Date.from(when));
                m.saveChanges();
                inbox.appendMessages(new jakarta.mail.Message[] {m});
                inbox.close(false);
            } finally {
                store.close();
            }
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // closed
            }
            server.stop();
        }
    }

    @Inject
    MailboxPoller poller;

    @Inject
    MailboxLease lease;

    @Inject
    MailboxScheduler scheduler;

    @Inject
    MailboxProgress progress;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    io.leadgate.intake.IdempotencyPurge purge;

    @Test
    void mailBeforeAndDuringPollingIsTakenOnceAcrossRestarts() throws Exception {
        int before = inquiries().size();
        for (int i = 0; i < 3; i++) {
            deliver(mail("client" + i));
        }
        poll();
        deliver(mail("late-1"));
        deliver(mail("late-2"));
        poll();
        poll(); // a restart polls from the stored UID: nothing new
        assertEquals(before + 5, inquiries().size());
        deliver(Conformance.bytes("email/mikel-mail__basic_email.eml"));
        poll();
        List<Map<String, Object>> all = inquiries();
        assertEquals(before + 6, all.size());
        Map<String, Object> basic = all.get(all.size() - 1);
        assertEquals("6B7EC235-5B17-4CA8-B2B8-39290DEB43A3@test.lindsaar.net", basic.get("externalId"));
        assertEquals("Testing 123", basic.get("subject"));
        assertEquals(0L, progress.state("mailbox").backlog);
    }

    @Test
    void uidValidityChangeRescansWithoutDuplicates() throws Exception {
        deliver(mail("before-change"));
        String autoReplyId = "away." + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        deliver(("From: Away <away@client.example>\r\nTo: sales@example.com\r\nSubject: Out of office\r\n"
                + "Auto-Submitted: auto-replied\r\nMessage-ID: <" + autoReplyId + ">\r\n\r\nBack on Monday.\r\n")
                .getBytes(StandardCharsets.UTF_8));
        poll();
        int before = inquiries().size();
        assertEquals(1, classified(autoReplyId), "the auto-reply is kept for review");
        purge.purgeExpired(Instant.now().plus(java.time.Duration.ofDays(400))); // the key table forgot every key
        QuarkusTransaction.requiringNew().run(() -> {
            MailboxState state = MailboxState.findById("mailbox");
            state.uidValidity = state.uidValidity + 1; // the server renumbered the folder
        });
        deliver(mail("after-change"));
        poll();
        assertEquals(before + 1, inquiries().size(), "the rescan takes only the new mail");
        assertEquals(1, classified(autoReplyId), "and keeps no second copy of mail classified away");
    }

    @Test
    void aNewMailboxStartsFromNewMailUnlessABackfillIsAsked() throws Exception {
        awaitFirstPoll("mailbox-fresh");
        awaitFirstPoll("mailbox-backfill");
        assertEquals(0, inquiries("mailbox-fresh").size(), "mail that waited before the first poll is not taken");
        assertEquals(2, inquiries("mailbox-backfill").size(), "backfill: true takes the mail that was there");
        awaitFirstPoll("mailbox-recent");
        List<Map<String, Object>> recent = inquiries("mailbox-recent");
        assertEquals(1, recent.size(), "backfill-days: 7 takes the mail of the last 7 days");
        assertEquals("Quote for day-old", recent.get(0).get("subject"));
        Mailbox.freshUser.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail("fresh-new"))));
        poller.poll(mailbox("mailbox-fresh"));
        List<Map<String, Object>> fresh = inquiries("mailbox-fresh");
        assertEquals(1, fresh.size());
        assertEquals("Quote for fresh-new", fresh.get(0).get("subject"));
    }

    private static long classified(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> io.leadgate.intake.Envelope.count(
                "channelId = 'mailbox' and status = ?1 and dedupKey = ?2", io.leadgate.intake.Envelope.Status.CLASSIFIED,
                "classified:id:" + messageId));
    }

    @Test
    void connectionDroppedMidFetchLosesNothing() throws Exception {
        int before = inquiries().size();
        for (int i = 0; i < 40; i++) {
            deliver(mail("bulk-" + i));
        }
        Thread polling = new Thread(() -> {
            try {
                poll();
            } catch (RuntimeException expected) {
                // the cut ends this poll
            }
        });
        polling.start();
        Thread.sleep(ThreadLocalRandom.current().nextInt(20, 120));
        Mailbox.proxy.cut();
        polling.join(30_000);
        Mailbox.proxy.restore();
        poll();
        List<Map<String, Object>> all = inquiries();
        assertEquals(before + 40, all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(i -> i.get("externalId")).toList()).size(),
                "every message once");
    }

    @Test
    void storageDownStopsTheRoundAndTheSameMessageIsTakenLater() throws Exception {
        deliver(mail("before-outage"));
        poll();
        int before = inquiries().size();
        long lastUid = progress.state("mailbox").lastUid;
        sql("create or replace function leadgate_test_down() returns trigger as $$ begin "
                + "raise exception 'simulated shutdown' using errcode = '57P01'; end $$ language plpgsql");
        sql("create trigger leadgate_test_down before insert on contact for each row execute function leadgate_test_down()");
        try {
            deliver(mail("during-outage"));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, this::poll);
            assertEquals(lastUid, progress.state("mailbox").lastUid, "the message's UID is not recorded");
        } finally {
            sql("drop trigger if exists leadgate_test_down on contact");
        }
        poll();
        assertEquals(before + 1, inquiries().size(), "the same message is taken once storage is back");
        assertEquals(lastUid + 1, progress.state("mailbox").lastUid);
    }

    private void sql(String statement) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aPolledMailboxTakesNoHooks() {
        // ImapAdapter is an inbound, polling adapter and no webhook adapter: its channel has no hook URL at all
        given().contentType("message/rfc822").body(mail("hook-attempt")).post("/hooks/mailbox").then().statusCode(404);
        given().get("/hooks/mailbox").then().statusCode(404);
    }

    @Test
    void readinessShowsTheMailbox() {
        poll();
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("Mailboxes") && health.contains("backlog 0"), health);
    }

    @Test
    void onlyTheLeaseHolderPollsAndAnotherReplicaTakesOverAfterExpiry() throws Exception {
        ChannelDefinition mailbox = mailbox("mailbox");
        try {
            assertTrue(poller.poll(mailbox).leased(), "this replica holds the mailbox");
            deliver(mail("while-leased"));
            int before = inquiries().size();
            MailboxPoller.PollResult other = poller.poll(mailbox, "replica-b", false);
            assertFalse(other.leased(), "the second replica does not poll a leased mailbox");
            assertEquals(before, inquiries().size());
            QuarkusTransaction.requiringNew().run(() -> MailboxState.getEntityManager().createNativeQuery(
                            "update mailbox_lease set expires_at = ?1 where channel_id = 'mailbox'")
                    .setParameter(1, Instant.now().minusSeconds(1)).executeUpdate()); // the holder stopped renewing
            MailboxPoller.PollResult takeover = poller.poll(mailbox, "replica-b", false);
            assertTrue(takeover.leased());
            assertEquals(1, takeover.taken());
            assertEquals("replica-b", lease.holder("mailbox", Instant.now()));
            assertFalse(poller.poll(mailbox).leased(), "the first replica now waits for the lease");
            assertEquals(before + 1, inquiries().size());
        } finally {
            lease.release("mailbox", "replica-b");
        }
    }

    @Test
    void mailDeliveredDuringIdleArrivesPromptly() throws Exception {
        awaitFirstPoll("mailbox-idle"); // the background session is connected and idling now
        int before = inquiries("mailbox-idle").size();
        Mailbox.idleUser.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail("idle-client"))));
        // the channel polls by interval once an hour and idles at most 40 s at a time: only IDLE brings it this soon
        for (int i = 0; i < 100 && inquiries("mailbox-idle").size() == before; i++) {
            Thread.sleep(200);
        }
        assertEquals(before + 1, inquiries("mailbox-idle").size(), "the IDLE notification brought the mail in");
        assertEquals(poller.owner(), lease.holder("mailbox-idle", Instant.now()), "the idling replica holds the lease");
    }

    /**
     * The cause of a slow backlog would show here as statements that grow with a sender's earlier mail (a thread or
     * lead look-up over all of it): they do not. Each message is one transaction, its UID recorded in the commit that
     * stores it; identifier blocks ({@code nextval}, one per 50 rows) are left out of the comparison.
     */
    @Test
    void eachMessageOfOneSenderCostsTheSameStatementsHoweverManyCameBefore() throws Exception {
        String sender = "steady-" + ThreadLocalRandom.current().nextInt(1_000_000);
        deliver(mail(sender, "steady-first")); // the sender's card and lead
        poll();
        StatementCount.Tally empty = StatementCount.on(() -> poller.poll(mailbox("mailbox"))).tally(); // no new mail
        int messages = 20;
        StatementCount.Tally[] rounds = new StatementCount.Tally[3];
        for (int round = 0; round < rounds.length; round++) {
            for (int i = 0; i < messages; i++) {
                deliver(mail(sender, "steady-" + round + "-" + i));
            }
            StatementCount.Counted<MailboxPoller.PollResult> polled = StatementCount.on(() -> poller.poll(mailbox("mailbox")));
            assertEquals(messages, polled.value().taken());
            rounds[round] = polled.tally();
        }
        System.out.println("a poll with no new mail: " + empty.summary());
        System.out.println("20 messages from one sender, the 41st to 60th: " + rounds[2].summary());
        assertEquals(statements(rounds[0]), statements(rounds[2]),
                "the 41st to 60th message of a sender cost what the 1st to 20th did:\n" + rounds[0].summary()
                        + "\n" + rounds[2].summary());
        assertEquals(messages, rounds[2].commits() - empty.commits(), "one commit per message, its UID in it");
        assertEquals(0, rounds[2].rollbacks());
    }

    private static long statements(StatementCount.Tally tally) {
        return tally.matching(sql -> !sql.contains("nextval("));
    }

    @Test
    void thousandsOfWaitingMessagesAreStreamedInBatchesWithBoundedHeap() throws Exception {
        awaitFirstPoll("mailbox-bulk");
        int count = 4_000; // four windows of leadgate.imap.batch-size
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < count; i++) {
            Mailbox.bulkUser.deliver(new MimeMessage(session, new ByteArrayInputStream(mail("bulk-client", "bulk-" + i))));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        AtomicLong peak = new AtomicLong(baseline);
        AtomicReference<MailboxPoller.PollResult> result = new AtomicReference<>();
        Thread polling = new Thread(() -> result.set(poller.poll(mailbox("mailbox-bulk"))));
        polling.start();
        // a full collection every 5 s: each one stops the poller too, and late in the suite the heap is large
        while (polling.isAlive()) {
            polling.join(5000);
            peak.accumulateAndGet(usedAfterGc(memory), Math::max);
        }
        MailboxPoller.PollResult done = result.get();
        long stored = QuarkusTransaction.requiringNew().call(() -> StoredInquiry.count("channelId", "mailbox-bulk"));
        long growthMb = (peak.get() - baseline) / (1024 * 1024);
        System.out.printf("%d-message mailbox: taken=%d largestBatch=%d heap baseline=%d MB peak=%d MB growth=%d MB%n",
                count, done.taken(), done.largestBatch(), baseline / (1024 * 1024), peak.get() / (1024 * 1024), growthMb);
        assertEquals(count, done.taken());
        assertEquals(count, stored);
        assertEquals(1000, done.largestBatch(), "fetched in windows of leadgate.imap.batch-size, never all at once");
        assertEquals(0L, done.backlog());
        assertTrue(growthMb < 96, "heap after GC grew by " + growthMb + " MB while taking " + count + " messages");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void awaitFirstPoll(String channelId) throws InterruptedException {
        for (int i = 0; i < 150 && progress.state(channelId).lastSuccessAt == null; i++) {
            Thread.sleep(200);
        }
        assertTrue(progress.state(channelId).lastSuccessAt != null, "the background poller reached " + channelId);
    }

    private ChannelDefinition mailbox(String id) {
        return scheduler.mailboxes().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private void poll() {
        poller.poll(mailbox("mailbox"));
    }

    private static List<Map<String, Object>> inquiries() {
        return inquiries("mailbox");
    }

    private static List<Map<String, Object>> inquiries(String channelId) {
        return api().queryParam("channelId", channelId).queryParam("limit", 1000).get("/api/inquiries").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    private static byte[] mail(String who) {
        return mail(who, who);
    }

    private static byte[] mail(String who, String idPrefix) {
        String id = idPrefix + "." + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        return ("From: " + who + " <" + who + "@client.example>\r\nTo: sales@example.com\r\nSubject: Quote for " + who
                + "\r\nMessage-ID: <" + id + ">\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease call me back.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void deliver(byte[] raw) throws Exception {
        Mailbox.user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }
}
