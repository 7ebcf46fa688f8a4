package io.leadgate.pipeline;

import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static io.leadgate.pipeline.PipelineApiTest.tunnel;
import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funnel's per-deal summary ({@code deal_funnel}) stays equal to a recomputation from the stage entries, and the
 * funnel read through it gives the numbers {@link Funnel#compute(List, List)} gives from the entries themselves, over
 * periods whose edges cut through the deals' histories: after moves (skipping stages, lost, reopened, lost again,
 * won), tunnels into another pipeline, a contact merge and its undo, an erasure, a deleted loss reason, and stage
 * layout changes (added, reordered, a stage with past entries deleted). The V260 backfill gives the same rows.
 */
@QuarkusTest
class FunnelSummaryTest {

    @Inject
    FunnelSummary summary;

    @Inject
    FunnelQuery funnels;

    @Inject
    EntityManager em;

    @Test
    void summaryEqualsTheStageEntriesThroughMovesMergesErasureAndLayoutChanges() {
        JsonPath p = pipeline(unique("Summary"), "New", "Qualified", "Proposal", "Won:won", "Lost:lost");
        JsonPath after = pipeline(unique("Summary after"), "Start", "Done:won", "Failed:lost");
        api().contentType(ContentType.JSON).body(tunnel(p, "Won", after, "Start", "copy")).post("/api/tunnels")
                .then().statusCode(201);
        long pid = Long.parseLong(p.getString("id"));
        long aid = Long.parseLong(after.getString("id"));

        String d1 = convert(lead("form"), p.getString("id"));
        String d2 = convert(lead("form"), p.getString("id"));
        String d3 = convert(lead("tilda"), p.getString("id"));
        String d4 = convert(lead("form"), p.getString("id"));
        api().contentType(ContentType.JSON).body(Map.of("responsible", "summary-olga")).patch("/api/deals/" + d2)
                .then().statusCode(200);
        move(d1, stage(p, "Proposal"));                    // skips Qualified
        move(d2, stage(p, "Qualified"));
        move(d2, stage(p, "Lost"), "price");
        move(d2, stage(p, "Qualified"));                   // reopened
        move(d2, stage(p, "Lost"), "competitor");          // lost again, another reason
        move(d3, stage(p, "Lost"), "no-answer");
        move(d1, stage(p, "Won"));                         // copied into the other pipeline
        check(pid, aid);

        // a merge moves d4's card into another one, and back
        String digits = Api.newMobileDigits();
        JsonPath other = given().contentType(ContentType.JSON).body(Map.of("name", "Summary Merge",
                "phone", "+7" + digits, "message", "card " + UUID.randomUUID())).post("/hooks/form").then()
                .statusCode(200).extract().jsonPath();
        String contact4 = api().get("/api/deals/" + d4).then().extract().path("contactId");
        String mergeId = api().contentType(ContentType.JSON).body(Map.of("sourceId", contact4))
                .post("/api/contacts/" + other.getString("contactId") + "/merge").then().statusCode(200).extract()
                .path("id");
        move(d4, stage(p, "Qualified"));
        check(pid, aid);
        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);
        move(d4, stage(p, "Proposal"));
        check(pid, aid);

        // erasure keeps the deal and its history (anonymous counts)
        String contact3 = api().get("/api/deals/" + d3).then().extract().path("contactId");
        api().delete("/api/contacts/" + contact3).then().statusCode(204);
        check(pid, aid);

        // a deleted loss reason is folded into another, in the history and the summary
        String gone = "summary-gone-" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType(ContentType.JSON).body(Map.of("code", gone, "name", gone)).post("/api/loss-reasons")
                .then().statusCode(201);
        move(d4, stage(p, "Lost"), gone);
        api().queryParam("moveTo", "price").delete("/api/loss-reasons/" + gone).then().statusCode(204);
        check(pid, aid);

        // stage layout: a stage added in the middle, passed through, the stages reordered, then the added one deleted
        JsonPath added = api().contentType(ContentType.JSON).body(Map.of("name", "Demo", "color", "#336699",
                "semantics", "in-progress", "position", 1)).post("/api/pipelines/" + pid + "/stages").then()
                .statusCode(201).extract().jsonPath();
        String demo = stage(added, "Demo");
        move(d4, demo);
        move(d4, stage(p, "Proposal"));
        check(pid, aid);
        List<String> order = new ArrayList<>(api().get("/api/pipelines/" + pid).then().extract().jsonPath()
                .getList("stages.id", String.class));
        String qualified = stage(p, "Qualified");
        order.remove(qualified);
        order.add(order.indexOf(stage(p, "Proposal")) + 1, qualified); // Proposal before Qualified
        api().contentType(ContentType.JSON).body(Map.of("stageIds", order)).put("/api/pipelines/" + pid + "/stages")
                .then().statusCode(200);
        check(pid, aid);
        api().delete("/api/pipelines/" + pid + "/stages/" + demo).then().statusCode(200);
        check(pid, aid);

