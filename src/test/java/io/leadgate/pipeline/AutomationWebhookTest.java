package io.leadgate.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.leadgate.config.LeadgateConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.runDue;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Automation webhooks are called with no transaction open (the deal and the job are not locked during the call) and
 * an answer that trickles past the timeout ({@code %test.leadgate.pipeline.automation.webhook-timeout}) is a failed
 * attempt, retried later.
 */
@QuarkusTest
class AutomationWebhookTest {

    @Inject
    AutomationExecutor executor;
    @Inject
    EntityManager em;
    @Inject
    LeadgateConfig config;

    private HttpServer server;
    private final List<String> locks = new CopyOnWriteArrayList<>();
    private volatile long dealId;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            locks.add(lockable("select id from deal where id = ?1 for update nowait", dealId)
                    + " " + lockable("select id from automation_job where deal_id = ?1 for update nowait", dealId));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked: the status comes at once, the body trickles
            long end = System.nanoTime() + config.pipeline().automation().webhookTimeout().multipliedBy(3).toNanos();
            try (OutputStream out = exchange.getResponseBody()) {
                while (System.nanoTime() < end) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // the gateway gave up and closed the connection
            }
            exchange.close();
        });
        server.start();
        executor.runDue(); // leave no due jobs of other tests behind
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void webhookIsCalledWithNoTransactionOrLockHeld() {
        JsonPath p = pipeline(unique("NoLocks"), "New", "Working", "Won:won", "Lost:lost");
        rule(stage(p, "Working"), Map.of("url", url("/hook")));
        dealId = Long.parseLong(convert(lead("form"), p.getString("id")));
        move(String.valueOf(dealId), stage(p, "Working"));
        assertEquals(1, runDue(executor, dealId));
        assertEquals(List.of("free free"), locks, "the deal and the job row are not locked during the call");
        assertEquals(List.of("done"), statuses());
    }

    @Test
    void answerTricklingPastTheTimeoutIsAFailedAttempt() {
        JsonPath p = pipeline(unique("Trickle"), "New", "Working", "Won:won", "Lost:lost");
        rule(stage(p, "Working"), Map.of("url", url("/slow")));
        dealId = Long.parseLong(convert(lead("form"), p.getString("id")));
        move(String.valueOf(dealId), stage(p, "Working"));
        long started = System.nanoTime();
        assertEquals(1, runDue(executor, dealId));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < config.pipeline().automation().webhookTimeout().multipliedBy(3).toMillis(),
                "the call ended before the endpoint finished trickling: " + tookMillis + " ms");
        Object[] job = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select status, attempts, last_error, due_at from automation_job where deal_id = ?1")
                .setParameter(1, dealId).getSingleResult());
        assertEquals("pending", job[0], "retried later");
        assertEquals(1, ((Number) job[1]).intValue());
        assertTrue(String.valueOf(job[2]).contains("timed out"), String.valueOf(job[2]));
    }

    private String lockable(String sql, long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery(sql).setParameter(1, id).getResultList();
                return "free";
            });
        } catch (RuntimeException e) {
            return "locked";
        }
    }

    private List<String> statuses() {
        return QuarkusTransaction.requiringNew().call(() -> AutomationJob.<AutomationJob>list("dealId = ?1 order by id",
                dealId).stream().map(j -> j.status).toList());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void rule(String stageId, Map<String, Object> params) {
        api().contentType(ContentType.JSON).body(Map.of("stageId", stageId, "action", "webhook", "params", params))
                .post("/api/automations").then().statusCode(201);
    }
}
