package io.leadgate.delivery.crm.oauth;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.ConnectorRunner.Step;
import io.leadgate.delivery.crm.CrmOAuthProfile;
import io.leadgate.delivery.crm.CrmWireMockAccess;
import io.leadgate.delivery.crm.amocrm.AmoCrmConnector;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * amoCRM through an OAuth 2 integration, against WireMock answering {@code /oauth2/access_token} as documented: a
 * refused grant stops the connector with a clear state; once the grant is answered, leads go out with the access
 * token, which is stored sealed.
 */
@QuarkusTest
@TestProfile(CrmOAuthProfile.class)
class CrmOAuthTest {

    @Inject
    ConnectorRunner runner;
    @Inject
    EntityManager em;
    @Inject
    OutboxSequencer sequencer;

    @Test
    void refusedRefreshStopsTheConnectorAndAnAnsweredOnePushesWithTheAccessToken() {
        StubMapping refused = CrmWireMockAccess.stub(post(urlEqualTo("/oauth2/access_token")).atPriority(1)
                .withRequestBody(containing(CrmOAuthProfile.INITIAL_REFRESH))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody(OAuthSessionTest.fixture("amocrm/oauth2.access_token.error.json"))));
        given().contentType(ContentType.JSON).body("{\"name\":\"Vera\",\"phone\":\"+7" + Api.newMobileDigits()
                + "\",\"message\":\"Hello\"}").post("/hooks/form").then().statusCode(200);

        sequencer.sequence();
        assertEquals(Step.STOPPED, runner.drain(AmoCrmConnector.ID));
        api().get("/api/connectors").then().statusCode(200)
                .body("find { it.id == 'amocrm' }.state", org.hamcrest.Matchers.equalTo("stopped"))
                .body("find { it.id == 'amocrm' }.detail", containsString("authorize the application again"));

        CrmWireMockAccess.remove(refused);
        StubMapping granted = CrmWireMockAccess.stub(post(urlEqualTo("/oauth2/access_token")).atPriority(1)
                .withRequestBody(containing("\"grant_type\":\"refresh_token\""))
                .withRequestBody(containing(CrmOAuthProfile.INITIAL_REFRESH))
                .withRequestBody(containing("\"redirect_uri\":\"https://leadgate.example/crm/amocrm/oauth\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OAuthSessionTest.fixture("amocrm/oauth2.access_token.response.json")
                                .replace("{ACCESS}", "amo-oauth-access-1").replace("{REFRESH}", "amo-refresh-2"))));
        try {
            runner.resume(AmoCrmConnector.ID);
            assertEquals(Step.IDLE, runner.drain(AmoCrmConnector.ID));
            CrmWireMockAccess.verify(postRequestedFor(urlEqualTo("/api/v4/leads/complex"))
                    .withHeader("Authorization", equalTo("Bearer amo-oauth-access-1")));
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select key_id, access_token, refresh_token from crm_oauth_token where crm = 'amocrm'").getSingleResult());
            assertNotEquals(null, row[0], "sealed under the channel key");
            assertFalse(((String) row[1]).contains("amo-oauth-access-1"));
            assertFalse(((String) row[2]).contains("amo-refresh-2"));
        } finally {
            CrmWireMockAccess.remove(granted);
        }
    }
}
