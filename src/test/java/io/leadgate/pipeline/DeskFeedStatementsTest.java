package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.StatementCount;
import io.leadgate.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.leadgate.pipeline.PipelineTesting.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk feed's reads of leads and writes of speed-to-lead rows do not grow with the number of new leads in a
 * batch: the leads are read in one query and their speed-to-lead rows written in one JDBC batch (one round trip,
 * counted once), not a read, a flush and an insert per lead, where each flush walks every entity loaded so far.
 */
@QuarkusTest
@TestProfile(StatementCount.Profile.class)
class DeskFeedStatementsTest {

    @Inject
    OutboxSequencer sequencer;
    @Inject
    DeskFeed feed;
    @Inject
    EntityManager em;

    @Test
    void aBatchOfNewLeadsIsReadAndRecordedInOneRoundTripEach() {
        sequencer.sequence();
        feed.run(); // whatever earlier tests left on the feed

        List<String> one = List.of(lead("form"));
        StatementCount.Tally single = read(one);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(lead("form"));
        }
        StatementCount.Tally batch = read(many);

        for (StatementCount.Tally tally : List.of(single, batch)) {
            assertEquals(1, tally.matching(sql -> sql.startsWith("select") && sql.contains(" from lead ")),
                    tally.summary());
            assertEquals(1, tally.matching(sql -> sql.contains("insert into lead_response")), tally.summary());
        }
        for (String id : many) {
            assertEquals(1, ((Number) em.createNativeQuery("select count(*) from lead_response where lead_id = ?1")
                    .setParameter(1, Long.parseLong(id)).getSingleResult()).intValue(), "lead " + id);
        }
    }

    /**
     * Leads past the speed-to-lead limit are announced in a fixed number of statements per pass of up to
     * {@link SpeedToLead#BREACH_BATCH} leads (the due rows, their leads, the marks, the events), not a read of the row
     * and of the lead and an insert per lead; a lead closed some other way is marked without an event.
     */
    @Test
    void leadsPastTheLimitAreAnnouncedWithStatementsPerPassNotPerLead() {
        sequencer.sequence();
        feed.run();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(lead("form"));
        }
        String closed = lead("form");
        sequencer.sequence();
        feed.run(); // their speed-to-lead rows
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update lead set status = 'CONVERTED' where id = ?1")
                .setParameter(1, Long.parseLong(closed)).executeUpdate());
        try {
            TestClock.advance(Duration.ofMinutes(16));
            StatementCount.Tally tally = StatementCount.on(feed::run).tally();

            long passes = tally.matching(sql -> sql.contains("from lead_response") && sql.contains("skip locked"));
            assertTrue(passes >= 1, tally.summary());
            assertTrue(tally.matching(sql -> sql.startsWith("update lead_response")) <= passes, tally.summary());
            assertTrue(tally.matching(sql -> sql.startsWith("select") && sql.contains(" from lead ")) <= passes,
                    tally.summary());
            assertTrue(tally.matching(sql -> sql.contains("insert into outbox_event")) <= passes, tally.summary());
            assertEquals(0, tally.matching(sql -> sql.contains("lead_response") && sql.contains("lead_id=?")),
                    "no read of a row by its lead: " + tally.summary());
        } finally {
            TestClock.reset();
        }
        for (String id : waiting) {
            assertEquals(1L, overdue(id), "lead " + id);
        }
        assertEquals(0L, overdue(closed));
        assertEquals(List.of(true, true), em.createNativeQuery("select breached, breach_emitted_at is not null"
                + " from lead_response where lead_id = ?1").setParameter(1, Long.parseLong(closed)).getResultList()
                .stream().flatMap(row -> java.util.Arrays.stream((Object[]) row)).toList(), "marked, not announced");
    }

    private long overdue(String leadId) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where type = ?1 and lead_id = ?2")
                .setParameter(1, EventTypes.LEAD_RESPONSE_OVERDUE).setParameter(2, Long.parseLong(leadId))
                .getSingleResult()).longValue();
    }

    /** The desk feed's pass over what {@code leads} put on the feed, counted. */
    private StatementCount.Tally read(List<String> leads) {
        sequencer.sequence();
        StatementCount.Counted<Integer> counted = StatementCount.on(feed::run);
        assertTrue(counted.value() >= 2 * leads.size(), "an inquiry and a lead event per lead: " + counted.value());
        return counted.tally();
    }
}