        backfillGivesTheSameRows(pid);
        backfillGivesTheSameRows(aid);
    }

    /** The summary is true, and the funnel over it equals the funnel computed from the entries, for cut periods. */
    private void check(long... pipelineIds) {
        for (long pid : pipelineIds) {
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> summary.drift(pid)),
                    "summary rows of pipeline " + pid + " differ from the stage entries");
            List<Funnel.StageInfo> stages = QuarkusTransaction.requiringNew().call(() -> Stage.of(pid).stream()
                    .map(s -> new Funnel.StageInfo(s.id, s.name, s.semantics())).toList());
            List<DealMove> moves = QuarkusTransaction.requiringNew().call(() ->
                    DealMove.<DealMove>list("toPipelineId = ?1 order by id", pid));
            Map<Long, String> managers = QuarkusTransaction.requiringNew().call(() -> {
                Map<Long, String> m = new HashMap<>();
                moves.forEach(x -> m.put(x.dealId, FunnelQuery.key(Deal.<Deal>findById(x.dealId).responsible)));
                return m;
            });
            List<Instant> times = new ArrayList<>(new TreeSet<>(moves.stream().map(m -> m.movedAt).toList()));
            Instant end = times.get(times.size() - 1).plusMillis(1);
            int n = times.size();
            List<AnalyticsPeriod> periods = new ArrayList<>(List.of(
                    new AnalyticsPeriod(Instant.EPOCH, AnalyticsPeriod.UNBOUNDED_END, ZoneOffset.UTC),
                    new AnalyticsPeriod(times.get(0), end, ZoneOffset.UTC)));
            for (int[] cut : new int[][]{{1, n - 1}, {n / 3, 2 * n / 3}, {n / 2, n}, {0, n / 2}}) {
                Instant from = times.get(Math.min(cut[0], n - 1));
                Instant to = cut[1] >= n ? end : times.get(cut[1]);
                if (from.isBefore(to)) {
                    periods.add(new AnalyticsPeriod(from, to, ZoneOffset.UTC));
                }
            }
            for (AnalyticsPeriod period : periods) {
                List<Funnel.Entry> entries = moves.stream()
                        .filter(m -> !m.movedAt.isBefore(period.from()) && m.movedAt.isBefore(period.to()))
                        .map(m -> new Funnel.Entry(m.dealId, m.toStageId, m.movedAt, m.leftAt, m.lossReason))
                        .toList();
                Funnel.Report expected = Funnel.compute(stages, entries);
                FunnelQuery.Answer a = QuarkusTransaction.requiringNew().call(() ->
                        funnels.funnel(String.valueOf(pid), period, "manager", false, FunnelQuery.Medians.ALL));
                assertEquals(expected, new Funnel.Report(a.stages(), a.lost(), a.deals(), a.won(), a.conversion()),
                        "pipeline " + pid + " over " + period);
                Map<String, Funnel.Report> groups = new TreeMap<>();
                java.util.Set<Long> live = new java.util.HashSet<>(stages.stream().map(Funnel.StageInfo::id).toList());
                new TreeSet<>(entries.stream().filter(e -> live.contains(e.stageId()))
                        .map(e -> managers.get(e.dealId())).toList())
                        .forEach(k -> groups.put(k, Funnel.compute(stages, entries.stream()
                                .filter(e -> k.equals(managers.get(e.dealId()))).toList())));
                assertEquals(groups, a.groups(), "groups by manager of pipeline " + pid + " over " + period);
                FunnelQuery.Answer shown = QuarkusTransaction.requiringNew().call(() ->
                        funnels.funnel(String.valueOf(pid), period, "manager", false, FunnelQuery.Medians.SHOWN));
                assertEquals(a.stages(), shown.stages(), "the shown medians are the same");
                shown.groups().values().forEach(g -> g.stages().forEach(s -> assertEquals(null,
                        s.medianSecondsInStage(), "no group median is computed for a page")));
            }
        }
    }

    /** V260's backfill statement, run as written into a scratch table, gives the rows the app keeps. */
    private void backfillGivesTheSameRows(long pipelineId) {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V260__deal_funnel.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String insert = migration.substring(migration.indexOf("insert into deal_funnel"));
        insert = insert.substring(0, insert.indexOf(';'))
                .replace("insert into deal_funnel", "insert into backfill_check");
        String backfill = insert;
        long differ = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("create temporary table backfill_check as select * from deal_funnel where 1 = 0")
                    .executeUpdate();
            em.createNativeQuery(backfill).executeUpdate();
            String cols = "deal_id, pipeline_id, first_at, last_at, lo, hi, lost, loss_reason";
            long n = 0;
            for (String[] ab : new String[][]{{"backfill_check", "deal_funnel"}, {"deal_funnel", "backfill_check"}}) {
                n += ((Number) em.createNativeQuery("select count(*) from (select " + cols + " from " + ab[0]
                        + " where pipeline_id = ?1 except select " + cols + " from " + ab[1]
                        + " where pipeline_id = ?1) d").setParameter(1, pipelineId).getSingleResult()).longValue();
            }
            long rows = ((Number) em.createNativeQuery("select count(*) from backfill_check where pipeline_id = ?1")
                    .setParameter(1, pipelineId).getSingleResult()).longValue();
            em.createNativeQuery("drop table backfill_check").executeUpdate();
            assertTrue(rows > 0, "the backfill found the pipeline's deals");
            return n;
        });
        assertEquals(0L, differ, "the backfill's rows of pipeline " + pipelineId);
    }
}
