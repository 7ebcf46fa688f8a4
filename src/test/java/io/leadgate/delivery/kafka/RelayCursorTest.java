package io.leadgate.delivery.kafka;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far the relay's cursor moves after a batch: to the end of its leading run of acknowledged rows. Pure. */
class RelayCursorTest {

    private static final List<OutboxRows.Pending> BATCH = List.of(row(11, 101, "a"), row(12, 102, "b"),
            row(13, 103, "a"), row(14, 105, "c")); // feed positions need not be consecutive (retention, another batch)

    @Test
    void everyRowAcknowledgedMovesItPastTheBatch() {
        assertEquals(OptionalLong.of(105), OutboxRows.sentThrough(BATCH, Set.of(11L, 12L, 13L, 14L)));
    }

    @Test
    void itStopsBeforeTheFirstRowNotAcknowledgedSoThatRowAndTheOnesAfterItAreSentAgain() {
        // b failed; a's second row and c were acknowledged but lie after it: they go out again (at least once)
        assertEquals(OptionalLong.of(101), OutboxRows.sentThrough(BATCH, Set.of(11L, 13L, 14L)));
    }

    @Test
    void nothingAcknowledgedAtTheHeadLeavesItWhereItWas() {
        assertEquals(OptionalLong.empty(), OutboxRows.sentThrough(BATCH, Set.of(12L, 13L, 14L)));
        assertEquals(OptionalLong.empty(), OutboxRows.sentThrough(BATCH, Set.of()));
        assertEquals(OptionalLong.empty(), OutboxRows.sentThrough(List.of(), Set.of(11L)));
    }

    private static OutboxRows.Pending row(long id, long position, String key) {
        return new OutboxRows.Pending(id, position, key, "{}");
    }
}
