package io.leadgate.delivery.crm.oauth;

import io.leadgate.channel.Secrets;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmFailure.Kind;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One connector's OAuth 2 access: answers a valid access token, refreshing it {@code refreshAhead} before it expires
 * (so a call never carries a token about to lapse). The first tokens come from the configured grant (an authorization
 * code or a refresh token); when that configured grant changes, the stored tokens are replaced by what it gives.
 * A refused grant is a {@link Kind#AUTH} failure, which stops the connector. Thread-safe.
 */
public class OAuthSession {

    private final String crm;
    private final TokenEndpoint endpoint;
    private final TokenRepository repository;
    private final Optional<TokenEndpoint.Grant> configured;
    private final String grantHash;
    private final Duration refreshAhead;
    private final Clock clock;
    private volatile OAuthTokens cached;

    public OAuthSession(String crm, TokenEndpoint endpoint, TokenRepository repository, String clientId,
                        Optional<TokenEndpoint.Grant> configured, Duration refreshAhead, Clock clock) {
        this.crm = crm;
        this.endpoint = endpoint;
        this.repository = repository;
        this.configured = configured;
        this.refreshAhead = refreshAhead;
        this.clock = clock;
        String material = clientId + "\n" + configured.map(g -> g.type() + "\n" + g.value()).orElse("");
        this.grantHash = Secrets.hex(Secrets.sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    /** A hash of the client and the configured grant: part of the connector's credential hash. */
    public String grantHash() {
        return grantHash;
    }

    /** A valid access token, refreshed first when it expires within {@code refreshAhead}. */
    public String accessToken() throws CrmFailure, InterruptedException {
        return tokens().accessToken();
    }

    /** The REST endpoint the last token answer named (Bitrix24's {@code client_endpoint}), if any. */
    public Optional<String> endpoint() throws CrmFailure, InterruptedException {
        return Optional.ofNullable(tokens().endpoint());
    }

    /** The current tokens, refreshed or first obtained when due. */
    public OAuthTokens tokens() throws CrmFailure, InterruptedException {
        OAuthTokens t = cached;
        if (t != null && fresh(t)) {
            return t;
        }
        synchronized (this) {
            t = cached;
            if (t != null && fresh(t)) {
                return t;
            }
            try {
                t = repository.update(crm, current -> {
                    if (current.isPresent() && current.get().grantHash().equals(grantHash) && fresh(current.get())) {
                        return current.get(); // another replica refreshed meanwhile
                    }
                    if (current.isEmpty() || !current.get().grantHash().equals(grantHash)) {
                        TokenEndpoint.Grant grant = configured.orElseThrow(() -> new CrmFailure(Kind.AUTH,
                                "oauth_not_authorized", "no OAuth tokens yet: set leadgate.crm." + crm
                                + ".oauth.authorization-code or .refresh-token, or install the application (docs/crm/oauth.md)"));
                        return endpoint.request(grant, grantHash, clock.instant());
                    }
                    OAuthTokens refreshed = endpoint.request(TokenEndpoint.Grant.refresh(current.get().refreshToken()),
                            grantHash, clock.instant());
                    return refreshed.endpoint() != null ? refreshed : new OAuthTokens(refreshed.accessToken(),
                            refreshed.refreshToken(), refreshed.expiresAt(), current.get().endpoint(), grantHash);
                });
            } catch (CrmFailure | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            cached = t;
            return t;
        }
    }

    /**
     * Exchanges a grant that an installation handed over (an amoCRM authorization code from the redirect, a Bitrix24
     * refresh token from the installation post) and keeps the tokens it gives in place of any stored ones, so the
     * connector uses them from its next call. {@code check} sees the answer before anything is stored and may refuse
     * it (by throwing); a refused grant is a {@link Kind#AUTH} failure and stores nothing.
     */
    public TokenEndpoint.Exchanged install(TokenEndpoint.Grant grant, InstallCheck check)
            throws CrmFailure, InterruptedException {
        synchronized (this) {
            TokenEndpoint.Exchanged[] answer = new TokenEndpoint.Exchanged[1];
            OAuthTokens t;
            try {
                t = repository.update(crm, current -> {
                    answer[0] = endpoint.exchange(grant, grantHash, clock.instant());
                    check.accept(answer[0]);
                    return answer[0].tokens();
                });
            } catch (CrmFailure | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            cached = t;
            return answer[0];
        }
    }

    /** A check of a token answer before it is kept. */
    @FunctionalInterface
    public interface InstallCheck {
        void accept(TokenEndpoint.Exchanged answer) throws CrmFailure;
    }

    private boolean fresh(OAuthTokens t) {
        return t.expiresAt().minus(refreshAhead).isAfter(clock.instant());
    }
}
