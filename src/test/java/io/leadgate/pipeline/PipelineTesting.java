package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.testing.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;

/** Test helpers: leads through real hooks, pipelines, conversions and moves through the API. */
final class PipelineTesting {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineTesting() {
    }

    /**
     * Runs every due automation job, as the executor's tick does, and returns how many attempts were made on the jobs
     * of {@code dealId}. The database is shared by all the tests, so other tests' jobs (a failed webhook's retry, due
     * 30 s later) may come due meanwhile; a test counts its own.
     */
    static int runDue(AutomationExecutor executor, long dealId) {
        long before = attempts(dealId);
        executor.runDue();
        return (int) (attempts(dealId) - before);
    }

    private static long attempts(long dealId) {
        return QuarkusTransaction.requiringNew().call(() -> AutomationJob.<AutomationJob>list(
                "dealId", dealId).stream().mapToLong(j -> j.attempts).sum());
    }

    /** A new client's lead through a web-form channel's hook; the lead id. */
    static String lead(String channel) {
        return lead(channel, "+7" + Api.newMobileDigits());
    }

    static String lead(String channel, String phone) {
        if (channel.equals("tilda")) {
            given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("Name", "Tilda Client")
                    .formParam("Phone", phone).formParam("tranid", "1:" + UUID.randomUUID())
                    .post("/hooks/tilda/tilda-token-1").then().statusCode(200);
            List<String> leadIds = api().queryParam("phone", phone).get("/api/contacts").then().statusCode(200)
                    .extract().path("[0].leadIds");
            return leadIds.get(leadIds.size() - 1);
        }
        return given().contentType(ContentType.JSON).body(Map.of("name", "Client", "phone", phone,
                        "message", "hello " + UUID.randomUUID()))
                .post("/hooks/" + channel).then().statusCode(200).extract().path("leadId");
    }

    /** A unique pipeline name for a test. */
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a pipeline; stages written "Name" (in progress) or "Name:won" / "Name:lost". */
    static JsonPath pipeline(String name, String... stages) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        ArrayNode list = body.putArray("stages");
        for (String s : stages) {
            String[] parts = s.split(":");
            list.addObject().put("name", parts[0]).put("color", "#336699")
                    .put("semantics", parts.length > 1 ? parts[1] : "in-progress");
        }
        return api().contentType(ContentType.JSON).body(body.toString()).post("/api/pipelines")
                .then().statusCode(201).extract().jsonPath();
    }

    static String stage(JsonPath pipeline, String name) {
        return pipeline.getString("stages.find { it.name == '" + name + "' }.id");
    }

    static String convert(String leadId, String pipelineId) {
        return api().contentType(ContentType.JSON).body(Map.of("pipelineId", pipelineId))
                .post("/api/leads/" + leadId + "/convert").then().statusCode(200).extract().path("dealId");
    }

    static void move(String dealId, String stageId) {
        move(dealId, stageId, null);
    }

    static void move(String dealId, String stageId, String lossReason) {
        ObjectNode body = JSON.createObjectNode().put("stageId", stageId);
        if (lossReason != null) {
            body.put("lossReason", lossReason);
        }
        api().header("X-Actor", "tester").contentType(ContentType.JSON).body(body.toString())
                .post("/api/deals/" + dealId + "/move").then().statusCode(200);
    }
}
