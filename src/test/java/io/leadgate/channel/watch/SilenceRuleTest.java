package io.leadgate.channel.watch;

import io.leadgate.channel.watch.SilenceRule.Assessment;
import io.leadgate.channel.watch.SilenceRule.Settings;
import io.leadgate.channel.watch.SilenceRule.Transition;
import io.leadgate.channel.watch.SilenceRule.Verdict;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule over simulated weeks of a weekday-daytime web form: three inquiries an hour, Monday–Friday 9:00–18:00. */
class SilenceRuleTest {

    private static final Settings SETTINGS = new Settings(4, 2, 0.001, 10, Duration.ofHours(1));
    /** Monday of the first simulated week (2031-03-03 is a Monday). */
    private static final LocalDate WEEK1 = LocalDate.of(2031, 3, 3);
    private static final LocalDate WEEK5 = WEEK1.plusWeeks(4);

    /** A weekday-daytime form's arrivals at :00, :20 and :40 of each working hour, minus the hours {@code down}. */
    private static TreeSet<Instant> arrivals(LocalDate from, LocalDate to, Predicate<LocalDateTime> down) {
        TreeSet<Instant> times = new TreeSet<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int hour = 9; hour < 18; hour++) {
                for (int minute = 0; minute < 60; minute += 20) {
                    LocalDateTime t = day.atTime(hour, minute);
                    if (!down.test(t)) {
                        times.add(t.toInstant(ZoneOffset.UTC));
                    }
                }
            }
        }
        return times;
    }

    private static Rhythm rhythm(TreeSet<Instant> arrivals, Map<Long, Integer> failures) {
        Map<Long, Integer> hours = new HashMap<>();
        arrivals.forEach(t -> hours.merge(Rhythm.hourOf(t), 1, Integer::sum));
        return new Rhythm(arrivals.isEmpty() ? null : Rhythm.hourOf(arrivals.first()), hours, failures);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private static Assessment assessAt(TreeSet<Instant> arrivals, Instant now) {
        TreeSet<Instant> seen = new TreeSet<>(arrivals.headSet(now, true));
        return SilenceRule.assess(rhythm(seen, Map.of()), seen.isEmpty() ? null : seen.last(), now, SETTINGS);
    }

    @Test
    void weekdayFormSilentTuesdayFromElevenIsSilentByThree() {
        LocalDate tuesday = WEEK5.plusDays(1);
        TreeSet<Instant> arrivals = arrivals(WEEK1, WEEK5.plusWeeks(1),
                t -> t.toLocalDate().equals(tuesday) && t.getHour() >= 11 && t.getHour() < 15);

        Assessment before15 = assessAt(arrivals, at(tuesday, 14, 55));

        assertEquals(Verdict.SILENT, before15.verdict());
        assertEquals(4, before15.weeks());
        assertEquals(at(tuesday, 10, 40), before15.windowStart());
        assertEquals(12.75, before15.expected(), 0.01); // 4 h 15 min × 3 an hour
        assertTrue(before15.probability() < 0.001);
    }

    @Test
    void quietEveryNightIsNoAlarmAtThreeInTheMorning() {
        TreeSet<Instant> arrivals = arrivals(WEEK1, WEEK5.plusWeeks(1), t -> false);

        Assessment tuesday3am = assessAt(arrivals, at(WEEK5.plusDays(1), 3, 0));
        Assessment mondayAfterWeekend = assessAt(arrivals, at(WEEK5, 9, 10));

        assertEquals(Verdict.USUAL, tuesday3am.verdict());
        assertEquals(1.0, tuesday3am.expected(), 1e-9); // only 17:40–18:00 of Monday's last working hour
        assertTrue(tuesday3am.probability() > 0.3);
        assertEquals(Verdict.USUAL, mondayAfterWeekend.verdict());
    }

    @Test
    void aWholeSimulatedWeekRaisesOnceAndRecoversOnce() {
        LocalDate tuesday = WEEK5.plusDays(1);
        TreeSet<Instant> arrivals = arrivals(WEEK1, WEEK5.plusWeeks(1),
                t -> t.toLocalDate().equals(tuesday) && t.getHour() >= 11 && t.getHour() < 15);
        Instant raisedAt = null;
        List<String> log = new ArrayList<>();
        Instant end = at(WEEK5.plusWeeks(1), 0, 0);
        for (Instant now = at(WEEK5, 0, 0); now.isBefore(end); now = now.plus(Duration.ofMinutes(5))) { // every 5 min
            Assessment a = assessAt(arrivals, now);
            Instant last = arrivals.floor(now);
            Transition step = SilenceRule.next(raisedAt, a, last);
            if (step == Transition.RAISE) {
                raisedAt = now;
                log.add("silent " + now);
            } else if (step == Transition.RECOVER) {
                raisedAt = null;
                log.add("recovered " + now);
            }
        }
        assertEquals(2, log.size(), log::toString);
        Instant raised = Instant.parse(log.get(0).substring("silent ".length()));
        Instant recovered = Instant.parse(log.get(1).substring("recovered ".length()));
        // λ passes ln 1000 ≈ 6.9 some 2 h 20 min after the last inquiry (10:40)
        assertTrue(!raised.isBefore(at(tuesday, 13, 0)) && !raised.isAfter(at(tuesday, 14, 0)), raised::toString);
        assertEquals(at(tuesday, 15, 0), recovered); // the first inquiry back ends the episode
    }

    @Test
    void neverAlarmsBeforeTheMinimumHistory() {
        TreeSet<Instant> arrivals = arrivals(WEEK1, WEEK1.plusWeeks(2), t -> false);

        TreeSet<Instant> silentTuesday = new TreeSet<>(arrivals.headSet(at(WEEK1.plusWeeks(1).plusDays(1), 9, 0)));
        Assessment learning = SilenceRule.assess(rhythm(silentTuesday, Map.of()), silentTuesday.last(),
                at(WEEK1.plusWeeks(1).plusDays(1), 17, 0), SETTINGS); // a silent working day in week 2

        assertEquals(Verdict.LEARNING, learning.verdict());
        assertEquals(1, learning.weeks());
    }

    @Test
    void aChannelThatNeverHadAnInquiryIsLearning() {
        Assessment a = SilenceRule.assess(new Rhythm(null, Map.of(), Map.of()), null, at(WEEK5, 12, 0), SETTINGS);

        assertEquals(Verdict.LEARNING, a.verdict());
    }

    @Test
    void verificationFailuresJumpingAboveTheRhythmAlarm() {
        TreeSet<Instant> arrivals = arrivals(WEEK1, WEEK5.plusWeeks(1), t -> false);
        Instant now = at(WEEK5.plusDays(2), 12, 30);
        Map<Long, Integer> failures = Map.of(Rhythm.hourOf(now), 9, Rhythm.hourOf(now) - 1, 6);

        Assessment a = SilenceRule.assess(rhythm(new TreeSet<>(arrivals.headSet(now, true)), failures),
                arrivals.floor(now), now, SETTINGS);

        assertEquals(Verdict.FAILING, a.verdict());
        assertEquals(15, a.observed());
        assertEquals(0.0, a.expected());
    }

    @Test
    void failuresAsUsualForAChannelBotsAlwaysProbe() {
        TreeSet<Instant> arrivals = arrivals(WEEK1, WEEK5.plusWeeks(1), t -> false);
        Instant now = at(WEEK5.plusDays(2), 12, 30);
        Map<Long, Integer> failures = new HashMap<>();
        for (long h = Rhythm.hourOf(at(WEEK1, 0, 0)); h <= Rhythm.hourOf(now); h++) {
            failures.put(h, 20);
        }
        failures.put(Rhythm.hourOf(now), 24);

        Assessment usual = SilenceRule.failures(rhythm(new TreeSet<>(arrivals.headSet(now, true)), failures), now,
                SETTINGS);
        failures.put(Rhythm.hourOf(now), 120);
        Assessment jump = SilenceRule.assess(rhythm(new TreeSet<>(arrivals.headSet(now, true)), failures),
                arrivals.floor(now), now, SETTINGS);

        assertEquals(Verdict.USUAL, usual.verdict());
        assertEquals(44, usual.observed()); // the hours the last hour touches: 20 + 24
        assertEquals(40.0, usual.expected());
        assertEquals(Verdict.FAILING, jump.verdict());
    }

    @Test
    void aFailingEpisodeEndsOnlyWithAnInquiryAfterIt() {
        Instant raised = at(WEEK5, 12, 0);
        Assessment usual = new Assessment(Verdict.USUAL, 4, raised, 0, 0, 1);

        assertEquals(Transition.NONE, SilenceRule.next(raised, usual, raised.minusSeconds(60)));
        assertEquals(Transition.RECOVER, SilenceRule.next(raised, usual, raised.plusSeconds(60)));
        Assessment silent = new Assessment(Verdict.SILENT, 4, raised, 9, 0, 0);
        assertEquals(Transition.NONE, SilenceRule.next(raised, silent, raised.plusSeconds(60)));
    }

    @Test
    void poissonTail() {
        assertEquals(0.0, SilenceRule.atLeast(0, 1));
        assertEquals(1.0, SilenceRule.atLeast(3, 0));
        assertEquals(1 - Math.exp(-1), SilenceRule.atLeast(1, 1), 1e-12);
        assertTrue(SilenceRule.atLeast(40, 120) < 1e-15);
        assertEquals(363.73937555556347, SilenceRule.logFactorial(100), 1e-9);
    }
}
