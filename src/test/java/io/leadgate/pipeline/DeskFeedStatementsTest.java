package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

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

    /** The desk feed's pass over what {@code leads} put on the feed, counted. */
    private StatementCount.Tally read(List<String> leads) {
        sequencer.sequence();
        StatementCount.Counted<Integer> counted = StatementCount.on(feed::run);
        assertTrue(counted.value() >= 2 * leads.size(), "an inquiry and a lead event per lead: " + counted.value());
        return counted.tally();
    }
}
