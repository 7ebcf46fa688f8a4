package io.leadgate.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.OutboxEvent;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.runDue;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Automation on stage entry, run from the database: every action, a delayed move, "survives a restart" (a due job
 * row taken by a fresh executor) and "runs once" (two executors at the same time).
 */
@QuarkusTest
class AutomationTest {

    @Inject
    AutomationExecutor executor;
    @Inject
    EntityManager em;
    @Inject
    AutomationActions actions;
    @Inject
    LeadgateConfig config;

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"))));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        executor.runDue(); // leave no due jobs of other tests behind
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static String rule(String stageId, String action, Map<String, Object> params, String delay) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("stageId", stageId, "action", action, "params", params));
        if (delay != null) {
            body.put("delay", delay);
        }
        return api().contentType(ContentType.JSON).body(body).post("/api/automations").then().statusCode(201)
                .extract().path("id");
    }

    private static JsonPath deal(String id) {
        return api().get("/api/deals/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void stageEntryRunsEveryActionOnceFromTheDatabase() throws Exception {
        JsonPath p = pipeline(unique("Robots"), "New", "Working", "Won:won", "Lost:lost");
        String working = stage(p, "Working");
        rule(working, "emit-event", Map.of("type", "leadgate.deal.working"), null);
        rule(working, "add-task", Map.of("title", "Call the client", "kind", "reminder", "due", "PT2H"), null);
        rule(working, "set-field", Map.of("field", "priority", "value", "high"), null);
        rule(working, "set-responsible", Map.of("responsible", "zoe"), null);
        rule(working, "webhook", Map.of("url", hook(), "secret", "s3cret"), null);
        String delayed = rule(working, "move", Map.of("stageId", stage(p, "Won")), "PT1H");
        api().queryParam("stageId", working).get("/api/automations").then()
                .body("action", equalTo(List.of("emit-event", "add-task", "set-field", "set-responsible", "webhook", "move")))
                .body("[4].params.secret", equalTo("***"));

        String leadId = lead("form");
        String dealId = convert(leadId, p.getString("id"));
        move(dealId, working);
        api().get("/api/deals/" + dealId + "/tasks").then().body("", org.hamcrest.Matchers.hasSize(0));

        long id = Long.parseLong(dealId);
        assertEquals(5, runDue(executor, id), "the five immediate jobs; the delayed move waits");
        JsonPath deal = deal(dealId);
        assertEquals("high", deal.getString("fields.priority"));
        assertEquals("zoe", deal.getString("responsible"));
        assertEquals(working, deal.getString("stageId"));
        JsonPath tasks = api().get("/api/deals/" + dealId + "/tasks").then().extract().jsonPath();
        assertEquals(List.of("Call the client"), tasks.getList("title"));
        assertEquals("reminder", tasks.getString("[0].kind"));
        Instant entered = Instant.parse(deal.getString("stageEnteredAt"));
        assertEquals(entered.plus(Duration.ofHours(2)), Instant.parse(tasks.getString("[0].dueAt")));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("type = ?1 and leadId = ?2", "leadgate.deal.working", Long.parseLong(leadId))));
        assertEquals(1, received.size());
        Map<String, String> call = received.get(0);
        String expected = "v1," + Base64.getEncoder().encodeToString(Secrets.hmacSha256("s3cret",
                (call.get("id") + "." + call.get("timestamp") + "." + call.get("body")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, call.get("signature"));
        assertEquals(dealId, JsonPath.from(call.get("body")).getString("deal.id"));

        assertEquals(0, runDue(executor, id), "nothing runs twice");
        assertEquals(1, received.size());

        makeDue(id); // the hour has passed
        assertEquals(1, runDue(executor, id), () -> "the delayed move alone; the deal's jobs: " + jobs(id));
        assertEquals(stage(p, "Won"), deal(dealId).getString("stageId"));
        assertEquals("automation:" + delayed, api().get("/api/deals/" + dealId + "/history").then().extract().jsonPath()
                .getString("[-1].actor"));
    }

    @Test
    void delayedMoveIsSkippedWhenTheDealMovedOnMeanwhile() {
        JsonPath p = pipeline(unique("Skip"), "New", "Working", "Won:won", "Lost:lost");
        rule(stage(p, "Working"), "move", Map.of("stageId", stage(p, "Won")), "3600");
        String dealId = convert(lead("form"), p.getString("id"));
        move(dealId, stage(p, "Working"));
        move(dealId, stage(p, "Lost"), "no-answer");
        makeDue(Long.parseLong(dealId));
        assertEquals(1, runDue(executor, Long.parseLong(dealId)));
        assertEquals(stage(p, "Lost"), deal(dealId).getString("stageId"));
        assertEquals("skipped", jobStatuses(Long.parseLong(dealId)).get(0));
    }

    @Test
    void failingWebhookIsRetriedLaterThenGivenUp() {
        answer = 503;
        JsonPath p = pipeline(unique("Retry"), "New", "Working", "Won:won", "Lost:lost");
        rule(stage(p, "Working"), "webhook", Map.of("url", hook()), null);
        String dealId = convert(lead("form"), p.getString("id"));
        move(dealId, stage(p, "Working"));
        long id = Long.parseLong(dealId);
        for (int attempt = 1; attempt <= config.pipeline().automation().attempts(); attempt++) {
            assertEquals(1, runDue(executor, id));
            assertEquals(attempt, received.size());
            makeDue(id);
        }
        assertEquals(List.of("failed"), jobStatuses(id));
        assertEquals(0, runDue(executor, id));
    }

    @Test
    void dueJobWrittenBeforeARestartIsRunByAFreshExecutorOnce() {
        JsonPath p = pipeline(unique("Restart"), "New", "Won:won", "Lost:lost");
        long dealId = Long.parseLong(convert(lead("form"), p.getString("id")));
        long jobId = QuarkusTransaction.requiringNew().call(() -> dueJob(dealId, "add-task",
                "{\"title\":\"Survived the restart\",\"kind\":\"task\"}"));

        AutomationExecutor afterRestart = new AutomationExecutor(em, actions, config, java.time.Clock.systemUTC());
        assertEquals(1, runDue(afterRestart, dealId));
        assertEquals(0, runDue(new AutomationExecutor(em, actions, config, java.time.Clock.systemUTC()), dealId));
        List<String> titles = api().get("/api/deals/" + dealId + "/tasks").then().extract().path("title");
        assertEquals(List.of("Survived the restart"), titles);
        assertEquals(List.of("done"), jobStatuses(dealId));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> DealTask.count("jobId", jobId)));
    }

    @Test
    void twoExecutorsAtOnceRunEachJobOnce() throws Exception {
        JsonPath p = pipeline(unique("Race"), "New", "Won:won", "Lost:lost");
        long dealId = Long.parseLong(convert(lead("form"), p.getString("id")));
        int jobs = 40;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < jobs; i++) {
                dueJob(dealId, i % 2 == 0 ? "add-task" : "emit-event",
                        i % 2 == 0 ? "{\"title\":\"Task " + i + "\"}" : "{\"type\":\"leadgate.deal.race\"}");
            }
        });
        AutomationExecutor one = new AutomationExecutor(em, actions, config, java.time.Clock.systemUTC());
        AutomationExecutor two = new AutomationExecutor(em, actions, config, java.time.Clock.systemUTC());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> {
                go.await();
                return one.runDue();
            });
            Future<Integer> b = pool.submit(() -> {
                go.await();
                return two.runDue();
            });
            go.countDown();
            // other tests' jobs may come due meanwhile and be claimed too: at least this deal's jobs were
            assertTrue(a.get() + b.get() >= jobs, "every job claimed");
        } finally {
            pool.shutdownNow();
        }
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select j.status, j.attempts from AutomationJob j where j.dealId = ?1", Object[].class)
                .setParameter(1, dealId).getResultList());
        assertEquals(jobs, rows.size());
        assertTrue(rows.stream().allMatch(r -> "done".equals(r[0]) && Integer.valueOf(1).equals(r[1])),
                "each job ran once");
        assertEquals(jobs / 2L, QuarkusTransaction.requiringNew().call(() -> DealTask.count("dealId", dealId)));
        assertEquals(jobs / 2L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "type = ?1 and contactId = (select d.contactId from Deal d where d.id = ?2)", "leadgate.deal.race", dealId)));
    }

    @Test
    void invalidRulesAreRefused() {
        JsonPath p = pipeline(unique("Bad rules"), "New", "Next", "Won:won");
        String next = stage(p, "Next");
        api().contentType(ContentType.JSON).body(Map.of("stageId", next, "action", "dance", "params", Map.of()))
                .post("/api/automations").then().statusCode(400);
        api().contentType(ContentType.JSON).body(Map.of("stageId", next, "action", "webhook", "params", Map.of("url", "ftp://x")))
                .post("/api/automations").then().statusCode(400).body("error", equalTo("url must be an absolute http or https URL"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", next, "action", "add-task", "params", Map.of()))
                .post("/api/automations").then().statusCode(400).body("error", equalTo("params.title is required"));
        api().contentType(ContentType.JSON).body(Map.of("stageId", next, "action", "emit-event", "params", Map.of(),
                "delay", "soon")).post("/api/automations").then().statusCode(400);
        rule(next, "move", Map.of("stageId", stage(p, "Won")), "PT1M");
        api().contentType(ContentType.JSON).body(Map.of("stageId", stage(p, "Won"), "action", "move",
                        "params", Map.of("stageId", next)))
                .post("/api/automations").then().statusCode(409);
    }

    private long dueJob(long dealId, String action, String params) {
        Deal deal = Deal.findById(dealId);
        DealMove entry = DealMove.find("dealId = ?1 order by id desc", dealId).firstResult();
        AutomationJob job = new AutomationJob();
        job.ruleId = 0L;
        job.dealId = dealId;
        job.stageId = deal.stageId;
        job.moveId = entry.id;
        job.action = action;
        job.params = params;
        job.status = "pending";
        job.dueAt = Instant.now().minusSeconds(5);
        job.createdAt = Instant.now();
        job.persist();
        return job.id;
    }

    private static void makeDue(long dealId) {
        QuarkusTransaction.requiringNew().run(() -> AutomationJob.update(
                "dueAt = ?1 where dealId = ?2 and status = 'pending'", Instant.now().minusSeconds(1), dealId));
    }

    /** The deal's jobs, one line each: for a failing assertion's message (which job ran, how often, why). */
    private static String jobs(long dealId) {
        return QuarkusTransaction.requiringNew().call(() -> AutomationJob.<AutomationJob>list("dealId = ?1 order by id",
                dealId).stream().map(j -> j.id + " " + j.action + " " + j.status + " attempts=" + j.attempts
                + " due=" + j.dueAt + " cause=" + j.cause + " error=" + j.lastError).toList().toString());
    }

    private static List<String> jobStatuses(long dealId) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(AutomationJob.<AutomationJob>list(
                "dealId = ?1 order by id", dealId).stream().map(j -> j.status).toList()));
    }
}
