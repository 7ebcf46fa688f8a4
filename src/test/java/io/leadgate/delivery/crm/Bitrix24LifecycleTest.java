package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.amocrm.AmoCrmConnector;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Connector;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.delivery.crm.CrmJournal.body;
import static io.leadgate.delivery.crm.CrmWireMock.B24_HOOK;
import static io.leadgate.delivery.crm.CrmWireMock.server;
import static io.leadgate.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lead's whole life told to Bitrix24, against WireMock answering with the documented shapes
 * (fixtures/crm/bitrix24): the stub records exactly the expected calls, in order.
 */
@QuarkusTest
@TestProfile(CrmConnectorsProfile.class)
class Bitrix24LifecycleTest {

    private static final String REST = "/rest/";

    @Inject
    OutboxSequencer sequencer;
    @Inject
    ConnectorRunner runner;
    @Inject
    CrmLinks links;
    @Inject
    EventLog events;

    private final List<StubMapping> ownStubs = new ArrayList<>();

    @BeforeEach
    void quiet() {
        push(); // what other tests left pending
    }

    @AfterEach
    void cleanUp() {
        ownStubs.forEach(server::removeStub);
        ownStubs.clear();
        runner.resume(Bitrix24Connector.ID);
        push();
    }

    @Test
    void newLeadRepeatInquiryConversionMoveAndWinReachBitrix24AsExactlyTheseCalls() {
        CrmJournal.Life life = CrmJournal.live(this::push);
        CrmJournal journal = life.journal();
        String deal = life.deal();
        String email = life.email();

        assertEquals(List.of("POST batch.json", "POST batch.json", "POST crm.timeline.comment.add.json",
                "POST crm.contact.get.json", "POST crm.contact.update.json", "POST crm.deal.add.json",
                "POST crm.lead.update.json", "POST crm.deal.update.json"), journal.calls(REST),
                "lookup, contact + lead; the repeat inquiry's comment and new email; the deal and the lead converted; won "
                        + "(the move to an unmapped in-progress stage changes no field Bitrix24 holds)");
        List<LoggedRequest> sent = journal.since(REST);
        JsonNode comment = body(sent.get(2)).path("fields");
        assertEquals("lead", comment.path("ENTITY_TYPE").asText());
        assertEquals(CrmWireMock.B24_LEAD, comment.path("ENTITY_ID").asInt());
        assertTrue(comment.path("COMMENT").asText().startsWith("Repeat inquiry via webform (tilda)"), comment.toString());
        assertTrue(comment.path("COMMENT").asText().contains("Any news on my quote?"));
        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT), body(sent.get(3)).path("id").asText());
        JsonNode update = body(sent.get(4));
        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT), update.path("id").asText());
        assertEquals(email, update.path("fields").path("EMAIL").path(0).path("VALUE").asText(), "only the new email");
        assertTrue(update.path("fields").path("PHONE").isMissingNode(), "the phone it has is not sent again");
        JsonNode dealAdd = body(sent.get(5)).path("fields");
        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT), dealAdd.path("CONTACT_ID").asText());
        assertEquals(String.valueOf(CrmWireMock.B24_LEAD), dealAdd.path("LEAD_ID").asText());
        assertEquals("deal-" + deal, dealAdd.path("ORIGIN_ID").asText());
        assertEquals("CONVERTED", body(sent.get(6)).path("fields").path("STATUS_ID").asText());
        assertEquals("WON", body(sent.get(7)).path("fields").path("STAGE_ID").asText());
        assertEquals("2101", links.remoteId(Bitrix24Connector.ID, CrmLinks.DEAL, Long.valueOf(deal)).orElseThrow());
    }

    @Test
    void junkGoesToTheJunkStatusWithItsReasonInTheTimeline() {
        JsonPath lead = Leads.post(Api.newMobileDigits(), "Spam Bot");
        push();
        CrmJournal journal = CrmJournal.mark();

        CrmJournal.junk(lead.getString("leadId"), "spam");
        push();

        assertEquals(List.of("POST crm.lead.update.json", "POST crm.timeline.comment.add.json"), journal.calls(REST));
        List<LoggedRequest> sent = journal.since(REST);
        assertEquals("JUNK", body(sent.get(0)).path("fields").path("STATUS_ID").asText());
        assertTrue(body(sent.get(1)).path("fields").path("COMMENT").asText().startsWith("Junk: spam"));
    }

    @Test
    void aCommentWhoseAnswerWasLostIsFoundAgainInsteadOfAddedTwice() {
        String digits = Api.newMobileDigits();
        JsonPath lead = Leads.post(digits, "Lost Answer");
        push();
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "crm.timeline.comment.add.json")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))));
        CrmJournal journal = CrmJournal.mark();

        CrmJournal.junk(lead.getString("leadId"), "spam");
        assertEquals(Step.RETRY, push(), "the comment's answer was lost");

        String sentComment = body(journal.since(B24_HOOK + "crm.timeline.comment.add").get(0))
                .path("fields").path("COMMENT").asText();
        server.removeStub(ownStubs.remove(0));
        ownStubs.add(server.stubFor(post(urlEqualTo(B24_HOOK + "crm.timeline.comment.list.json")).atPriority(1)
                .willReturn(CrmWireMock.json("{\"result\":[{\"ID\":\"7302\",\"COMMENT\":" + quote(sentComment)
                        + "}],\"total\":1}"))));
        runner.resume(Bitrix24Connector.ID);
        assertEquals(Step.IDLE, push());

        assertEquals(List.of("POST crm.lead.update.json", "POST crm.timeline.comment.add.json",
                "POST crm.lead.update.json", "POST crm.timeline.comment.list.json"), journal.calls(REST),
                "the status again (an absolute value), then the comment looked up, not added again");
    }

    @Test
    void aChangeBitrix24ItselfReportedIsNotSentBackButOtherCrmsAreTold() {
        runner.drain(AmoCrmConnector.ID);
        JsonPath lead = Leads.post(Api.newMobileDigits(), "Echo");
        push();
        runner.drain(AmoCrmConnector.ID);
        CrmJournal journal = CrmJournal.mark();
        long leadId = lead.getLong("leadId");
        long contactId = lead.getLong("contactId");

        QuarkusTransaction.requiringNew().run(() -> events.append(EventTypes.LEAD_UPDATED, "form", contactId, leadId,
                null, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("actor", "crm:bitrix24")
                        .set("lead", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                                .put("id", String.valueOf(leadId)).put("status", "junk").put("junkReason", "spam")),
                Instant.now()));
        push();
        runner.drain(AmoCrmConnector.ID);

        assertEquals(List.of(), journal.calls(REST), "the echo is not sent back to Bitrix24");
        assertEquals(List.of("PATCH /api/v4/leads/" + CrmWireMock.AMO_LEAD, "POST /api/v4/leads/notes"),
                journal.calls("/api/"), "amoCRM did not report it: it is told");
    }

    @Test
    void mergedCardsMergeTheirBitrix24Contacts() {
        JsonPath a = Leads.post(Api.newMobileDigits(), "Twin A");
        push();
        JsonPath b = Leads.post(Api.newMobileDigits(), "Twin B");
        push();
        long target = a.getLong("contactId");
        long source = b.getLong("contactId");
        links.link(Bitrix24Connector.ID, CrmLinks.CONTACT, source, "contact", "502"); // B's contact is another one
        CrmJournal journal = CrmJournal.mark();

        api().contentType("application/json").body("{\"sourceId\":\"" + source + "\"}")
                .post("/api/contacts/" + target + "/merge").then().statusCode(200);
        push();

        assertEquals(List.of("POST crm.entity.mergeBatch.json"), journal.calls(REST));
        JsonNode params = body(journal.since(REST).get(0)).path("params");
        assertEquals(3, params.path("entityTypeId").asInt());
        assertEquals(CrmWireMock.B24_NEW_CONTACT, params.path("entityIds").path(0).asInt());
        assertEquals(502, params.path("entityIds").path(1).asInt());
        assertEquals(String.valueOf(CrmWireMock.B24_NEW_CONTACT),
                links.remoteId(Bitrix24Connector.ID, CrmLinks.CONTACT, source).orElseThrow(),
                "502 was merged away: both cards now name the survivor");
    }

    private Step push() {
        sequencer.sequence();
        return runner.drain(Bitrix24Connector.ID);
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
