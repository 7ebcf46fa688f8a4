package io.leadgate.delivery.crm.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadgate.delivery.crm.CrmFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OAuth sessions against WireMock answering as amoCRM's {@code /oauth2/access_token} and Bitrix24's
 * {@code oauth.bitrix.info/oauth/token/} (fixtures/crm), with a clock the test moves; tokens kept in memory.
 */
class OAuthSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final MemoryTokens tokens = new MemoryTokens();

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void amoCrmCodeIsExchangedOnceAndTheTokenRefreshedBeforeItExpires() throws Exception {
        server.stubFor(post(urlEqualTo("/oauth2/access_token"))
                .withRequestBody(equalToJson("{\"client_id\":\"cid\",\"client_secret\":\"csecret\","
                        + "\"grant_type\":\"authorization_code\",\"code\":\"code-1\",\"redirect_uri\":\"https://lg.example/crm/amocrm/oauth\"}"))
                .willReturn(json(amo("amo-access-1", "amo-refresh-1"))));
        server.stubFor(post(urlEqualTo("/oauth2/access_token"))
                .withRequestBody(equalToJson("{\"client_id\":\"cid\",\"client_secret\":\"csecret\","
                        + "\"grant_type\":\"refresh_token\",\"refresh_token\":\"amo-refresh-1\",\"redirect_uri\":\"https://lg.example/crm/amocrm/oauth\"}"))
                .willReturn(json(amo("amo-access-2", "amo-refresh-2"))));
        OAuthSession session = amoSession(Optional.of(TokenEndpoint.Grant.code("code-1")));

        assertEquals("amo-access-1", session.accessToken());
        clock.move(Duration.ofHours(23)); // 86400 s tokens, refreshed 10 minutes ahead
        assertEquals("amo-access-1", session.accessToken(), "still valid: no request");
        server.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));

        clock.move(Duration.ofMinutes(51));
        assertEquals("amo-access-2", session.accessToken(), "refreshed before it expires");
        assertEquals("amo-refresh-2", tokens.load("amocrm").orElseThrow().refreshToken(), "the new refresh token kept");
        server.verify(2, postRequestedFor(urlEqualTo("/oauth2/access_token")));
    }

    @Test
    void aRefusedRefreshIsAnAuthFailureNamingWhatToDo() throws Exception {
        server.stubFor(post(urlEqualTo("/oauth2/access_token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody(fixture("amocrm/oauth2.access_token.error.json"))));
        OAuthSession session = amoSession(Optional.of(TokenEndpoint.Grant.refresh("revoked")));

        CrmFailure f = assertThrows(CrmFailure.class, session::accessToken);
        assertEquals(CrmFailure.Kind.AUTH, f.kind());
        assertTrue(f.getMessage().contains("authorize the application again"), f.getMessage());
        assertTrue(f.getMessage().contains("Token has been revoked"), f.getMessage());
        assertFalse(f.getMessage().contains("revoked\""), "no token in the message");
        assertTrue(tokens.load("amocrm").isEmpty());
    }

    @Test
    void withoutAConfiguredGrantTheSessionAsksForOne() {
        CrmFailure f = assertThrows(CrmFailure.class, () -> amoSession(Optional.empty()).accessToken());
        assertEquals("oauth_not_authorized", f.code());
    }

    @Test
    void bitrix24RefreshIsAGetWithTheClientAndKeepsTheClientEndpoint() throws Exception {
        String endpoint = server.baseUrl() + "/rest/";
        server.stubFor(get(urlPathEqualTo("/oauth/token/")).withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("client_id", equalTo("local.1")).withQueryParam("client_secret", equalTo("b24secret"))
                .withQueryParam("refresh_token", equalTo("b24-refresh-1"))
                .willReturn(json(fixture("bitrix24/oauth.token.response.json").replace("{ENDPOINT}", endpoint))));
        TokenEndpoint te = new TokenEndpoint(TokenEndpoint.Style.BITRIX24, server.baseUrl() + "/oauth/token/", "local.1",
                "b24secret", null, Duration.ofSeconds(2), JSON);
        OAuthSession session = new OAuthSession("bitrix24", te, tokens, "local.1",
                Optional.of(TokenEndpoint.Grant.refresh("b24-refresh-1")), Duration.ofMinutes(10), clock);

        assertEquals("b24-access-2", session.accessToken());
        assertEquals(Optional.of(endpoint), session.endpoint());
        assertEquals(Instant.parse("2026-12-02T11:00:00Z"), tokens.load("bitrix24").orElseThrow().expiresAt());
        server.verify(1, getRequestedFor(urlPathEqualTo("/oauth/token/")));
    }

    @Test
    void bitrix24InvalidGrantIsRefused() {
        server.stubFor(get(urlPathEqualTo("/oauth/token/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("bitrix24/oauth.token.error.json"))));
        TokenEndpoint te = new TokenEndpoint(TokenEndpoint.Style.BITRIX24, server.baseUrl() + "/oauth/token/", "local.1",
                "b24secret", null, Duration.ofSeconds(2), JSON);
        OAuthSession session = new OAuthSession("bitrix24", te, tokens, "local.1",
                Optional.of(TokenEndpoint.Grant.refresh("old")), Duration.ofMinutes(10), clock);
        CrmFailure f = assertThrows(CrmFailure.class, session::accessToken);
        assertEquals(CrmFailure.Kind.AUTH, f.kind());
        assertEquals("oauth_invalid_grant", f.code());
    }

    private OAuthSession amoSession(Optional<TokenEndpoint.Grant> grant) {
        TokenEndpoint te = new TokenEndpoint(TokenEndpoint.Style.AMOCRM, server.baseUrl() + "/oauth2/access_token", "cid",
                "csecret", "https://lg.example/crm/amocrm/oauth", Duration.ofSeconds(2), JSON);
        return new OAuthSession("amocrm", te, tokens, "cid", grant, Duration.ofMinutes(10), clock);
    }

    private static String amo(String access, String refresh) {
        return fixture("amocrm/oauth2.access_token.response.json").replace("{ACCESS}", access).replace("{REFRESH}", refresh);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String fixture(String name) {
        try (InputStream in = OAuthSessionTest.class.getResourceAsStream("/fixtures/crm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Tokens in memory, one update at a time. */
    static final class MemoryTokens implements TokenRepository {
        private final Map<String, OAuthTokens> rows = new HashMap<>();

        @Override
        public synchronized Optional<OAuthTokens> load(String crm) {
            return Optional.ofNullable(rows.get(crm));
        }

        @Override
        public synchronized OAuthTokens update(String crm, Update update) throws Exception {
            OAuthTokens next = update.apply(Optional.ofNullable(rows.get(crm)));
            rows.put(crm, next);
            return next;
        }
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
