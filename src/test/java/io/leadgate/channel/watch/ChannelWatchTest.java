package io.leadgate.channel.watch;

import io.leadgate.channel.watch.ChannelWatch.Change;
import io.leadgate.channel.watch.SilenceRule.Transition;
import io.leadgate.intake.StoredInquiry;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watch through the real database at simulated times (the background checks are off in tests): a weekday form
 * with four weeks of rhythm goes silent on a Tuesday and comes back, and a channel's verification failures jump.
 * Each episode is one event in {@code /api/events}, the gauge and the readiness detail follow it.
 */
@QuarkusTest
class ChannelWatchTest {

    /** A Tuesday in the future, so no other test's inquiry falls into the simulated weeks. */
    private static final LocalDate TUESDAY = LocalDate.of(2031, 3, 11);
    private static final String FORM = "form-xff";

    @Inject
    ChannelWatch watch;

    @Inject
    FailureTally tally;

    @Inject
    EntityManager em;

    @Test
    void aWeekdayFormSilentOnTuesdayRaisesOnceAndRecoversOnce() {
        Instant t11 = TUESDAY.atTime(11, 0).toInstant(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update channel_watch_cursor set rolled_up_to = ?1 where id = 1")
                    .setParameter(1, t11.minus(Duration.ofMinutes(30))).executeUpdate();
            em.createNativeQuery("delete from channel_hour where channel_id = ?1").setParameter(1, FORM)
                    .executeUpdate();
            for (LocalDate day = TUESDAY.minusWeeks(4).minusDays(1); day.isBefore(TUESDAY); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int hour = 9; hour < 18; hour++) { // three inquiries an hour, Monday–Friday 9:00–18:00
                    em.createNativeQuery("insert into channel_hour (channel_id, hour_start, inquiries)"
                                    + " values (?1, ?2, 3)")
                            .setParameter(1, FORM).setParameter(2, day.atTime(hour, 0).toInstant(ZoneOffset.UTC))
                            .executeUpdate();
                }
            }
        });
        inquiry(FORM, t11.minus(Duration.ofMinutes(20))); // 10:40, then nothing

        assertEquals(List.of(), changesOf(FORM, watch.check(t11.plus(Duration.ofMinutes(5)))));
        assertEquals(List.of(new Change(FORM, Transition.RAISE, ChannelWatch.NO_INQUIRIES)),
                changesOf(FORM, checkedTwiceAtOnce(t11.plus(Duration.ofHours(3))))); // as two replicas would
        assertEquals(List.of(), changesOf(FORM, watch.check(t11.plus(Duration.ofHours(3)).plusSeconds(300))));
        assertEquals(1.0, gauge(FORM));
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("\"silent " + FORM + "\""), health);
        assertTrue(health.contains("Channel silence"), health);
        String inbox = consoleInbox();
        assertTrue(inbox.contains("id=\"silent-channels\"") && inbox.contains(">" + FORM + "</span>"), inbox);

        inquiry(FORM, t11.plus(Duration.ofHours(4)).plusSeconds(30)); // the form works again at 15:00
        assertEquals(List.of(new Change(FORM, Transition.RECOVER, ChannelWatch.NO_INQUIRIES)),
                changesOf(FORM, watch.check(t11.plus(Duration.ofHours(4)).plusSeconds(300))));
        assertEquals(List.of(), changesOf(FORM, watch.check(t11.plus(Duration.ofHours(4)).plusSeconds(600))));
        assertEquals(0.0, gauge(FORM));
        assertFalse(given().get("/q/health/ready").then().statusCode(200).extract().asString()
                .contains("\"silent " + FORM + "\""));
        // other channels of the suite may be in an episode of their own (their verification failures): only this
        // channel's entry must be gone from the banner
        assertFalse(consoleInbox().contains("badge-warn\">" + FORM + "</span>"));

        eventually(() -> {
            List<Map<String, Object>> events = channelEvents(FORM);
            assertEquals(List.of("leadgate.channel.silent", "leadgate.channel.recovered"),
                    events.stream().map(e -> (String) e.get("type")).toList());
            Map<String, Object> silent = events.get(0);
            assertEquals("/leadgate/channels/" + FORM, silent.get("source"));
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) silent.get("data");
            assertEquals(ChannelWatch.NO_INQUIRIES, data.get("reason"));
            assertEquals(t11.minus(Duration.ofMinutes(20)).toString(), data.get("lastInquiryAt"));
            assertEquals(4, ((Number) data.get("historyWeeks")).intValue());
        });
    }

    /** The simulated weeks leave nothing behind for other tests: their inquiries and hours are in 2031. */
    @AfterEach
    void removeSimulatedRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from inquiry where dedup_key like 'silence-test:%'").executeUpdate();
            em.createNativeQuery("delete from channel_hour where hour_start >= ?1")
                    .setParameter(1, TUESDAY.minusWeeks(6).atStartOfDay().toInstant(ZoneOffset.UTC)).executeUpdate();
        });
    }

    @Test
    void verificationFailuresJumpingRaiseAnEpisodeThatEndsWithAGoodInquiry() {
        String channel = "form-token";
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) {
            given().formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/" + channel + "/wrong")
                    .then().statusCode(401);
        }
        tally.flush();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update channel_watch_cursor set rolled_up_to = ?1 where id = 1").setParameter(1, now).executeUpdate());

        List<Change> raised = changesOf(channel, watch.check(Instant.now()));

        assertEquals(List.of(new Change(channel, Transition.RAISE, ChannelWatch.VERIFICATION_FAILURES)), raised);
        assertEquals(1.0, gauge(channel));
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("verification failures"), health);

        given().formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/" + channel + "/t0ken-123")
                .then().statusCode(200);
        assertEquals(List.of(new Change(channel, Transition.RECOVER, ChannelWatch.VERIFICATION_FAILURES)),
                changesOf(channel, watch.check(Instant.now().plus(Duration.ofHours(2)).plusSeconds(120))));
        assertEquals(0.0, gauge(channel));
    }

    /** Retries an assertion until it holds or 20 s passed (the feed position is given after commit, by a scheduler). */
    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Two checks at the same moment, as two replicas would run them: their changes together. */
    private List<Change> checkedTwiceAtOnce(Instant now) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Change>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return watch.check(now);
                }));
            }
            start.countDown();
            List<Change> all = new ArrayList<>();
            for (Future<List<Change>> run : runs) {
                all.addAll(run.get(30, TimeUnit.SECONDS));
            }
            return all;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The console's inbox as the test administrator sees it (the banner is in the layout of every page). */
    private static String consoleInbox() {
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "test-admin-password")
                .post("/j_security_check").then().statusCode(302).extract().cookie("leadgate-session");
        return given().redirects().follow(false).cookie("leadgate-session", session).get("/console/inbox")
                .then().statusCode(200).extract().asString();
    }

    private static List<Change> changesOf(String channel, List<Change> changes) {
        return changes.stream().filter(c -> c.channelId().equals(channel)).toList();
    }

    private static void inquiry(String channel, Instant receivedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredInquiry inquiry = new StoredInquiry();
            inquiry.channelId = channel;
            inquiry.provider = "webform";
            inquiry.family = "webform";
            inquiry.kind = "lead";
            inquiry.dedupKey = "silence-test:" + UUID.randomUUID();
            inquiry.receivedAt = receivedAt;
            inquiry.item = "{}";
            inquiry.persist();
        });
    }

    private static double gauge(String channel) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^leadgate_channel_silent\\{channel=\"" + Pattern.quote(channel)
                + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "no leadgate_channel_silent series for " + channel);
        return Double.parseDouble(m.group(1));
    }

    /** The channel's own events (subject = the channel id) in feed order. */
    private static List<Map<String, Object>> channelEvents(String channel) {
        List<Map<String, Object>> mine = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = api().queryParam("after", after).queryParam("limit", 1000)
                    .get("/api/events").then().statusCode(200).extract().jsonPath().getList("");
            if (page.isEmpty()) {
                return mine;
            }
            for (Map<String, Object> event : page) {
                if (channel.equals(event.get("subject"))
                        && String.valueOf(event.get("type")).startsWith("leadgate.channel.")) {
                    mine.add(event);
                }
                after = ((Number) event.get("cursor")).longValue();
            }
        }
    }
}
