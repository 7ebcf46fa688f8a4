package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.InboundSink;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The one front door ({@link Intake#submit}) and its one failure policy, door by door: a hook, a polled mail message
 * (through {@link InboundSink#take}, as the IMAP poller hands it in) and a replay of a kept envelope meet the same
 * conditions and get the same sealed {@link Outcome}: a failed write is kept for replay (a replay that fails again
 * keeps its envelope, one attempt more), a transient database condition keeps nothing and says retry, a body that
 * cannot be read is kept as unparseable, a refused one keeps nothing, and written ones are stored, duplicate,
 * ignored or classified.
 */
@QuarkusTest
class FrontDoorTest {

    @Inject
    Intake intake;

    @Inject
    ReplayService replays;

    @Inject
    ChannelRegistry registry;

    @Inject
    DataSource dataSource;

    /** A polled mailbox as the poller sees it (the default test profile starts no poller of its own). */
    private final ChannelDefinition mailbox = new ChannelDefinition("frontdoor-imap", Provider.IMAP, true, "RU", "email",
            Map.of("host", "127.0.0.1", "username", "sales@example.com", "password", "unused"),
            Path.of("frontdoor-imap.yaml"));

    @AfterEach
    void dropTrigger() throws SQLException {
        sql("drop trigger if exists leadgate_test_frontdoor on contact");
    }

    @Test
    void aFailedWriteIsKeptForReplayWhicheverDoorItCameThrough() throws SQLException {
        String name = "Door Failure " + salt();
        failOnContact(name, "P0001");

        Outcome hooked = intake.submit(Submission.hook(form(), formPost(name, "+7" + Api.newMobileDigits())));
        long hookEnvelope = assertInstanceOf(Outcome.KeptForReplay.class, hooked).envelopeId();
        assertEquals(Envelope.Status.FAILED, envelope(hookEnvelope).status);

        Outcome polled = intake.submit(Submission.polled(mailbox, mail(name)));
        long mailEnvelope = assertInstanceOf(Outcome.KeptForReplay.class, polled).envelopeId();
        assertEquals(Envelope.Status.FAILED, envelope(mailEnvelope).status);
        assertEquals("frontdoor-imap", envelope(mailEnvelope).channelId);
        assertEquals(InboundSink.Taken.KEPT_FOR_REPLAY, intake.take(mailbox, mail(name)), "the poller's answer");

        Outcome replayed = replays.replay(hookEnvelope);
        assertEquals(hookEnvelope, assertInstanceOf(Outcome.KeptForReplay.class, replayed).envelopeId(),
                "a replay that fails again keeps its own envelope");
        Envelope again = envelope(hookEnvelope);
        assertEquals(Envelope.Status.FAILED, again.status);
        assertEquals(2, again.attempts);

        dropTrigger(); // the fix
        assertInstanceOf(Outcome.Stored.class, replays.replay(hookEnvelope));
        assertEquals(Envelope.Status.PROCESSED, envelope(hookEnvelope).status);
    }

    @Test
    void storageDownKeepsNothingWhicheverDoorItCameThrough() throws SQLException {
        String name = "Door Outage " + salt();
        failOnContact(name, "P0001");
        long parked = assertInstanceOf(Outcome.KeptForReplay.class,
                intake.submit(Submission.hook(form(), formPost(name, "+7" + Api.newMobileDigits())))).envelopeId();
        failOnContact(name, "57P01"); // now the database is going away
        long envelopes = envelopes();

        assertInstanceOf(Outcome.StorageDown.class,
                intake.submit(Submission.hook(form(), formPost(name, "+7" + Api.newMobileDigits()))));
        assertInstanceOf(Outcome.StorageDown.class, intake.submit(Submission.polled(mailbox, mail(name))));
        assertEquals(InboundSink.Taken.RETRY_LATER, intake.take(mailbox, mail(name)), "the poller offers it again later");
        assertInstanceOf(Outcome.StorageDown.class, replays.replay(parked));

        assertEquals(envelopes, envelopes(), "nothing kept: the sender retries");
        Envelope unchanged = envelope(parked);
        assertEquals(Envelope.Status.FAILED, unchanged.status, "a replayed envelope stays as it was");
        assertEquals(1, unchanged.attempts);
    }

    @Test
    void anUnreadableBodyIsKeptAndARefusedOneIsNot() {
        Outcome hooked = intake.submit(Submission.hook(form(), request("application/json", "{not json")));
        assertEquals(Envelope.Status.UNPARSEABLE,
                envelope(assertInstanceOf(Outcome.Unparseable.class, hooked).envelopeId()).status);
        Outcome polled = intake.submit(Submission.polled(mailbox, request("message/rfc822", "")));
        assertEquals(Envelope.Status.UNPARSEABLE,
                envelope(assertInstanceOf(Outcome.Unparseable.class, polled).envelopeId()).status);
        assertEquals(InboundSink.Taken.UNPARSEABLE, intake.take(mailbox, request("message/rfc822", "")));

        long envelopes = envelopes();
        Outcome badToken = intake.submit(Submission.hook(channel("form-token"), formPost("Bad Token", "+7" + Api.newMobileDigits())));
        Outcome.Rejected unverified = assertInstanceOf(Outcome.Rejected.class, badToken);
        assertEquals(401, unverified.status());
        assertFalse(unverified.verification().valid(), "verification failed, not an abuse rule");
        StringBuilder fields = new StringBuilder("{\"phone\":\"+7" + Api.newMobileDigits() + "\"");
        for (int i = 0; i < 12; i++) {
            fields.append(",\"f").append(i).append("\":\"x\"");
        }
        Outcome.Rejected abuse = assertInstanceOf(Outcome.Rejected.class, intake.submit(Submission.hook(
                channel("form-guarded"), request("application/json", fields.append('}').toString()))));
        assertEquals(413, abuse.status());
        assertEquals(Verification.VALID, abuse.verification());
        assertEquals(envelopes, envelopes(), "a refused submission keeps nothing");
    }

    @Test
    void writtenOutcomesAreTheSameWhicheverDoorItCameThrough() {
        HookRequest post = formPost("Door Written " + salt(), "+7" + Api.newMobileDigits());
        assertInstanceOf(Outcome.Stored.class, intake.submit(Submission.hook(form(), post)));
        assertInstanceOf(Outcome.Duplicate.class, intake.submit(Submission.hook(form(), post)));
        assertInstanceOf(Outcome.Ignored.class, intake.submit(Submission.hook(form(), request("application/json",
                "{\"phone\":\"+7" + Api.newMobileDigits() + "\",\"hp_website\":\"bot\"}"))));

        HookRequest message = mail("Door Mail " + salt());
        assertEquals(InboundSink.Taken.STORED, intake.take(mailbox, message));
        assertEquals(InboundSink.Taken.DUPLICATE, intake.take(mailbox, message));
        String autoReply = "From: Away <away." + salt() + "@client.example>\r\nTo: sales@example.com\r\n"
                + "Subject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + salt()
                + "@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBack Monday.\r\n";
        Outcome classified = intake.submit(Submission.polled(mailbox, request("message/rfc822", autoReply)));
        Outcome.Classified kept = assertInstanceOf(Outcome.Classified.class, classified);
        assertEquals(Reason.AUTO_REPLY, kept.reason());
        assertEquals(Envelope.Status.CLASSIFIED, envelope(kept.result().envelopeId()).status, "kept for review");
    }

    /**
     * A poller's bookkeeping ({@code settled}: the mailbox's last UID) runs inside the transaction that stores the
     * message, and commits with it or not at all: when it fails, the message is not stored either and the poller is
     * told to offer it again; when storage is down it does not run.
     */
    @Test
    void aPollersBookkeepingCommitsWithTheMessageOrNotAtAll() throws SQLException {
        java.util.concurrent.atomic.AtomicInteger inTransaction = new java.util.concurrent.atomic.AtomicInteger();
        Runnable settled = () -> {
            if (QuarkusTransaction.isActive()) {
                inTransaction.incrementAndGet();
            }
        };
        String id = salt();
        assertEquals(InboundSink.Taken.STORED, intake.take(mailbox, mail("Door Settled " + salt(), id), settled));
        assertEquals(1, inTransaction.get(), "run once, inside the transaction that stored the message");
        assertEquals(1, stored(id));
        assertEquals(InboundSink.Taken.DUPLICATE, intake.take(mailbox, mail("Door Settled " + salt(), id), settled));
        assertEquals(2, inTransaction.get(), "a duplicate is settled too");

        String failing = salt();
        InboundSink.Taken taken = intake.take(mailbox, mail("Door Unsettled " + salt(), failing), () -> {
            throw new IllegalStateException("bookkeeping failed");
        });
        assertEquals(InboundSink.Taken.RETRY_LATER, taken, "offered again later");
        assertEquals(0, stored(failing), "the message was not stored without its bookkeeping");
        assertEquals(0, kept(failing), "nor kept for replay");

        String name = "Door Down " + salt();
        failOnContact(name, "57P01");
        String down = salt();
        assertEquals(InboundSink.Taken.RETRY_LATER, intake.take(mailbox, mail(name, down), settled));
        assertEquals(2, inTransaction.get(), "not run when nothing was settled");
    }

    private static long stored(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> StoredInquiry.count("channelId = ?1 and externalId = ?2",
                "frontdoor-imap", messageId + "@client.example"));
    }

    private long kept(String messageId) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("select count(*) from envelope "
                + "where channel_id = 'frontdoor-imap' and position(? in convert_from(body, 'UTF8')) > 0")) {
            s.setString(1, messageId);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private ChannelDefinition form() {
        return channel("form");
    }

    private ChannelDefinition channel(String id) {
        return registry.find(id).orElseThrow().definition();
    }

    private static HookRequest formPost(String name, String phone) {
        return request("application/json", "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"message\":\"door\"}");
    }

    private static HookRequest mail(String name) {
        return mail(name, salt());
    }

    private static HookRequest mail(String name, String messageId) {
        String local = name.toLowerCase().replace(' ', '.');
        return request("message/rfc822", "From: " + name + " <" + local + "@client.example>\r\nTo: sales@example.com\r\n"
                + "Subject: Quote\r\nMessage-ID: <" + messageId + "@client.example>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease call me back.\r\n");
    }

    private static HookRequest request(String contentType, String body) {
        return new HookRequest("POST", "", Headers.of(Map.of("Content-Type", List.of(contentType))), null,
                body.getBytes(StandardCharsets.UTF_8), "http://localhost/hooks/x", "127.0.0.1", Instant.now());
    }

    private static String salt() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
    }

    private static Envelope envelope(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Envelope.<Envelope>findById(id));
    }

    private static long envelopes() {
        return QuarkusTransaction.requiringNew().call(() -> Envelope.count());
    }

    /** Inserting a contact of this name raises the given SQLSTATE (P0001: a plain failure; 57P01: admin shutdown). */
    private void failOnContact(String name, String state) throws SQLException {
        sql("create or replace function leadgate_test_frontdoor() returns trigger as $$ begin if new.name = '" + name
                + "' then raise exception 'simulated' using errcode = '" + state + "'; end if; return new; end $$ "
                + "language plpgsql");
        sql("drop trigger if exists leadgate_test_frontdoor on contact");
        sql("create trigger leadgate_test_frontdoor before insert on contact for each row "
                + "execute function leadgate_test_frontdoor()");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
