package io.leadgate.delivery.crm.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.crm.CrmAnswer;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmFailure.Kind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An OAuth 2 token endpoint: exchanges an authorization code or a refresh token for new tokens. Two styles:
 * <ul>
 *   <li>{@link Style#AMOCRM}: {@code POST <account>/oauth2/access_token} with a JSON body of {@code client_id},
 *   {@code client_secret}, {@code grant_type}, {@code code} or {@code refresh_token} and {@code redirect_uri}; answer
 *   {@code {token_type, expires_in, access_token, refresh_token}}
 *   (https://www.amocrm.ru/developers/content/oauth/step-by-step);</li>
 *   <li>{@link Style#BITRIX24}: {@code GET https://oauth.bitrix.info/oauth/token/?grant_type=…&client_id=…&client_secret=…
 *   &refresh_token=…} (or {@code code=…}); answer {@code {access_token, expires_in, refresh_token, client_endpoint,
 *   member_id, …}} (https://apidocs.bitrix24.com/api-reference/oauth/index.html).</li>
 * </ul>
 * A refused grant (4xx: {@code invalid_grant}, a revoked or used refresh token, a wrong client) is {@link Kind#AUTH}:
 * the connector stops until it is authorized again; 5xx and timeouts are retryable. Messages never hold a token.
 */
public class TokenEndpoint {

    public enum Style { AMOCRM, BITRIX24 }

    /** What to ask for: {@code authorization_code} with a code, or {@code refresh_token} with a refresh token. */
    public record Grant(String type, String value) {
        public static Grant code(String code) {
            return new Grant("authorization_code", code);
        }

        public static Grant refresh(String refreshToken) {
            return new Grant("refresh_token", refreshToken);
        }

        @Override
        public String toString() {
            return "Grant[" + type + "]";
        }
    }

    private final Style style;
    private final String url;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public TokenEndpoint(Style style, String url, String clientId, String clientSecret, String redirectUri,
                         Duration timeout, ObjectMapper mapper) {
        this.style = style;
        this.url = url;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.timeout = timeout;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** What a token answer gave: the tokens and, from Bitrix24, the account's {@code member_id} (null otherwise). */
    public record Exchanged(OAuthTokens tokens, String memberId) {
    }

    /** Asks for tokens; {@code now} dates their expiry. */
    public OAuthTokens request(Grant grant, String grantHash, Instant now) throws CrmFailure, InterruptedException {
        return exchange(grant, grantHash, now).tokens();
    }

    /** Asks for tokens and answers what else the token answer named. */
    public Exchanged exchange(Grant grant, String grantHash, Instant now) throws CrmFailure, InterruptedException {
        String field = "authorization_code".equals(grant.type()) ? "code" : "refresh_token";
        HttpRequest request;
        if (style == Style.AMOCRM) {
            ObjectNode body = mapper.createObjectNode().put("client_id", clientId).put("client_secret", clientSecret)
                    .put("grant_type", grant.type()).put(field, grant.value());
            if (redirectUri != null) {
                body.put("redirect_uri", redirectUri);
            }
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        } else {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("grant_type", grant.type());
            query.put("client_id", clientId);
            query.put("client_secret", clientSecret);
            query.put(field, grant.value());
            String q = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            request = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + q)).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CrmFailure(Kind.RETRYABLE, "io", name() + " token endpoint unreachable: " + e.getClass().getSimpleName());
        }
        CrmAnswer answer = CrmAnswer.of(response.statusCode(), response.body(), mapper);
        if (!answer.success() || answer.json().hasNonNull("error")) {
            throw refused(answer, grant);
        }
        JsonNode json = answer.json();
        String access = answer.require(name(), "token", "/access_token").asText();
        String refresh = answer.require(name(), "token", "/refresh_token").asText();
        long expiresIn = json.path("expires_in").asLong(0);
        if (expiresIn <= 0) {
            throw new CrmFailure(Kind.RETRYABLE, "invalid_answer", name() + " token answer without expires_in");
        }
        String endpoint = json.path("client_endpoint").asText("");
        String memberId = json.path("member_id").asText("");
        return new Exchanged(new OAuthTokens(access, refresh, now.plusSeconds(expiresIn),
                endpoint.isEmpty() ? null : endpoint, grantHash), memberId.isEmpty() ? null : memberId);
    }

    /** What a failed token answer means (package-private for tests). */
    CrmFailure refused(CrmAnswer answer, Grant grant) {
        int status = answer.status();
        String error = answer.text("error");
        String hint = answer.text("hint").isEmpty() ? answer.text("error_description") : answer.text("hint");
        String code = error.isEmpty() ? "http_" + status : error;
        if (CrmAnswer.kind(status) == Kind.RETRYABLE) { // a token refresh that may be tried again, as any CRM call
            return new CrmFailure(Kind.RETRYABLE, code, name() + " token endpoint answered " + status);
        }
        String detail = hint.isEmpty() ? "" : " (" + (hint.length() <= 120 ? hint : hint.substring(0, 120)) + ")";
        return new CrmFailure(Kind.AUTH, "oauth_" + code.toLowerCase(java.util.Locale.ROOT),
                name() + " refused the " + grant.type().replace('_', ' ') + " with " + status + detail
                        + ": authorize the application again (docs/crm)");
    }

    private String name() {
        return style == Style.AMOCRM ? "amoCRM" : "Bitrix24";
    }
}
