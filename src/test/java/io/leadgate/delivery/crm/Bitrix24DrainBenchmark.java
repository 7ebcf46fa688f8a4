package io.leadgate.delivery.crm;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Bitrix24 connector as shipped ({@link CrmBenchProfile}) against a stub holding Bitrix24's limit (2 requests/s, burst 50; over it {@code 503
 * QUERY_LIMIT_EXCEEDED}): a backlog of new clients drained; then, each after a quiet spell, new clients and returning
 * clients arriving at 100 leads/s, offered by the clock (each post started when due, without waiting for the answers
 * before it; late starts counted). Run by
 * {@code bench/crm-bitrix24.sh} ({@code -Dcrmbench=true}); writes {@code bench/results/crm-bitrix24-<time>.md}.
 * Not a test: it measures.
 */
@QuarkusTest
@TestProfile(CrmBenchProfile.class)
@EnabledIfSystemProperty(named = "crmbench", matches = "true")
class Bitrix24DrainBenchmark {

    private static final int BACKLOG = Integer.getInteger("crmbench.backlog", 10_000);
    private static final int RATE = Integer.getInteger("crmbench.rate", 100);
    private static final int SECONDS = Integer.getInteger("crmbench.seconds", 60);
    /** Phase 3 (returning clients) runs unless {@code -Dcrmbench.returning=false} (for shorter runs while iterating). */
    private static final boolean RETURNING = !"false".equals(System.getProperty("crmbench.returning"));
    /** Posts waiting for their answer at most at once while arrivals are offered. */
    private static final int IN_FLIGHT = 64;
    /** A post started later than this after it was due counts as a late start. */
    private static final long LATE_MILLIS = 100;
    /** A quiet spell before each arrival phase: Bitrix24's bucket of 50 empties at 2/s in 25 s. */
    private static final long QUIET_MILLIS = 26_000;

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;
    @Inject
    EntityManager em;

    @Test
    void drainAtTheCrmsLimit() throws Exception {
        sequencer.sequence();
        runner.drain(Bitrix24Connector.ID);
        StubMapping stub = server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(2)
                .willReturn(WireMock.aResponse().withTransformers(Bitrix24BatchStub.NAME)));
        StringBuilder report = new StringBuilder("# Bitrix24 connector against a 2 requests/s, burst 50 stub\n\n")
                .append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; Leadgate in a @QuarkusTest on the test PostgreSQL, the stub in WireMock.\n\n");
        try {
            // 1. a backlog of new clients, drained at the limit
            List<String> digits = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                digits.add(Api.newMobileDigits());
            }
            long posting = System.nanoTime();
            postAll(digits, 8);
            double postSeconds = (System.nanoTime() - posting) / 1e9;
            sequencer.sequence();
            Bitrix24BatchStub.limit(50, 2);
            long start = System.nanoTime();
            drainUntilIdle();
            double seconds = (System.nanoTime() - start) / 1e9;
            report.append("## Backlog: ").append(BACKLOG).append(" new clients\n\n")
                    .append(String.format(Locale.ROOT, "| posted in | drained in | leads/s | requests | batch commands "
                            + "| limit errors |%n| --- | --- | --- | --- | --- | --- |%n| %.1f s | %.1f s | %.1f | %d | %d | %d |%n%n",
                            postSeconds, seconds, BACKLOG / seconds, Bitrix24BatchStub.REQUESTS.get(),
                            Bitrix24BatchStub.COMMANDS.get(), Bitrix24BatchStub.REFUSED.get()));
            int refusedBacklog = Bitrix24BatchStub.REFUSED.get();

            // 2. new clients arriving at RATE/s for SECONDS, pushed as they come, after a quiet spell in which both
            // buckets (the portal's and the connector's) empty as they would between two rushes
            Thread.sleep(QUIET_MILLIS);
            java.util.Set<String> taken = new java.util.HashSet<>(digits);
            List<String> fresh = new ArrayList<>();
            while (fresh.size() < RATE * SECONDS) {
                String d = Api.newMobileDigits();
                if (taken.add(d)) {
                    fresh.add(d); // a phone of the backlog would be a repeat inquiry, not a new client
                }
            }
            report.append(arrival("new clients' leads", fresh, d -> form(d, "New " + d, "Need a quote")));
            int refusedNew = Bitrix24BatchStub.REFUSED.get();

