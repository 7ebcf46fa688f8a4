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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Bitrix24 connector as shipped against a stub holding Bitrix24's limit (2 requests/s, burst 50; over it {@code 503
 * QUERY_LIMIT_EXCEEDED}): a backlog of new clients drained; then, each after a quiet spell, new clients and returning
 * clients arriving at 100 leads/s. Run by
 * {@code bench/crm-bitrix24.sh} ({@code -Dcrmbench=true}); writes {@code bench/results/crm-bitrix24-<time>.md}.
 * Not a test: it measures.
 */
@QuarkusTest
@TestProfile(CrmBatchProfile.class)
@EnabledIfSystemProperty(named = "crmbench", matches = "true")
class Bitrix24DrainBenchmark {

    private static final int BACKLOG = Integer.getInteger("crmbench.backlog", 10_000);
    private static final int RATE = Integer.getInteger("crmbench.rate", 100);
    private static final int SECONDS = Integer.getInteger("crmbench.seconds", 60);
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
            report.append(arrival("new clients' leads", fresh, d -> Leads.post(d, "New " + d)));
            int refusedNew = Bitrix24BatchStub.REFUSED.get();

            // 3. the backlog's clients come back (their leads closed): their next lead brings their contact
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update lead set status = 'CONVERTED' where status in ('NEW', 'IN_PROGRESS')").executeUpdate());
            Thread.sleep(QUIET_MILLIS);
            report.append(arrival("returning clients' leads", digits, d -> Leads.post(d, "Back", "again " + d)));
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

    /** RATE posts/s of {@code clients} (cycled) for SECONDS, pushed while they arrive; a report section. */
    private String arrival(String what, List<String> clients, java.util.function.Consumer<String> post) throws Exception {
        Bitrix24BatchStub.limit(50, 2);
        int total = RATE * SECONDS;
        ExecutorService producer = Executors.newSingleThreadExecutor();
        long t0 = System.nanoTime();
        Future<?> produced = producer.submit(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < total; i++) {
                long due = t0 + (long) (i * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                String d = clients.get(i % clients.size());
                pool.submit(() -> post.accept(d));
            }
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (!produced.isDone()) {
            sequencer.sequence();
            runner.drain(Bitrix24Connector.ID);
            Thread.sleep(200);
        }
        double producing = (System.nanoTime() - t0) / 1e9;
        long end = System.nanoTime();
        int requestsAtEnd = Bitrix24BatchStub.REQUESTS.get();
        drainUntilIdle();
        double lag = (System.nanoTime() - end) / 1e9;
        double all = (System.nanoTime() - t0) / 1e9;
        producer.shutdown();
        return "## " + RATE + " " + what + "/s for " + SECONDS + " s\n\n" + String.format(Locale.ROOT,
                "| leads | produced in | all pushed after | pushed leads/s | left when production ended, drained in "
                        + "| requests (by the end of production) | batch commands | limit errors |%n| --- | --- | --- | --- "
                        + "| --- | --- | --- | --- |%n| %d | %.1f s | %.1f s | %.1f | %.1f s | %d (%d) | %d | %d |%n%n", total,
                producing, all, total / all, lag, Bitrix24BatchStub.REQUESTS.get(), requestsAtEnd,
                Bitrix24BatchStub.COMMANDS.get(), Bitrix24BatchStub.REFUSED.get());
    }

    private void drainUntilIdle() {
        Step step;
        do {
            sequencer.sequence();
            step = runner.drain(Bitrix24Connector.ID);
            if (step == Step.STOPPED) {
                throw new AssertionError("the connector stopped: " + runner.status(Bitrix24Connector.ID));
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
