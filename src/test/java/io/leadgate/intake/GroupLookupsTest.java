package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookOutcome.Result;
import io.leadgate.channel.HookRequest;
import io.leadgate.contact.ContactMerge;
import io.leadgate.contact.GroupLookups;
import io.leadgate.contact.MergeService;
import io.leadgate.testing.Api;
import io.leadgate.testing.StatementCount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web-form deliveries that share a transaction look their people up in one step ({@code contact.GroupLookups}), and
 * each resolution is what it would be one delivery at a time: with one writer slot, a first write holds the slot until
 * the deliveries are queued behind it, so they form one batch. Statements are counted on whichever thread writes the
 * batch, so the tallies of all the deliveries are added up.
 */
@QuarkusTest
@TestProfile(GroupCommitTest.OneWriter.class)
class GroupLookupsTest {

    private static final Predicate<String> IDENTITY_READ = sql -> sql.contains("from contact_identity where identity_value = any");
    private static final Predicate<String> KEY_READ = sql -> sql.contains("from contact_key where kind = ? and key_value = ?");
    private static final Predicate<String> GROUP_KEY_READ = sql -> sql.startsWith("select n, contact_id from (");

    @Inject
    GroupCommit groupCommit;
    @Inject
    Intake intake;
    @Inject
    ChannelRegistry registry;
    @Inject
    EntityManager em;
    @Inject
    MergeService merges;

