package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.testing.Api;
import io.leadgate.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write path's database round trips per inquiry, counted on the thread that writes (work after commit on other
 * threads, such as the outbox relay, is not counted): a new person, a returning one, and a redelivery, through the
 * one front door as a web-form hook does it. Deterministic, so the figures in docs/benchmarks.md can be checked on any
 * machine; the ceilings here keep them from creeping back. Identifier blocks ({@code nextval}, one per 50 rows) are
 * left out. A new person's figure is the fewest over several posts: a phone one slip from another test's card adds
 * the candidate reads of fuzzy matching.
 */
@QuarkusTest
@TestProfile(StatementCount.Profile.class)
class WritePathStatementsTest {

    @Inject
    Intake intake;

    @Inject
    ChannelRegistry registry;

    @Test
    void statementsPerInquiryForNewAndReturningPeopleAndRedeliveries() {
        ChannelDefinition form = registry.find("form").orElseThrow().definition();
        for (int i = 0; i < 5; i++) { // warm: the first writes of a fresh application load settings and pipelines
            intake.submit(Submission.hook(form, post(person(), "warm-up")));
        }
        List<StatementCount.Tally> created = new ArrayList<>();
        List<StatementCount.Tally> returned = new ArrayList<>();
        List<StatementCount.Tally> redelivered = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String[] person = person();
            created.add(count(Outcome.Stored.class, Submission.hook(form, post(person, "first"))));
            HookRequest again = post(person, "second");
            returned.add(count(Outcome.Stored.class, Submission.hook(form, again)));
            redelivered.add(count(Outcome.Duplicate.class, Submission.hook(form, again)));
        }
        StatementCount.Tally newPerson = fewest(created);
        StatementCount.Tally returning = fewest(returned);
        StatementCount.Tally redelivery = fewest(redelivered);
        System.out.println("write path, new person: " + newPerson.summary());
        System.out.println("write path, returning person: " + returning.summary());
        System.out.println("write path, redelivery: " + redelivery.summary());
        assertEquals(1, newPerson.commits(), "one transaction");
        assertEquals(1, returning.commits());
        assertEquals(1, redelivery.commits());
        assertTrue(statements(newPerson) <= 6, newPerson.summary());
        assertTrue(statements(returning) <= 8, returning.summary());
        assertTrue(statements(redelivery) <= 3, redelivery.summary());
        // a new card, its identities and keys go in one round trip; the envelope, lead, inquiry and events in another
        assertEquals(1, newPerson.matching(sql -> sql.startsWith("insert into contact (")
                && sql.contains("; insert into contact_identity (") && sql.contains("; insert into contact_key (")),
                newPerson.summary());
        // a new card's keys need no conflict check: no row can name a card id that was never committed
        assertEquals(1, newPerson.matching(sql -> sql.contains("; insert into contact_key (")
                && !sql.substring(sql.indexOf("; insert into contact_key (")).split("; ", 3)[1].contains("on conflict")),
                newPerson.summary());
        assertEquals(1, newPerson.matching(sql -> sql.startsWith("insert into envelope (")
                && sql.contains("; insert into lead (") && sql.contains("; insert into inquiry (")
                && sql.contains("; insert into outbox_event (")), newPerson.summary());
    }

    @Test
    void candidateCardsAreReadInOneStatement() {
        ChannelDefinition form = registry.find("form").orElseThrow().definition();
        String[] first = person();
        intake.submit(Submission.hook(form, post(first, "first")));
        String[] namesake = person(); // the same full name, another phone and e-mail: a candidate to score
        namesake[0] = first[0];
        StatementCount.Tally tally = count(Outcome.Stored.class, Submission.hook(form, post(namesake, "namesake")));
        // the card, its identities and its phone tails: one statement, and no other read of them by card id
        assertEquals(1, tally.matching(sql -> sql.contains("from contact where id = any")
                && sql.contains("from contact_identity where contact_id = any")
                && sql.contains("from contact_key where contact_id = any")), tally.summary());
        assertEquals(1, tally.matching(sql -> sql.contains("contact_id = any") || sql.contains("id = any")),
                tally.summary());
    }

    /**
     * Not an assertion: the writing thread's CPU time per new person over a few hundred posts after a warm-up, printed
     * for docs/benchmarks.md (CPU time, not wall time, so other work on the machine moves it less).
     */
    @Test
    void cpuTimePerNewPersonOnTheWritingThread() {
        ChannelDefinition form = registry.find("form").orElseThrow().definition();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 300; i++) {
            intake.submit(Submission.hook(form, post(person(), "warm-up")));
        }
        int posts = 300;
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < posts; i++) {
            assertInstanceOf(Outcome.Stored.class, intake.submit(Submission.hook(form, post(person(), "measured"))));
        }
        System.out.printf("write path, new person: %.2f ms CPU per inquiry on the writing thread (%d posts)%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / posts, posts);
    }

    private StatementCount.Tally count(Class<? extends Outcome> expected, Submission submission) {
        StatementCount.Counted<Outcome> counted = StatementCount.on(() -> intake.submit(submission));
        assertInstanceOf(expected, counted.value());
        return counted.tally();
    }

    private static StatementCount.Tally fewest(List<StatementCount.Tally> tallies) {
        return tallies.stream().min(Comparator.comparingLong(WritePathStatementsTest::statements)).orElseThrow();
    }

    private static long statements(StatementCount.Tally tally) {
        return tally.matching(sql -> !sql.contains("nextval("));
    }

    /** A name, phone and e-mail no other card shares: a surname spelled from a random number. */
    private static String[] person() {
        long n = ThreadLocalRandom.current().nextLong(1L << 40);
        StringBuilder surname = new StringBuilder("Q");
        for (long v = n; v > 0; v /= 20) {
            surname.append("aeiouybdfghklmnprstvz".charAt((int) (v % 20)));
        }
        return new String[] {"Vera " + surname, "+7" + Api.newMobileDigits(), "vera." + Long.toString(n, 36) + "@stmt.example"};
    }

    private static HookRequest post(String[] person, String message) {
        String body = "{\"name\":\"" + person[0] + "\",\"phone\":\"" + person[1] + "\",\"email\":\"" + person[2]
                + "\",\"message\":\"" + message + "\"}";
        return new HookRequest("POST", "", Headers.of(Map.of("Content-Type", List.of("application/json"))), null,
                body.getBytes(StandardCharsets.UTF_8), "http://localhost/hooks/form", "127.0.0.1", Instant.now());
    }
}
