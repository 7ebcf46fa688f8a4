package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.TokenBucket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Bitrix24 client behind an OAuth application: each call asks the endpoint seam for the REST base
 * ({@code client_endpoint}) and a fresh access token, sent as {@code ?auth=}; the record read with {@code crm.lead.get}
 * (fixtures/crm/bitrix24) becomes a change. Against WireMock.
 */
class Bitrix24OAuthClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void callsGoToTheClientEndpointWithTheCurrentAccessToken() throws Exception {
        server.stubFor(post(urlPathEqualTo("/rest/crm.lead.get.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("crm.lead.get.response.json").replace("{ID}", "3465").replace("{STATUS}", "JUNK"))));
        AtomicInteger calls = new AtomicInteger();
        Bitrix24Client client = new Bitrix24Client(() -> new Bitrix24Client.Endpoint(server.baseUrl() + "/rest/",
                "access-" + calls.incrementAndGet()), Duration.ofSeconds(2), TokenBucket.system(10, 10), JSON, d -> { });

        JsonNode first = client.call("crm.lead.get", JSON.createObjectNode().put("id", "3465"), true);
        client.call("crm.lead.get", JSON.createObjectNode().put("id", "3465"), true);

        server.verify(postRequestedFor(urlPathEqualTo("/rest/crm.lead.get.json")).withQueryParam("auth", equalTo("access-1")));
        server.verify(postRequestedFor(urlPathEqualTo("/rest/crm.lead.get.json")).withQueryParam("auth", equalTo("access-2")));
        assertEquals("JUNK", Bitrix24Events.change("lead", "3465", first).statuses().get(0));
        assertEquals("1", Bitrix24Events.change("lead", "3465", first).responsible());
    }

    @Test
    void anExpiredTokenAnswerIsAnAuthFailure() {
        server.stubFor(post(urlPathEqualTo("/rest/crm.deal.get.json")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}")));
        Bitrix24Client client = new Bitrix24Client(() -> new Bitrix24Client.Endpoint(server.baseUrl() + "/rest/", "old"),
                Duration.ofSeconds(2), TokenBucket.system(10, 10), JSON, d -> { });
        CrmFailure f = assertThrows(CrmFailure.class,
                () -> client.call("crm.deal.get", JSON.createObjectNode().put("id", "1"), true));
        assertEquals(CrmFailure.Kind.AUTH, f.kind());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = Bitrix24OAuthClientTest.class.getResourceAsStream("/fixtures/crm/bitrix24/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
