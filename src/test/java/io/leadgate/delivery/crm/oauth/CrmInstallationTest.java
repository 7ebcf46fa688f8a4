package io.leadgate.delivery.crm.oauth;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leadgate.delivery.crm.CrmInstallProfile;
import io.leadgate.delivery.crm.CrmWireMockAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leadgate.delivery.crm.oauth.OAuthSessionTest.fixture;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Installing the OAuth applications from the CRM side, against WireMock answering the token endpoints with their
 * documented shapes: amoCRM's redirect (state issued by the gateway, referer checked, code exchanged at the account's
 * {@code /oauth2/access_token}) and Bitrix24's installation post (refresh token proven at the token endpoint, the
 * {@code ONAPPINSTALL} application token checked on events from then on).
 */
@QuarkusTest
@TestProfile(CrmInstallProfile.class)
class CrmInstallationTest {

    private static final String MEMBER = "5e1f0c2a9d3b4e7f8a6c1d2e3f4a5b6c";

    @Inject
    CrmOAuth oauth;

    private static String referer() {
        URI base = URI.create(CrmWireMockAccess.baseUrl());
        return base.getHost() + ":" + base.getPort();
    }

    private static String issueState() {
        String url = api().post("/api/connectors/amocrm/authorize").then().statusCode(200)
                .body("url", containsString("client_id=" + CrmInstallProfile.AMO_CLIENT_ID))
                .body("url", containsString("https://www.amocrm.ru/oauth?"))
                .extract().path("url");
        String state = api().post("/api/connectors/amocrm/authorize").then().extract().path("state");
        assertEquals(true, url.contains("state="), "the URL carries its state");
        return state;
    }