    private ExecutorService pool;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aBatchOfNewPeopleIsLookedUpInOneStepAndEachGetsACardOfItsOwn() throws Exception {
        List<Map<String, String>> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(person());
        }
        List<StatementCount.Counted<Outcome>> batch = batch(people);
        Set<Long> cards = new HashSet<>();
        for (StatementCount.Counted<Outcome> written : batch) {
            HookOutcome.Item item = stored(written);
            assertEquals(Result.LEAD_CREATED, item.result());
            cards.add(item.contactId());
        }
        assertEquals(4, cards.size(), "four people, four cards");
        assertEquals(1, count(batch, IDENTITY_READ), summary(batch));
        assertEquals(1, count(batch, GROUP_KEY_READ), "about 13 keys a person: one read for the four; " + summary(batch));
        assertEquals(0, count(batch, KEY_READ.and(GROUP_KEY_READ.negate())), "no key read of one person's own");
        assertEquals(0, count(batch, sql -> sql.startsWith("rollback to savepoint")), summary(batch));
    }

    @Test
    void theSamePersonTwiceInABatchHasOneCardAndOneLead() throws Exception {
        Map<String, String> twice = person();
        List<StatementCount.Counted<Outcome>> batch = batch(List.of(twice, person(), with(twice, "message", "again")));
        HookOutcome.Item first = stored(batch.get(0));
        HookOutcome.Item again = stored(batch.get(2));
        assertEquals(Result.LEAD_CREATED, first.result());
        assertEquals(Result.LEAD_EXTENDED, again.result(), "the card written earlier in the batch is found");
        assertEquals(first.contactId(), again.contactId());
        assertEquals(first.leadId(), again.leadId());
        assertNotEquals(first.contactId(), stored(batch.get(1)).contactId());
        // found through the group's read and the first write's rows, not by a unique-key failure and a second attempt
        assertEquals(0, count(batch, sql -> sql.startsWith("rollback to savepoint")), summary(batch));
        assertEquals(1, count(batch, IDENTITY_READ), summary(batch));
    }

    @Test
    void aSlipOfAPhoneWrittenEarlierInTheBatchIsACandidate() throws Exception {
        String digits = Api.newMobileDigits();
        Map<String, String> irina = Map.of("name", "Ирина Соколова", "phone", "8 " + digits,
                "email", "irina." + digits + "@group.example", "message", "first");
        Map<String, String> slip = Map.of("name", "Irina Sokolova", "phone", "8 " + swap(digits),
                "email", "sokolova." + digits + "@group.example", "message", "second");
        List<StatementCount.Counted<Outcome>> batch = batch(List.of(irina, person(), slip));
        HookOutcome.Item first = stored(batch.get(0));
        HookOutcome.Item second = stored(batch.get(2));
        assertNotEquals(first.contactId(), second.contactId());
        String resolution = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select resolution from inquiry where id = ?1").setParameter(1, second.inquiryId()).getSingleResult());
        // the near keys the first write inserted were added to the group's read of them
        assertTrue(resolution.contains("\"contactId\":\"" + first.contactId() + "\"")
                && resolution.contains("phone-transposition"), resolution);
        assertEquals(1, count(batch, GROUP_KEY_READ), summary(batch));
    }

    @Test
    void aCardMergedAfterTheGroupsReadIsLookedUpAgain() throws Exception {
        ChannelDefinition form = registry.find("form").orElseThrow().definition();
        Map<String, String> sourcePerson = person();
        long target = stored(StatementCount.on(() -> intake.submit(Submission.hook(form, post(person()))))).contactId();
        long source = stored(StatementCount.on(() -> intake.submit(Submission.hook(form, post(sourcePerson)))))
                .contactId();
        // the first write of the batch waits until another transaction has merged the source card away: the group
        // read the source phone as the source card's before that
        Step merged = () -> pool.submit(() -> merges.merge(target, source, ContactMerge.Origin.API, null,
                Instant.now())).get(30, TimeUnit.SECONDS);
        List<StatementCount.Counted<Outcome>> batch = batch(List.of(with(sourcePerson, "message", "after the merge")),
                merged);
        HookOutcome.Item item = stored(batch.get(0));
        assertEquals(target, item.contactId(), "the merge's target, found by reading the database again");
        assertEquals(Result.LEAD_EXTENDED, item.result());
        assertEquals(2, count(batch, IDENTITY_READ), "the group's read, then the database once more: " + summary(batch));
    }

    /** The deliveries of {@code people}, queued behind a write that holds the only writer slot: one batch. */
    private List<StatementCount.Counted<Outcome>> batch(List<Map<String, String>> people) throws Exception {
        return batch(people, null);
    }

    /**
     * As {@link #batch(List)}, {@code first} (when not null) the batch's first write, before the deliveries; its
     * statements are counted after theirs, at the end of the list.
     */
    private List<StatementCount.Counted<Outcome>> batch(List<Map<String, String>> people, Step first)
            throws Exception {
        ChannelDefinition form = registry.find("form").orElseThrow().definition();
        CountDownLatch blocking = new CountDownLatch(1);
        Future<Long> blocker = pool.submit(() -> groupCommit.call(() -> {
            blocking.countDown();
            release.await(30, TimeUnit.SECONDS);
            return 0L;
        }));
        assertTrue(blocking.await(30, TimeUnit.SECONDS), "the blocker holds the writer slot");
        Future<StatementCount.Counted<Outcome>> before = null;
        if (first != null) { // a write that looks nothing up, as another delivery in the batch would
            before = pool.submit(() -> StatementCount.on(() -> groupCommit.<Outcome>call(() -> {
                first.run();
                return null;
            }, () -> GroupLookups.Probe.NONE)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (groupCommit.queued() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        int ahead = first == null ? 0 : 1;
        List<Future<StatementCount.Counted<Outcome>>> deliveries = new ArrayList<>();
        for (Map<String, String> person : people) {
            deliveries.add(pool.submit(() -> StatementCount.on(() -> intake.submit(Submission.hook(form, post(person))))));
            long queued = ahead + deliveries.size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (groupCommit.queued() < queued && System.nanoTime() < deadline) { // queued in this order
                Thread.onSpinWait();
            }
            assertEquals(queued, groupCommit.queued(), "the deliveries wait behind the blocker");
        }
        release.countDown();
        assertEquals(0L, blocker.get(30, TimeUnit.SECONDS));
        List<StatementCount.Counted<Outcome>> written = new ArrayList<>();
        for (Future<StatementCount.Counted<Outcome>> delivery : deliveries) {
            written.add(delivery.get(30, TimeUnit.SECONDS));
        }
        if (before != null) { // last, so that the deliveries keep their places; it may have written the batch
            written.add(before.get(30, TimeUnit.SECONDS));
        }
        return written;
    }

    /** A write's work that returns nothing. */
    private interface Step {
        void run() throws Exception;
    }

    private static HookOutcome.Item stored(StatementCount.Counted<Outcome> written) {
        Outcome.Stored stored = assertInstanceOf(Outcome.Stored.class, written.value());
        return stored.result().items().get(0);
    }

    private static long count(List<StatementCount.Counted<Outcome>> batch, Predicate<String> sql) {
        return batch.stream().mapToLong(written -> written.tally().matching(sql)).sum();
    }

    private static String summary(List<StatementCount.Counted<Outcome>> batch) {
        StringBuilder out = new StringBuilder();
        batch.forEach(written -> out.append(written.tally().summary()).append('\n'));
        return out.toString();
    }

    /** A name, phone and e-mail no other card shares: a surname spelled from a random number. */
    private static Map<String, String> person() {
        long n = ThreadLocalRandom.current().nextLong(1L << 40);
        StringBuilder surname = new StringBuilder("G");
        for (long v = n; v > 0; v /= 20) {
            surname.append("aeiouybdfghklmnprstvz".charAt((int) (v % 20)));
        }
        return Map.of("name", "Olga " + surname, "phone", "+7" + Api.newMobileDigits(),
                "email", "olga." + Long.toString(n, 36) + "@group.example", "message", "hello");
    }

    private static Map<String, String> with(Map<String, String> person, String field, String value) {
        Map<String, String> changed = new java.util.HashMap<>(person);
        changed.put(field, value);
        return changed;
    }

    /** Two neighbouring digits that differ, swapped: a typing slip. */
    private static String swap(String d) {
        for (int i = 3; i < d.length() - 1; i++) {
            if (d.charAt(i) != d.charAt(i + 1)) {
                return d.substring(0, i) + d.charAt(i + 1) + d.charAt(i) + d.substring(i + 2);
            }
        }
        return d.substring(0, 2) + d.charAt(2) + d.charAt(1) + d.substring(3);
    }

    private static HookRequest post(Map<String, String> person) {
        StringBuilder body = new StringBuilder("{");
        person.forEach((field, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(field)
                .append("\":\"").append(value).append('"'));
        body.append('}');
        return new HookRequest("POST", "", Headers.of(Map.of("Content-Type", List.of("application/json"))), null,
                body.toString().getBytes(StandardCharsets.UTF_8), "http://localhost/hooks/form", "127.0.0.1",
                Instant.now());
    }
}
