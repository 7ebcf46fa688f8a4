package io.leadgate.delivery.crm.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2 sessions of the connectors whose application is configured ({@code leadgate.crm.<id>.oauth.client-id}
 * and {@code .client-secret}); a connector without one keeps its long-lived token or incoming-webhook URL.
 */
@ApplicationScoped
public class CrmOAuth {

    /** Bitrix24's central authorization server. */
    public static final String BITRIX24_TOKEN_URL = "https://oauth.bitrix.info/oauth/token/";

    private final Map<String, OAuthSession> sessions = new HashMap<>();

    CrmOAuth(CrmSyncConfig config, LeadgateConfig leadgate, SealedTokenRepository repository, ObjectMapper mapper,
             Clock clock) {
        Optional<String> amoBase = leadgate.connectors().amocrm().baseUrl().filter(u -> !u.isBlank())
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        session("amocrm", TokenEndpoint.Style.AMOCRM, config.amocrm().oauth(),
                amoBase.map(b -> b + "/oauth2/access_token"), leadgate.connectors().amocrm().timeout(), repository,
                mapper, clock);
        session("bitrix24", TokenEndpoint.Style.BITRIX24, config.bitrix24().oauth(), Optional.of(BITRIX24_TOKEN_URL),
                leadgate.connectors().bitrix24().timeout(), repository, mapper, clock);
    }

    private void session(String crm, TokenEndpoint.Style style, CrmSyncConfig.OAuth oauth, Optional<String> defaultUrl,
                         Duration timeout, TokenRepository repository, ObjectMapper mapper, Clock clock) {
        Optional<String> clientId = oauth.clientId().filter(s -> !s.isBlank());
        Optional<String> secret = oauth.clientSecret().filter(s -> !s.isBlank());
        Optional<String> url = oauth.tokenUrl().filter(s -> !s.isBlank()).or(() -> defaultUrl);
        if (clientId.isEmpty() || secret.isEmpty() || url.isEmpty()) {
            return;
        }
        Optional<TokenEndpoint.Grant> grant = oauth.authorizationCode().filter(s -> !s.isBlank()).map(TokenEndpoint.Grant::code)
                .or(() -> oauth.refreshToken().filter(s -> !s.isBlank()).map(TokenEndpoint.Grant::refresh));
        TokenEndpoint endpoint = new TokenEndpoint(style, url.get(), clientId.get(), secret.get(),
                oauth.redirectUri().orElse(null), timeout, mapper);
        sessions.put(crm, new OAuthSession(crm, endpoint, repository, clientId.get() + "\n" + secret.get(), grant,
                oauth.refreshAhead(), clock));
    }

    /** The OAuth session of a connector, when its application is configured. */
    public Optional<OAuthSession> session(String crm) {
        return Optional.ofNullable(sessions.get(crm));
    }

    Map<String, OAuthSession> sessions() {
        return sessions;
    }
}
