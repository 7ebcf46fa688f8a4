package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.amocrm.AmoCrmConnector;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The amoCRM connector against WireMock answering as an account's API v4. */
@QuarkusTest
@TestProfile(CrmConnectorsProfile.class)
class AmoCrmConnectorTest {

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
        runner.resume(AmoCrmConnector.ID);
        push();
    }

    @Test
    void newLeadIsCreatedWithItsContactEmbeddedAndTheIdsAreKept() throws Exception {
        String digits = Api.newMobileDigits();
        JsonPath lead = Leads.post(digits, "Olga");

        assertEquals(Step.IDLE, push());

        List<LoggedRequest> sent = amoRequests(digits);
        assertEquals(1, sent.size());
        assertEquals("Bearer " + CrmWireMock.AMO_TOKEN, sent.get(0).getHeader("Authorization"));
        JsonNode body = JSON.readTree(sent.get(0).getBodyAsString());
        assertTrue(body.isArray() && body.size() == 1, "leads/complex takes an array of leads");
        JsonNode contact = body.get(0).path("_embedded").path("contacts").get(0);
        assertEquals("Olga", contact.path("name").asText());
        assertEquals("PHONE", contact.path("custom_fields_values").get(0).path("field_code").asText());
        assertEquals("+7" + digits, contact.path("custom_fields_values").get(0).path("values").get(0).path("value").asText());
        assertEquals(String.valueOf(CrmWireMock.AMO_LEAD),
                links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
        assertEquals(String.valueOf(CrmWireMock.AMO_CONTACT),
                links.remoteId(AmoCrmConnector.ID, CrmLinks.CONTACT, lead.getLong("contactId")).orElseThrow());
    }

    @Test
    void returningClientsNextLeadEmbedsTheKnownContactById() throws Exception {
        String digits = Api.newMobileDigits();
        JsonPath first = Leads.post(digits, "Again");
        push();
        Leads.close(first.getString("leadId"));
        Leads.post(digits, "Again", "Back again");
        push();

        List<LoggedRequest> sent = amoRequests(digits);
        assertEquals(1, sent.size(), "the second request names the contact by id only");
        List<LoggedRequest> all = server.findAll(postRequestedFor(urlEqualTo("/api/v4/leads/complex")));
        JsonNode last = JSON.readTree(all.get(all.size() - 1).getBodyAsString());
        assertEquals(CrmWireMock.AMO_CONTACT, last.get(0).path("_embedded").path("contacts").get(0).path("id").asInt());
    }

    @Test
    void forbiddenIsNeverRetriedAndStopsTheConnector() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo("/api/v4/leads/complex")).atPriority(1)
                .withRequestBody(containing(digits))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Forbidden\",\"type\":\"https://httpstatus.es/403\",\"status\":403,"
                                + "\"detail\":\"Account is blocked\"}"))));
        Leads.post(digits, "Blocked");

        assertEquals(Step.STOPPED, push());
        assertEquals(1, amoRequests(digits).size(), "403 is not retried");
        assertEquals(Step.STOPPED, push());
        assertEquals(1, amoRequests(digits).size(), "nothing is sent while stopped");
        given().get("/q/health/group/crm-connectors").then().statusCode(503)
                .body("checks[0].data.amocrm", containsString("stopped (http_403"));
    }

    @Test
    void tooManyRequestsIsRetriedAfterAPause() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo("/api/v4/leads/complex")).atPriority(1)
                .withRequestBody(containing(digits)).inScenario("429-" + digits).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("served").willReturn(aResponse().withStatus(429))));
        JsonPath lead = Leads.post(digits, "Later");

        assertEquals(Step.IDLE, push());

        assertEquals(2, amoRequests(digits).size());
        assertEquals(String.valueOf(CrmWireMock.AMO_LEAD),
                links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
        given().get("/q/health/group/crm-connectors").then().body("checks[0].data.amocrm", containsString("running"));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsMarkerAndNeverCreatedTwice() throws Exception {
        String digits = Api.newMobileDigits();
        // amoCRM creates the lead but its answer comes after the connector's timeout (2 s in this profile)
        ownStubs.add(server.stubFor(post(urlEqualTo("/api/v4/leads/complex")).atPriority(1)
                .withRequestBody(containing(digits))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(4000).withBody("[{\"id\":777001,\"contact_id\":777002}]"))));
        JsonPath lead = Leads.post(digits, "Slow");
        String marker = "leadgate-" + lead.getLong("leadId");

        assertEquals(Step.RETRY, push(), "a timed-out create is retried later");
        List<LoggedRequest> created = amoRequests(digits);
        assertEquals(1, created.size());
        String name = JSON.readTree(created.get(0).getBodyAsString()).get(0).path("name").asText();
        assertTrue(name.endsWith("[" + marker + "]"), "the lead carries its marker: " + name);
        assertTrue(links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).isEmpty());

        // amoCRM's search finds it by the marker
        ownStubs.add(server.stubFor(get(urlPathEqualTo("/api/v4/leads")).atPriority(1)
                .withQueryParam("query", equalTo(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"_page\":1,\"_embedded\":{\"leads\":[{\"id\":777001,\"name\":"
                                + JSON.writeValueAsString(name) + ",\"_embedded\":{\"contacts\":[{\"id\":777002,"
                                + "\"is_main\":true}]}}]}}"))));
        assertEquals(Step.IDLE, push());

        assertEquals(1, amoRequests(digits).size(), "found, not created a second time");
        assertEquals(1, server.findAll(getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withQueryParam("query", equalTo(marker))).size());
        assertEquals("777001", links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
        assertEquals("777002", links.remoteId(AmoCrmConnector.ID, CrmLinks.CONTACT, lead.getLong("contactId")).orElseThrow());
    }

    @Test
    void aSuccessStatusWithoutALeadIdIsNotASuccess() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo("/api/v4/leads/complex")).atPriority(1)
                .withRequestBody(containing(digits)).inScenario("html-" + digits).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("served").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Please log in</body></html>"))));
        JsonPath lead = Leads.post(digits, "Html");

        assertEquals(Step.RETRY, push());
        assertTrue(links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).isEmpty(),
                "nothing is linked from an answer that is not amoCRM's");
        given().get("/q/health/group/crm-connectors").then().body("checks[0].data.amocrm", containsString("invalid_answer"));

        // the search (nothing found: 204) comes before the second create
        assertEquals(Step.IDLE, push());
        assertEquals(2, amoRequests(digits).size());
        assertEquals(String.valueOf(CrmWireMock.AMO_LEAD),
                links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow());
    }

    @Test
    void notFoundStopsTheConnectorAsMisconfiguredInsteadOfSkippingEveryLead() {
        String digits = Api.newMobileDigits();
        ownStubs.add(server.stubFor(post(urlEqualTo("/api/v4/leads/complex")).atPriority(1)
                .withRequestBody(containing(digits))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("Not Found"))));
        JsonPath lead = Leads.post(digits, "Nowhere");

        assertEquals(Step.STOPPED, push());
        assertEquals(Step.STOPPED, push());
        assertEquals(1, amoRequests(digits).size(), "the lead is not skipped: it waits for the fix");
        given().get("/q/health/group/crm-connectors").then().statusCode(503)
                .body("checks[0].data.amocrm", containsString("stopped (http_404"));

        ownStubs.forEach(server::removeStub);
        ownStubs.clear();
        runner.resume(AmoCrmConnector.ID);
        assertEquals(Step.IDLE, push());
        assertEquals(String.valueOf(CrmWireMock.AMO_LEAD),
                links.remoteId(AmoCrmConnector.ID, CrmLinks.LEAD, lead.getLong("leadId")).orElseThrow(),
                "after the fix the same lead goes out");
    }

    private Step push() {
        sequencer.sequence();
        return runner.drain(AmoCrmConnector.ID);
    }

    private static List<LoggedRequest> amoRequests(String digits) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/v4/leads/complex")).withRequestBody(containing(digits)));
    }
}