    @Test
    void amoCrmRedirectExchangesTheCodeOnceForAStateTheGatewayIssued() throws Exception {
        String code = "def50200-" + UUID.randomUUID();
        String state = issueState();
        StubMapping token = CrmWireMockAccess.stub(post(urlEqualTo("/oauth2/access_token")).atPriority(1)
                .withRequestBody(equalToJson("{\"client_id\":\"" + CrmInstallProfile.AMO_CLIENT_ID + "\",\"client_secret\":\""
                        + CrmInstallProfile.AMO_SECRET + "\",\"grant_type\":\"authorization_code\",\"code\":\"" + code
                        + "\",\"redirect_uri\":\"" + CrmInstallProfile.AMO_REDIRECT + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("amocrm/oauth2.access_token.response.json")
                                .replace("{ACCESS}", "amo-installed-access").replace("{REFRESH}", "amo-installed-refresh"))));
        try {
            given().queryParam("code", code).queryParam("referer", referer()).queryParam("state", state)
                    .queryParam("platform", "1").get("/crm/amocrm/oauth").then().statusCode(200)
                    .body(containsString("is connected to Leadgate"));

            assertEquals("amo-installed-access", oauth.session("amocrm").orElseThrow().accessToken());
            // the same redirect again: the state was used
            given().queryParam("code", code).queryParam("referer", referer()).queryParam("state", state)
                    .get("/crm/amocrm/oauth").then().statusCode(403).body("error", containsString("state"));
            CrmWireMockAccess.verify(exactly(1), postRequestedFor(urlEqualTo("/oauth2/access_token"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(code)));
        } finally {
            CrmWireMockAccess.remove(token);
        }
    }

    @Test
    void amoCrmRedirectRefusesAForeignRefererAnUnknownStateAndMissingParameters() {
        String code = "def50200-" + UUID.randomUUID();
        String state = issueState();
        given().queryParam("code", code).queryParam("referer", "attacker.example").queryParam("state", state)
                .get("/crm/amocrm/oauth").then().statusCode(403).body("error", containsString("referer"));
        given().queryParam("code", code).queryParam("referer", referer()).queryParam("state", "not-issued-" + code)
                .get("/crm/amocrm/oauth").then().statusCode(403).body("error", containsString("state"));
        given().queryParam("referer", referer()).queryParam("state", state)
                .get("/crm/amocrm/oauth").then().statusCode(400).body("error", containsString("code"));
        given().queryParam("error", "access_denied").queryParam("state", state)
                .get("/crm/amocrm/oauth").then().statusCode(400);
        CrmWireMockAccess.verify(exactly(0), postRequestedFor(urlEqualTo("/oauth2/access_token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(code)));
    }

    @Test
    void bitrix24InstallationProvesItsRefreshTokenAndItsApplicationTokenGuardsTheEvents() throws Exception {
        String refresh = "b24-install-refresh-" + UUID.randomUUID();
        String appToken = "app-" + UUID.randomUUID().toString().replace("-", "");
        String endpoint = CrmWireMockAccess.baseUrl() + "/rest/";
        StubMapping token = CrmWireMockAccess.stub(get(urlPathEqualTo("/oauth/token/")).atPriority(1)
                .withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("client_id", equalTo(CrmInstallProfile.B24_CLIENT_ID))
                .withQueryParam("client_secret", equalTo(CrmInstallProfile.B24_SECRET))
                .withQueryParam("refresh_token", equalTo(refresh))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitrix24/oauth.token.response.json").replace("{ENDPOINT}", endpoint))));
        String event = fixture("bitrix24/ONCRMLEADUPDATE.form").replace("{ID}", "3465").replace("{TS}", "1764669600");
        try {
            // the install page (an application with an interface)
            given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .body(fixture("bitrix24/install.form").replace("{REFRESH}", refresh).replace("{MEMBER}", MEMBER))
                    .post("/crm/bitrix24/install?DOMAIN=leadgate-test.bitrix24.ru&PROTOCOL=1&LANG=ru&APP_SID=9a1b2c3d")
                    .then().statusCode(200).contentType(containsString("text/html")).body(containsString("installFinish"));
            assertEquals("b24-access-2", oauth.session("bitrix24").orElseThrow().accessToken());
            assertEquals(endpoint, oauth.session("bitrix24").orElseThrow().endpoint().orElseThrow());

            // ONAPPINSTALL with the same installation's tokens: no second exchange, the application token is kept
            given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .body(fixture("bitrix24/ONAPPINSTALL.form").replace("{REFRESH}", refresh).replace("{MEMBER}", MEMBER)
                            .replace("{TOKEN}", appToken).replace("{TS}", "1764669601"))
                    .post("/crm/bitrix24/install").then().statusCode(200).body("applicationToken", org.hamcrest.Matchers.equalTo(true));
            CrmWireMockAccess.verify(exactly(1), getRequestedFor(urlPathEqualTo("/oauth/token/"))
                    .withQueryParam("refresh_token", equalTo(refresh)));

            given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(event.replace("{TOKEN}", appToken))
                    .post("/crm/bitrix24/events").then().statusCode(200);
            given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(event.replace("{TOKEN}", "other-token"))
                    .post("/crm/bitrix24/events").then().statusCode(403);

            // the install page again, without an application token: the stored one stays and still guards the events
            given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .body(fixture("bitrix24/install.form").replace("{REFRESH}", refresh).replace("{MEMBER}", MEMBER))
                    .post("/crm/bitrix24/install?DOMAIN=leadgate-test.bitrix24.ru&PROTOCOL=1&LANG=ru&APP_SID=9a1b2c3d")
                    .then().statusCode(200);
            given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .body(event.replace("{TOKEN}", appToken).replace("1764669600", "1764669602"))
                    .post("/crm/bitrix24/events").then().statusCode(200);
            given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(event.replace("{TOKEN}", "other-token"))
                    .post("/crm/bitrix24/events").then().statusCode(403);
        } finally {
            CrmWireMockAccess.remove(token);
        }
    }

    @Test
    void bitrix24InstallationWithAnUnprovenTokenKeepsNothing() {
        String forged = "forged-refresh-" + UUID.randomUUID();
        String foreign = "foreign-refresh-" + UUID.randomUUID();
        String forgedApp = "forged-app-" + UUID.randomUUID();
        StubMapping refused = CrmWireMockAccess.stub(get(urlPathEqualTo("/oauth/token/")).atPriority(1)
                .withQueryParam("refresh_token", equalTo(forged))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitrix24/oauth.token.error.json"))));
        StubMapping other = CrmWireMockAccess.stub(get(urlPathEqualTo("/oauth/token/")).atPriority(1)
                .withQueryParam("refresh_token", equalTo(foreign))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitrix24/oauth.token.response.json")
                                .replace("{ENDPOINT}", "https://other.bitrix24.ru/rest/"))));
        try {
            for (String refresh : new String[]{forged, foreign}) {
                String member = refresh.equals(forged) ? MEMBER : "0000000000000000000000000000beef";
                given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                        .body(fixture("bitrix24/ONAPPINSTALL.form").replace("{REFRESH}", refresh).replace("{MEMBER}", member)
                                .replace("{TOKEN}", forgedApp).replace("{TS}", "1764669700"))
                        .post("/crm/bitrix24/install").then().statusCode(403);
            }
            given().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .body(fixture("bitrix24/ONCRMLEADUPDATE.form").replace("{ID}", "3465").replace("{TS}", "1764669701")
                            .replace("{TOKEN}", forgedApp))
                    .post("/crm/bitrix24/events").then().statusCode(403);
            given().contentType(ContentType.URLENC.withCharset("UTF-8")).body("member_id=" + MEMBER)
                    .post("/crm/bitrix24/install").then().statusCode(400);
        } finally {
            CrmWireMockAccess.remove(refused);
            CrmWireMockAccess.remove(other);
        }
    }
}
