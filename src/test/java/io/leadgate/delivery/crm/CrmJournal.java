package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;

/** What the CRM stub received after a mark, in order; and the API steps of a lead's life. */
final class CrmJournal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int mark;

    private CrmJournal(int mark) {
        this.mark = mark;
    }

    /** Marks the journal's current end. */
    static CrmJournal mark() {
        return new CrmJournal(CrmWireMock.server.getAllServeEvents().size());
    }

    /** The requests received since the mark whose URL starts with {@code prefix}, oldest first. */
    List<LoggedRequest> since(String prefix) {
        List<ServeEvent> all = new ArrayList<>(CrmWireMock.server.getAllServeEvents()); // newest first
        List<LoggedRequest> found = new ArrayList<>();
        for (int i = all.size() - mark - 1; i >= 0; i--) {
            LoggedRequest request = all.get(i).getRequest();
            if (request.getUrl().startsWith(prefix)) {
                found.add(request);
            }
        }
        return found;
    }

    /** "METHOD path" of each request since the mark (the Bitrix24 method name for the webhook). */
    List<String> calls(String prefix) {
        return since(prefix).stream().map(r -> r.getMethod().getName() + " "
                + r.getUrl().replace(CrmWireMock.B24_HOOK, "").replaceAll("\\?.*", "")).collect(Collectors.toList());
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What the scripted life left: the lead as posted, the deal it became, the client's second address, the journal. */
    record Life(io.restassured.path.json.JsonPath lead, String deal, String email, CrmJournal journal) {
    }

    /**
     * The scripted life of a lead, {@code push} after each step: a new client's lead; a repeat inquiry through Tilda
     * with a new email; conversion into a new pipeline; a move to an in-progress stage; won. The journal is marked
     * before the first step.
     */
    static Life live(Runnable push) {
        Map<String, String> pipeline = pipeline();
        String digits = io.leadgate.testing.Api.newMobileDigits();
        String email = "vera." + digits + "@example.com";
        CrmJournal journal = mark();
        io.restassured.path.json.JsonPath lead = Leads.post(digits, "Vera");
        push.run();
        tilda(digits, email, "Any news on my quote?");
        push.run();
        String deal = convert(lead.getString("leadId"), pipeline.get("id"));
        push.run();
        move(deal, pipeline.get("Proposal"));
        push.run();
        move(deal, pipeline.get("Won"));
        push.run();
        return new Life(lead, deal, email, journal);
    }

    /** A repeat inquiry through another channel (the Tilda form): the same phone and a new email. */
    static void tilda(String digits, String email, String text) {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("Name", "Vera")
                .formParam("Phone", "+7" + digits).formParam("Email", email).formParam("Comments", text)
                .formParam("tranid", "1:" + UUID.randomUUID())
                .post("/hooks/tilda/tilda-token-1").then().statusCode(200);
    }

    /** A pipeline New → Proposal → Won (won) / Lost (lost); its id and stage ids by name. */
    static Map<String, String> pipeline() {
        String body = "{\"name\":\"CRM " + UUID.randomUUID().toString().substring(0, 8) + "\",\"stages\":["
                + "{\"name\":\"New\",\"color\":\"#336699\",\"semantics\":\"in-progress\"},"
                + "{\"name\":\"Proposal\",\"color\":\"#336699\",\"semantics\":\"in-progress\"},"
                + "{\"name\":\"Won\",\"color\":\"#336699\",\"semantics\":\"won\"},"
                + "{\"name\":\"Lost\",\"color\":\"#336699\",\"semantics\":\"lost\"}]}";
        var p = api().contentType(ContentType.JSON).body(body).post("/api/pipelines").then().statusCode(201)
                .extract().jsonPath();
        return Map.of("id", p.getString("id"), "Proposal", p.getString("stages.find { it.name == 'Proposal' }.id"),
                "Won", p.getString("stages.find { it.name == 'Won' }.id"));
    }

    static String convert(String leadId, String pipelineId) {
        return api().contentType(ContentType.JSON).body(Map.of("pipelineId", pipelineId))
                .post("/api/leads/" + leadId + "/convert").then().statusCode(200).extract().path("dealId");
    }

    static void move(String dealId, String stageId) {
        api().contentType(ContentType.JSON).body(Map.of("stageId", stageId)).post("/api/deals/" + dealId + "/move")
                .then().statusCode(200);
    }

    static void junk(String leadId, String reason) {
        api().contentType(ContentType.JSON).body(Map.of("reason", reason)).post("/api/leads/" + leadId + "/junk")
                .then().statusCode(200);
    }
}
