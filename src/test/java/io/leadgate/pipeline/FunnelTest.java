package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FunnelTest {

    private static final ZoneId UTC = java.time.ZoneOffset.UTC;

    private static final List<Funnel.StageInfo> STAGES = List.of(
            new Funnel.StageInfo(1, "New", Semantics.IN_PROGRESS),
            new Funnel.StageInfo(2, "Qualified", Semantics.IN_PROGRESS),
            new Funnel.StageInfo(3, "Proposal", Semantics.IN_PROGRESS),
            new Funnel.StageInfo(4, "Won", Semantics.WON),
            new Funnel.StageInfo(5, "Lost", Semantics.LOST));
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** A deal's path: stage ids entered one hour apart, the last one still current; a loss reason for lost stages. */
    private static List<Funnel.Entry> path(long deal, String lossReason, long... stages) {
        List<Funnel.Entry> entries = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            Instant at = T0.plusSeconds(3600L * i);
            Instant left = i + 1 < stages.length ? at.plusSeconds(3600) : null;
            entries.add(new Funnel.Entry(deal, stages[i], at, left, stages[i] == 5 ? lossReason : null));
        }
        return entries;
    }

    private static long[] counts(Funnel.Report r) {
        return r.stages().stream().mapToLong(Funnel.StageRow::count).toArray();
    }

    @Test
    void countsDealsThatReachedEachStageAndTheirShareOfTheFirst() {
        List<Funnel.Entry> entries = new ArrayList<>();
        entries.addAll(path(1, null, 1, 2, 3, 4));
        entries.addAll(path(2, "price", 1, 2, 5));
        entries.addAll(path(3, null, 1));
        entries.addAll(path(4, null, 1, 2, 3));
        Funnel.Report r = Funnel.compute(STAGES, entries);
        assertEquals(List.of(4L, 3L, 2L, 1L, 1L), List.of(counts(r)[0], counts(r)[1], counts(r)[2], counts(r)[3], counts(r)[4]));
        assertEquals(List.of(1.0, 0.75, 0.5, 0.25, 0.25), r.stages().stream().map(Funnel.StageRow::conversion).toList());
        assertEquals(1.0, r.stages().get(0).stepConversion());
        assertEquals(0.75, r.stages().get(1).stepConversion());
        assertEquals(0.6667, r.stages().get(2).stepConversion());
        assertEquals(0.5, r.stages().get(3).stepConversion());
        assertNull(r.stages().get(4).stepConversion(), "a lost stage is no step of the funnel");
        assertEquals(Map.of("price", 1L), r.lost());
        assertEquals(4, r.deals());
        assertEquals(1, r.won());
        assertEquals(0.25, r.conversion());
    }

    @Test
    void skippedStagesCountAsPassed() {
        Funnel.Report r = Funnel.compute(STAGES, path(1, null, 1, 4));
        assertEquals(List.of(1L, 1L, 1L, 1L, 0L), java.util.Arrays.stream(counts(r)).boxed().toList());
    }

    @Test
    void dealEnteringMidwayCountsFromWhereItEntered() {
        Funnel.Report r = Funnel.compute(STAGES, path(1, null, 3));
        assertEquals(List.of(0L, 0L, 1L, 0L, 0L), java.util.Arrays.stream(counts(r)).boxed().toList());
        assertEquals(0.0, r.stages().get(2).conversion(), "no share of an empty first stage");
    }

    @Test
    void dealMovedBackCountsOncePerStage() {
        Funnel.Report r = Funnel.compute(STAGES, path(1, null, 1, 2, 3, 2, 3));
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), java.util.Arrays.stream(counts(r)).boxed().toList());
    }

    @Test
    void lostDealsCountOnceUnderTheirLastReason() {
        List<Funnel.Entry> entries = new ArrayList<>();
        entries.addAll(path(1, "price", 1, 5));
        entries.add(new Funnel.Entry(1, 1, T0.plusSeconds(7200), T0.plusSeconds(9000), null));
        entries.add(new Funnel.Entry(1, 5, T0.plusSeconds(9000), null, "competitor"));
        entries.addAll(path(2, null, 1, 5));
        Funnel.Report r = Funnel.compute(STAGES, entries);
        assertEquals(Map.of("competitor", 1L, Funnel.UNSPECIFIED, 1L), r.lost());
        assertEquals(2, r.stages().get(4).count());
    }

    @Test
    void medianTimeInStageOverTheStaysThatEnded() {
        List<Funnel.Entry> entries = List.of(
                new Funnel.Entry(1, 1, T0, T0.plusSeconds(60), null),
                new Funnel.Entry(2, 1, T0, T0.plusSeconds(180), null),
                new Funnel.Entry(3, 1, T0, T0.plusSeconds(600), null),
                new Funnel.Entry(4, 1, T0, null, null),
                new Funnel.Entry(1, 2, T0.plusSeconds(60), T0.plusSeconds(160), null),
                new Funnel.Entry(2, 2, T0.plusSeconds(180), T0.plusSeconds(480), null));
        Funnel.Report r = Funnel.compute(STAGES, entries);
        assertEquals(180L, r.stages().get(0).medianSecondsInStage());
        assertEquals(200L, r.stages().get(1).medianSecondsInStage());
        assertNull(r.stages().get(2).medianSecondsInStage());
    }

    @Test
    void entriesOfDeletedStagesAreIgnored() {
        Funnel.Report r = Funnel.compute(STAGES, List.of(new Funnel.Entry(1, 99, T0, null, null)));
        assertEquals(0, r.deals());
        assertEquals(0L, r.stages().get(0).count());
    }

    @Test
    void periodBoundsReadDatesInstantsAndLocalTimesAsUtc() {
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), AnalyticsPeriod.instant("from", "2025-03-01", false, UTC));
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), AnalyticsPeriod.instant("to", "2025-03-01", true, UTC),
                "a to date includes its day");
        assertEquals(Instant.parse("2025-03-01T09:00:00Z"),
                AnalyticsPeriod.instant("from", "2025-03-01T12:00:00+03:00", false, UTC));
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"),
                AnalyticsPeriod.instant("from", "2025-03-01T12:00:00Z", false, UTC));
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"),
                AnalyticsPeriod.instant("from", "2025-03-01T12:00:00", false, UTC));
        assertEquals(Instant.EPOCH, AnalyticsPeriod.instant("from", null, false, UTC));
        assertEquals("to must be a date (2025-01-31) or an instant (2025-01-31T12:00:00Z)",
                org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
                        () -> AnalyticsPeriod.instant("to", "tomorrow", true, UTC)).getMessage());
    }
}
