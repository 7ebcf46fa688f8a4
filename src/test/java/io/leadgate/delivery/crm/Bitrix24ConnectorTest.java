package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bitrix24 connector against WireMock answering as a portal's incoming webhook: leads created by posting the
 * web form, pushed by driving the connector; what it sent is read from WireMock's request journal.
 */
@QuarkusTest
@TestProfile(CrmConnectorsProfile.class)
class Bitrix24ConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;

    private final List<StubMapping> ownStubs = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        ownStubs.forEach(server::removeStub);
        ownStubs.clear();
        runner.resume(Bitrix24Connector.ID);
        push();
    }

    @Test
    void newClientBecomesContactAndLeadWithItsContactIdInOneBatch() {
        String digits = Api.newMobileDigits();
        JsonPath lead = Leads.post(digits, "Anna Smirnova");

        assertEquals(Step.IDLE, push());

        List<LoggedRequest> sent = b24Requests(digits);
        assertEquals(2, sent.size(), "one lookup batch, one create batch");
        JsonNode lookup = body(sent.get(0)).path("cmd");
        assertTrue(decoded(lookup.path("phone").asText()).startsWith("crm.duplicate.findbycomm?entity_type=CONTACT&type=PHONE&values[0]=+7" + digits));
        JsonNode create = body(sent.get(1));
        assertEquals(1, create.path("halt").asInt());
        String contactAdd = decoded(create.path("cmd").path("contact").asText());
        String leadAdd = decoded(create.path("cmd").path("lead").asText());
        assertTrue(contactAdd.startsWith("crm.contact.add?"), contactAdd);
        assertTrue(contactAdd.contains("fields[NAME]=Anna Smirnova") && contactAdd.contains("fields[PHONE][0][VALUE]=+7" + digits));
        assertTrue(leadAdd.startsWith("crm.lead.add?"), leadAdd);
        assertTrue(leadAdd.contains("fields[CONTACT_ID]=$result[contact]"), "the lead names the contact just created");
        assertTrue(leadAdd.contains("fields[UTM_SOURCE]=google") && leadAdd.contains("fields[COMMENTS]=Need a quote"));
        assertTrue(leadAdd.contains("fields[ORIGIN_ID]=" + lead.getString("leadId")));

        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, lead.getLong("contactId")).orElseThrow());
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
    }

    @Test
    void existingContactIsLinkedInsteadOfDuplicatedAndReusedForTheReturningClientsNextLead() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing("crm.duplicate.findbycomm")).withRequestBody(containing(digits))
                .willReturn(CrmWireMock.json(CrmWireMock.batch("{\"phone\":{\"CONTACT\":[77,12]},\"email\":[]}")))));
        JsonPath first = Leads.post(digits, "Boris");
        push();

        assertTrue(b24Requests(digits).stream().noneMatch(r -> r.getBodyAsString().contains("crm.contact.add")),
                "no contact created");
        JsonNode add = body(single(b24Requests(digits), "crm.lead.add.json"));
        assertEquals("12", add.path("fields").path("CONTACT_ID").asText(), "the oldest matching contact");
        assertEquals("12", links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, first.getLong("contactId")).orElseThrow());
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, first.getLong("leadId")).orElseThrow());
        matchesDocumentedShape(add);

        Leads.close(first.getString("leadId"));
        JsonPath second = Leads.post(digits, "Boris", "Back again");
        assertFalse(first.getString("leadId").equals(second.getString("leadId")), "a new lead");
        push();

        List<LoggedRequest> sent = b24Requests(digits);
        assertEquals(1, sent.stream().filter(r -> r.getBodyAsString().contains("crm.duplicate.findbycomm")).count(),
                "the stored link is used, no second lookup");
        List<LoggedRequest> adds = sent.stream().filter(r -> r.getUrl().endsWith("crm.lead.add.json")).toList();
        assertEquals(2, adds.size());
        assertEquals("12", body(adds.get(1)).path("fields").path("CONTACT_ID").asText());
    }

    @Test
    void aLeadIsPushedOnceEvenWhenDrivenAgain() {
        String digits = Api.newMobileDigits();
        Leads.post(digits, "Once");
        push();
        int before = b24Requests(digits).size();
        runner.drain(Bitrix24Connector.ID);
        assertEquals(before, b24Requests(digits).size());
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundAgainInsteadOfCreatedTwice() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing("crm.duplicate.findbycomm")).withRequestBody(containing(digits))
                .willReturn(CrmWireMock.json(CrmWireMock.batch("{\"phone\":{\"CONTACT\":[5]},\"email\":[]}")))));
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "crm.lead.add.json")).atPriority(1)
                .withRequestBody(containing(digits)).willReturn(aResponse().withStatus(502))));
        JsonPath lead = Leads.post(digits, "Lost");
        assertEquals(Step.RETRY, push(), "a 5xx on a create is not repeated blindly");

        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing("crm.lead.list"))
                .withRequestBody(containing("filter[ORIGIN_ID]=" + lead.getString("leadId") + "&"))
                .willReturn(CrmWireMock.json(CrmWireMock.batch("{\"sent\":[{\"ID\":\"9001\"}]}")))));
        assertEquals(Step.IDLE, push());

        assertEquals(1, b24Requests(digits).stream().filter(r -> r.getUrl().endsWith("crm.lead.add.json")).count(),
                "the lead Bitrix24 created is linked, not created again");
        assertEquals("9001", links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
    }

    @Test
    void queryLimitExceededSlowsDownAndRetries() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing(digits)).inScenario("limit-" + digits).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("served")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}"))));
        JsonPath lead = Leads.post(digits, "Patient");

        assertEquals(Step.IDLE, push());

        List<LoggedRequest> lookups = b24Requests(digits).stream()
                .filter(r -> r.getBodyAsString().contains("crm.duplicate.findbycomm")).toList();
        assertEquals(2, lookups.size(), "refused once, sent again");
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
    }

    @Test
    void aBurstOfLeadsIsHeldToTheTokenBucket() {
        for (int i = 0; i < 14; i++) {
            Leads.post(Api.newMobileDigits(), "Burst " + i);
        }
        push();

        List<LoggedRequest> all = new ArrayList<>(server.findAll(postRequestedFor(urlPathMatching("/rest/.*"))));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertTrue(all.size() >= 28, "two requests a lead: more than the burst of 10");
        int burst = 10;
        double rate = 5;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i; j < all.size(); j++) {
                double seconds = (all.get(j).getLoggedDate().getTime() - all.get(i).getLoggedDate().getTime()) / 1000.0;
                int count = j - i + 1;
                // the bucket allows burst + rate × t; one more for WireMock's millisecond timestamps
                assertTrue(count <= burst + rate * seconds + 1,
                        count + " requests within " + seconds + " s exceed burst " + burst + " + " + rate + "/s");
            }
        }
    }

    @Test
    void refusedCredentialsStopTheConnectorAlertAndSendNothingMore() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing(digits))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}"))));
        Leads.post(digits, "Stopper");

        assertEquals(Step.STOPPED, push());
        assertEquals(1, b24Requests(digits).size(), "an auth error is not retried");

        given().get("/q/health/group/crm-connectors").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.bitrix24", containsString("stopped (expired_token"));
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'CRM connectors' }.status", equalTo("UP"));
        given().get("/q/metrics").then().body(containsString("leadgate_crm_stopped{crm=\"bitrix24\"} 1.0"));

        int total = server.findAll(postRequestedFor(urlPathMatching("/rest/.*"))).size();
        String later = Api.newMobileDigits();
        Leads.post(later, "Waiting");
        assertEquals(Step.STOPPED, push());
        assertEquals(total, server.findAll(postRequestedFor(urlPathMatching("/rest/.*"))).size(), "nothing sent while stopped");

        api().get("/api/connectors").then().statusCode(200)
                .body("find { it.id == 'bitrix24' }.state", equalTo("stopped"));
        ownStubs.forEach(server::removeStub);
        ownStubs.clear();
        api().post("/api/connectors/bitrix24/resume").then().statusCode(200).body("state", equalTo("running"));
        api().post("/api/connectors/nope/resume").then().statusCode(404);
        assertEquals(Step.IDLE, push());
        assertFalse(b24Requests(later).isEmpty(), "the waiting lead goes once resumed");
        given().get("/q/health/group/crm-connectors").then().statusCode(200);
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'CRM connectors' }.data.bitrix24", containsString("running"))
                .body("checks.name", hasItem("CRM connectors"));
    }

    @Test
    void theDocumentedAccessDeniedAnswerToALeadAddStopsTheConnector() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing("crm.duplicate.findbycomm")).withRequestBody(containing(digits))
                .willReturn(CrmWireMock.json(CrmWireMock.batch("{\"phone\":{\"CONTACT\":[5]},\"email\":[]}")))));
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "crm.lead.add.json")).atPriority(1)
                .withRequestBody(containing(digits))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(CrmWireMock.sample("webforms/bitrix24/b24restdocs__crm.lead.add.error_response.json")))));
        Leads.post(digits, "Denied");

        assertEquals(Step.STOPPED, push());
        assertEquals(1, b24Requests(digits).stream().filter(r -> r.getUrl().endsWith("crm.lead.add.json")).count());
    }

    @Test
    void aRedirectStopsTheConnectorAsMisconfiguredInsteadOfSkippingEveryLead() {
        String digits = Api.newMobileDigits();
        // a webhook URL that no longer leads to the REST API: the portal redirects to its login page
        ownStubs.add(server.stubFor(post(urlPathMatching("/rest/.*")).atPriority(1).withRequestBody(containing(digits))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "https://portal.example/auth/"))));
        JsonPath lead = Leads.post(digits, "Moved Away");

        assertEquals(Step.STOPPED, push());
        assertEquals(Step.STOPPED, push());
        assertEquals(1, b24Requests(digits).size(), "not followed, not retried, and the lead is not skipped");
        given().get("/q/health/group/crm-connectors").then().statusCode(503)
                .body("checks[0].data.bitrix24", containsString("stopped (http_302"));

        ownStubs.forEach(server::removeStub);
        ownStubs.clear();
        runner.resume(Bitrix24Connector.ID);
        assertEquals(Step.IDLE, push());
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow(),
                "after the fix the same lead goes out");
    }

    @Test
    void aSuccessStatusWithoutAResultIsNotASuccess() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(1)
                .withRequestBody(containing("crm.contact.add")).withRequestBody(containing(digits))
                .inScenario("cut-" + digits).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("served").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"result\":"))));
        JsonPath lead = Leads.post(digits, "Cut Answer");

        assertEquals(Step.RETRY, push());
        assertTrue(links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).isEmpty());
        assertEquals(Step.IDLE, push());
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
    }

    /** Gives the committed events their positions and lets the connector push what is pending. */
    private Step push() {
        sequencer.sequence();
        return runner.drain(Bitrix24Connector.ID);
    }

    /** Every field the documented crm.lead.add request has and we send is shaped the same way. */
    private static void matchesDocumentedShape(JsonNode sent) {
        JsonNode sample = read(CrmWireMock.sample("webforms/bitrix24/b24restdocs__crm.lead.add.request.json"));
        assertEquals(sample.path("params"), sent.path("params"));
        for (Iterator<String> it = sent.path("fields").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode documented = sample.path("fields").get(name);
            if (documented != null) {
                assertEquals(documented.getNodeType(), sent.path("fields").get(name).getNodeType(), name);
                if (documented.isArray()) {
                    assertEquals(iterable(documented.get(0).fieldNames()), iterable(sent.path("fields").get(name).get(0).fieldNames()), name);
                }
            }
        }
        assertEquals("NEW", sent.path("fields").path("STATUS_ID").asText());
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static List<LoggedRequest> b24Requests(String digits) {
        List<LoggedRequest> found = new ArrayList<>(server.findAll(postRequestedFor(urlPathMatching("/rest/.*"))
                .withRequestBody(containing(digits))));
        found.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return found;
    }

    private static LoggedRequest single(List<LoggedRequest> requests, String method) {
        List<LoggedRequest> matching = requests.stream().filter(r -> r.getUrl().endsWith(method)).toList();
        assertEquals(1, matching.size(), method);
        return matching.get(0);
    }

    private static JsonNode body(LoggedRequest request) {
        return read(request.getBodyAsString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String decoded(String command) {
        return URLDecoder.decode(command, StandardCharsets.UTF_8);
    }
}