            // 3. the backlog's clients come back (their leads closed): their next lead brings their contact
            if (!RETURNING) {
                assertEquals(0, refusedBacklog + refusedNew, "no limit errors");
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update lead set status = 'CONVERTED' where status in ('NEW', 'IN_PROGRESS')").executeUpdate());
            Thread.sleep(QUIET_MILLIS);
            report.append(arrival("returning clients' leads", digits, d -> form(d, "Back", "again " + d)));
            int refusedBack = Bitrix24BatchStub.REFUSED.get();
            assertEquals(0, refusedBacklog + refusedNew + refusedBack, "no limit errors");
        } finally {
            server.removeStub(stub);
            Bitrix24BatchStub.limit(0, 0);
            Path out = Path.of("bench", "results", "crm-bitrix24-" + Instant.now().toString().replace(':', '-') + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
    }

    /**
     * RATE posts/s of {@code clients} (cycled) for SECONDS, pushed while they arrive; a report section. The posts are
     * offered by the clock, not one after another: post i is due at {@code t0 + i / RATE} and is started then without
     * waiting for earlier answers (up to {@link #IN_FLIGHT} at once); a post started more than {@link #LATE_MILLIS} ms
     * after it was due (the machine or the in-flight cap held it back) is counted as late.
     */
    private String arrival(String what, List<String> clients, Function<String, String> body) throws Exception {
        Bitrix24BatchStub.limit(50, 2);
        int total = RATE * SECONDS;
        ExecutorService answers = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(answers).build();
        URI hook = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/hooks/form");
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        AtomicLong maxLate = new AtomicLong();
        AtomicLong lastStart = new AtomicLong();
        AtomicInteger pushedWhileOffered = new AtomicInteger();
        AtomicLong answeredAt = new AtomicLong();
        AtomicInteger requestsAtEnd = new AtomicInteger();
        ExecutorService producer = Executors.newSingleThreadExecutor();
        long t0 = System.nanoTime();
        Future<?> produced = producer.submit(() -> {
            for (int i = 0; i < total; i++) {
                long due = t0 + (long) (i * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                slots.acquire();
                long behind = System.nanoTime() - due;
                if (behind > LATE_MILLIS * 1_000_000L) {
                    late.incrementAndGet();
                }
                maxLate.accumulateAndGet(behind, Math::max);
                HttpRequest post = HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body.apply(clients.get(i % clients.size())))).build();
                http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                    slots.release();
                });
            }
            lastStart.set(System.nanoTime());
            pushedWhileOffered.set(Bitrix24BatchStub.LEADS.get());
            slots.acquire(IN_FLIGHT); // every post answered
            answeredAt.set(System.nanoTime());
            requestsAtEnd.set(Bitrix24BatchStub.REQUESTS.get());
            return null;
        });
        while (!produced.isDone()) {
            sequencer.sequence();
            runner.drain(Bitrix24Connector.ID);
            Thread.sleep(200);
        }
        produced.get();
        double offered = (lastStart.get() - t0) / 1e9;
        double producing = (answeredAt.get() - t0) / 1e9;
        drainUntilIdle();
        double all = (System.nanoTime() - t0) / 1e9;
        double lag = all - producing;
        producer.shutdown();
        answers.shutdown();
        assertEquals(0, failed.get(), "every post answered 200");
        int requests = Bitrix24BatchStub.REQUESTS.get();
        int commands = Bitrix24BatchStub.COMMANDS.get();
        return "## " + RATE + " " + what + "/s for " + SECONDS + " s\n\n" + String.format(Locale.ROOT,
                "| leads | offered in (last post started) | late starts (> %d ms behind schedule; worst) | all answered after "
                        + "| pushed while offered (leads/s) | all pushed after | pushed leads/s "
                        + "| drained after the last answer "
                        + "| requests (by the end of production) | of them creating (full: 50 commands) | batch commands "
                        + "| commands per request | limit errors |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n"
                        + "| %d | %.1f s | %d; %.0f ms | %.1f s | %d (%.1f) | %.1f s | %.1f | %.1f s | %d (%d) | %d (%d) | %d | %.1f | %d |%n%n",
                LATE_MILLIS, total, offered, late.get(), maxLate.get() / 1e6, producing, pushedWhileOffered.get(),
                pushedWhileOffered.get() / offered, all, total / all, lag, requests,
                requestsAtEnd.get(), Bitrix24BatchStub.CREATES.get(), Bitrix24BatchStub.FULL.get(), commands, requests == 0 ? 0 : (double) commands / requests, Bitrix24BatchStub.REFUSED.get());
    }

    /** A web form with this phone, as {@link Leads#post} sends it. */
    private static String form(String digits, String name, String message) {
        return "{\"name\":\"" + name + "\",\"phone\":\"+7" + digits + "\",\"message\":\"" + message + "\","
                + "\"utm_source\":\"google\"}";
    }

    /** Drains until nothing is pending; new leads that linger (the connector waits for more) are waited for. */
    private void drainUntilIdle() throws InterruptedException {
        Step step;
        do {
            sequencer.sequence();
            step = runner.drain(Bitrix24Connector.ID);
            if (step == Step.STOPPED) {
                throw new AssertionError("the connector stopped: " + runner.status(Bitrix24Connector.ID));
            }
            if (step == Step.LINGER) {
                Thread.sleep(50);
            }
        } while (step != Step.IDLE);
    }

    private static void postAll(List<String> digits, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        for (String d : digits) {
            all.add(pool.submit(() -> Leads.post(d, "Client " + d)));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }
}
