package io.leadgate.channel.email.imap;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.testing.Conformance;
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
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            return Map.of("leadgate.channels.dir", "src/test/resources/channels-imap");
        }
    }

    /** GreenMail on 31143 and the proxy on 31144, started before the application. */
    public static class Mailbox implements QuarkusTestResourceLifecycleManager {
        static GreenMail server;
        static GreenMailUser user;
        static TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            server = new GreenMail(new ServerSetup(31143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            server.start();
            user = server.setUser("sales@example.com", "sales@example.com", "mailbox-secret");
            proxy = new TcpProxy(31143, 31144);
            try {
                proxy.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
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
        assertEquals(0L, poller.state("mailbox").backlog);
    }

    @Test
    void uidValidityChangeRescansWithoutDuplicates() throws Exception {
        deliver(mail("before-change"));
        poll();
        int before = inquiries().size();
        QuarkusTransaction.requiringNew().run(() -> {
            MailboxState state = MailboxState.findById("mailbox");
            state.uidValidity = state.uidValidity + 1; // the server renumbered the folder
        });
        deliver(mail("after-change"));
        poll();
        assertEquals(before + 1, inquiries().size(), "the rescan takes only the new mail");
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
    void readinessShowsTheMailbox() {
        poll();
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("Mailboxes") && health.contains("backlog 0"), health);
    }

    private void poll() {
        ChannelDefinition mailbox = poller.mailboxes().get(0);
        poller.poll(mailbox);
    }

    private static List<Map<String, Object>> inquiries() {
        return api().queryParam("channelId", "mailbox").queryParam("limit", 1000).get("/api/inquiries").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    private static byte[] mail(String who) {
        String id = who + "." + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        return ("From: " + who + " <" + who + "@client.example>\r\nTo: sales@example.com\r\nSubject: Quote for " + who
                + "\r\nMessage-ID: <" + id + ">\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease call me back.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void deliver(byte[] raw) throws Exception {
        Mailbox.user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }
}
