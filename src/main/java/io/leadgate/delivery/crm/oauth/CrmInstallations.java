package io.leadgate.delivery.crm.oauth;

import io.leadgate.channel.Secrets;
import io.leadgate.channel.store.ChannelKeyConfig;
import io.leadgate.channel.store.ChannelKeys;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmSyncConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installing the connectors' OAuth 2 applications from the CRM side, so no code or token is copied by hand:
 * <ul>
 *   <li>amoCRM: {@link #authorize} issues a single-use {@code state} and the authorization URL; amoCRM then sends the
 *   user's browser to the redirect URI with {@code code}, {@code referer} and {@code state}
 *   (https://www.amocrm.ru/developers/content/oauth/step-by-step). {@link #amoCrmRedirect} checks the state, checks
 *   that {@code referer} is the configured account (the client secret goes to no other host) and exchanges the code at
 *   {@code https://<referer>/oauth2/access_token}.</li>
 *   <li>Bitrix24: the application's installation post (the install page's {@code AUTH_ID}, {@code AUTH_EXPIRES},
 *   {@code REFRESH_ID}, {@code member_id} with {@code DOMAIN} and {@code APP_SID} in the query; or the installation
 *   callback / {@code ONAPPINSTALL} event's {@code auth[...]} with its {@code application_token},
 *   https://apidocs.bitrix24.com/api-reference/common/events/on-app-install.html). Anyone can post that form, so the
 *   refresh token is proven by exchanging it at the configured token endpoint ({@code oauth.bitrix.info}) with the
 *   application's own client id and secret, and the answer's {@code member_id} must be the posted one. The answer's
 *   tokens are kept; the {@code application_token} becomes the one checked on Bitrix24's events
 *   (https://apidocs.bitrix24.com/api-reference/events/safe-event-handlers.html).</li>
 * </ul>
 * After an installation a connector stopped for its credentials resumes. Failures are {@link Refused} with a reason.
 */
@ApplicationScoped
public class CrmInstallations {

    private static final Logger LOG = Logger.getLogger(CrmInstallations.class);
    /** amoCRM's authorization code lives 20 minutes; a state a little longer. */
    static final Duration STATE_LIFE = Duration.ofMinutes(30);
    private static final Duration TOKEN_CACHE = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** amoCRM's authorization page (Kommo: https://www.kommo.com/oauth). */
    public static final String AMOCRM_AUTHORIZE_URL = "https://www.amocrm.ru/oauth";

    /** Why an installation was refused. */
    public static final class Refused extends Exception {
        public enum Reason {
            /** The CRM's OAuth application is not configured here. */
            NOT_CONFIGURED,
            /** A required parameter is missing or malformed. */
            BAD_REQUEST,
            /** The state, the account or the grant was not the gateway's. */
            FORBIDDEN,
            /** The CRM's token endpoint could not be reached or answered 5xx: try again. */
            UNAVAILABLE
        }

        private final Reason reason;

        public Refused(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Where to send the user to authorize the amoCRM integration, and the state it carries back. */
    public record Authorization(String url, String state, Instant expiresAt) {
    }

    /** A done installation: the CRM, its account (amoCRM host, Bitrix24 domain), and whether events are now checked. */
    public record Installed(String crm, String account, boolean applicationToken) {
    }

    private final CrmOAuth oauth;
    private final CrmSyncConfig config;
    private final Optional<URI> amoBase;
    private final ConnectorRunner runner;
    private final EntityManager em;
    private final ChannelKeys keys;
    private final Clock clock;
    private final Map<String, CachedToken> cachedTokens = new ConcurrentHashMap<>();

    private record CachedToken(Optional<String> token, Instant until) {
    }

    CrmInstallations(CrmOAuth oauth, CrmSyncConfig config, LeadgateConfig leadgate, ConnectorRunner runner,
                     EntityManager em, ChannelKeyConfig keyConfig, Clock clock) {
        this.oauth = oauth;
        this.config = config;
        this.amoBase = leadgate.connectors().amocrm().baseUrl().filter(u -> !u.isBlank()).map(URI::create);
        this.runner = runner;
        this.em = em;
        this.keys = ChannelKeys.of(keyConfig.key(), keyConfig.oldKeys().orElse(List.of()));
        this.clock = clock;
    }

    /** Issues a state for amoCRM's authorization and the URL that carries it. */
    public Authorization authorize(String crm) throws Refused {
        if (!"amocrm".equals(crm)) {
            throw new Refused(Refused.Reason.BAD_REQUEST, "only amoCRM is authorized through a redirect; a Bitrix24 "
                    + "application posts its installation to /crm/bitrix24/install (docs/crm/oauth.md)");
        }
        String clientId = config.amocrm().oauth().clientId().filter(s -> !s.isBlank()).orElse(null);
        if (clientId == null || oauth.session(crm).isEmpty()) {
            throw new Refused(Refused.Reason.NOT_CONFIGURED, "amoCRM OAuth is not configured: set leadgate.crm.amocrm"
                    + ".oauth.client-id, .client-secret and .redirect-uri and leadgate.connectors.amocrm.base-url");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(STATE_LIFE);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into crm_oauth_state (state_hash, crm, "
                        + "created_at, expires_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, hash(state)).setParameter(2, crm).setParameter(3, now).setParameter(4, expires)
                .executeUpdate());
        String base = config.amocrm().oauth().authorizeUrl().filter(s -> !s.isBlank()).orElse(AMOCRM_AUTHORIZE_URL);
        String url = base + (base.contains("?") ? "&" : "?") + "client_id=" + enc(clientId) + "&state=" + enc(state)
                + "&mode=post_message";
        return new Authorization(url, state, expires);
    }

    /** amoCRM's redirect: checks {@code state} and {@code referer}, exchanges {@code code} and keeps the tokens. */
    public Installed amoCrmRedirect(String code, String referer, String state) throws Refused, InterruptedException {
        OAuthSession session = oauth.session("amocrm").orElseThrow(() -> new Refused(Refused.Reason.NOT_CONFIGURED,
                "amoCRM OAuth is not configured here"));
        if (blank(code) || blank(referer) || blank(state)) {
            throw new Refused(Refused.Reason.BAD_REQUEST, "code, referer and state are required");
        }
        if (code.length() > 4096 || referer.length() > 255 || state.length() > 200) {
            throw new Refused(Refused.Reason.BAD_REQUEST, "code, referer or state too long");
        }
        String account = amoBase.map(CrmInstallations::authority).orElse(null);
        if (account == null || !account.equalsIgnoreCase(referer.strip())) {
            throw new Refused(Refused.Reason.FORBIDDEN, "referer is not the configured amoCRM account "
                    + "(leadgate.connectors.amocrm.base-url)");
        }
        if (!useState("amocrm", state)) {
            throw new Refused(Refused.Reason.FORBIDDEN, "unknown, used or expired state: start again from "
                    + "POST /api/connectors/amocrm/authorize");
        }
        try {
            session.install(TokenEndpoint.Grant.code(code), answer -> { });
        } catch (CrmFailure f) {
            throw refused(f);
        }
        recordInstall("amocrm", null, account, null, null);
        resumeIfStopped("amocrm");
        LOG.infof("CRM connector amocrm: integration authorized for %s", account);
        return new Installed("amocrm", account, false);
    }

    /**
     * A Bitrix24 installation post: {@code form} is the form body, {@code query} the query string's parameters.
     * Proves the refresh token by exchanging it (unless this installation's same token was proven already), keeps the
     * new tokens, and keeps the {@code application_token} when the post carries one.
     */
    public Installed bitrix24Install(Map<String, List<String>> form, Map<String, List<String>> query)
            throws Refused, InterruptedException {
        OAuthSession session = oauth.session("bitrix24").orElseThrow(() -> new Refused(Refused.Reason.NOT_CONFIGURED,
                "Bitrix24 OAuth is not configured here: set leadgate.crm.bitrix24.oauth.client-id and .client-secret"));
        String refresh = first(form, "REFRESH_ID").or(() -> first(form, "auth[refresh_token]")).orElse(null);
        String memberId = first(form, "member_id").or(() -> first(form, "auth[member_id]")).orElse(null);
        String domain = first(query, "DOMAIN").or(() -> first(form, "auth[domain]")).orElse(null);
        String appToken = first(form, "auth[application_token]").orElse(null);
        Optional<String> event = first(form, "event");
        if (event.isPresent() && !"ONAPPINSTALL".equalsIgnoreCase(event.get())) {
            throw new Refused(Refused.Reason.BAD_REQUEST, "not an installation: event " + clip(event.get()));
        }
        if (blank(refresh) || blank(memberId)) {
            throw new Refused(Refused.Reason.BAD_REQUEST, "an installation carries REFRESH_ID and member_id "
                    + "(or auth[refresh_token] and auth[member_id])");
        }
        if (memberId.length() > 64 || (domain != null && domain.length() > 255) || refresh.length() > 512
                || (appToken != null && appToken.length() > 512)) {
            throw new Refused(Refused.Reason.BAD_REQUEST, "a parameter is too long");
        }
        String refreshHash = hash(refresh);
        boolean proven = installed("bitrix24").filter(r -> memberId.equals(r.memberId()) && refreshHash.equals(r.refreshHash()))
                .isPresent();
        if (!proven) {
            try {
                session.install(TokenEndpoint.Grant.refresh(refresh), answer -> {
                    if (answer.memberId() != null && !answer.memberId().equals(memberId)) {
                        throw new CrmFailure(CrmFailure.Kind.AUTH, "member_mismatch", "member_id differs");
                    }
                });
            } catch (CrmFailure f) {
                if ("member_mismatch".equals(f.code())) {
                    throw new Refused(Refused.Reason.FORBIDDEN, "the refresh token belongs to another Bitrix24 account");
                }
                throw refused(f);
            }
        }
        recordInstall("bitrix24", memberId, domain, appToken, refreshHash);
        cachedTokens.remove("bitrix24");
        resumeIfStopped("bitrix24");
        LOG.infof("CRM connector bitrix24: application installed (domain %s, application token %s)",
                domain == null ? "-" : clip(domain), appToken == null ? "not in this post" : "kept");
        return new Installed("bitrix24", domain, appToken != null);
    }

    /** The application token an installation kept for a CRM's events, if any (cached for a few seconds). */
    public Optional<String> applicationToken(String crm) {
        CachedToken c = cachedTokens.get(crm);
        Instant now = clock.instant();
        if (c == null || now.isAfter(c.until())) {
            Optional<String> token = installed(crm).map(Row::applicationToken);
            c = new CachedToken(token, now.plus(TOKEN_CACHE));
            cachedTokens.put(crm, c);
        }
        return c.token();
    }

    private boolean useState(String crm, String state) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update crm_oauth_state set used_at = ?3 "
                        + "where state_hash = ?1 and crm = ?2 and used_at is null and expires_at > ?3")
                .setParameter(1, hash(state)).setParameter(2, crm).setParameter(3, now).executeUpdate()) == 1;
    }

    private record Row(String memberId, String applicationToken, String refreshHash) {
    }

    private Optional<Row> installed(String crm) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select member_id, key_id, application_token, refresh_hash "
                    + "from crm_install where crm = ?1").setParameter(1, crm).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = rows.get(0);
            String token = null;
            if (r[2] != null) {
                try {
                    token = r[1] == null ? (String) r[2] : keys.open(aad(crm), new ChannelKeys.Sealed((String) r[1], (String) r[2]));
                } catch (ChannelKeys.UnreadableException e) {
                    LOG.warnf("CRM %s: stored application token unreadable (%s); install the application again", crm,
                            e.getMessage());
                }
            }
            return Optional.of(new Row((String) r[0], token, (String) r[3]));
        });
    }

    /**
     * Keeps what an installation told; a post without an application token keeps the one stored. An insert that
     * yields to a row already there, then an update of that row, in one transaction: the portable form of an upsert
     * (the development run's H2 reads {@code on conflict do nothing} only). On PostgreSQL the insert waits for a
     * concurrent installer's row and the update then locks and changes it, so the later post wins as before.
     */
    private void recordInstall(String crm, String memberId, String domain, String appToken, String refreshHash) {
        Instant now = clock.instant();
        String keyId = appToken == null ? null : keys.currentId().orElse(null);
        String sealed = appToken == null ? null : keyId == null ? appToken : keys.seal(aad(crm), appToken).value();
        QuarkusTransaction.requiringNew().run(() -> {
            int inserted = em.createNativeQuery("insert into crm_install (crm, member_id, domain, key_id, "
                            + "application_token, refresh_hash, installed_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
                            + "on conflict do nothing")
                    .setParameter(1, crm).setParameter(2, memberId).setParameter(3, domain).setParameter(4, keyId)
                    .setParameter(5, sealed).setParameter(6, refreshHash).setParameter(7, now).executeUpdate();
            if (inserted == 0) {
                var update = em.createNativeQuery("update crm_install set member_id = ?2, domain = ?3, refresh_hash = ?4, "
                                + "updated_at = ?5" + (sealed == null ? "" : ", key_id = ?6, application_token = ?7")
                                + " where crm = ?1")
                        .setParameter(1, crm).setParameter(2, memberId).setParameter(3, domain)
                        .setParameter(4, refreshHash).setParameter(5, now);
                if (sealed != null) {
                    update.setParameter(6, keyId).setParameter(7, sealed);
                }
                update.executeUpdate();
            }
        });
    }

    private void resumeIfStopped(String crm) {
        if (runner.status(crm).map(s -> "stopped".equals(s.state())).orElse(false)) {
            runner.resume(crm);
        }
    }

    private static Refused refused(CrmFailure f) {
        return f.kind() == CrmFailure.Kind.AUTH || f.kind() == CrmFailure.Kind.MISCONFIGURED
                ? new Refused(Refused.Reason.FORBIDDEN, f.getMessage())
                : new Refused(Refused.Reason.UNAVAILABLE, f.getMessage());
    }

    static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static Optional<String> first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._:-]", "?");
        return t.length() <= 60 ? t : t.substring(0, 60);
    }

    private static String hash(String value) {
        return Secrets.hex(Secrets.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String aad(String crm) {
        return "crm-install:" + crm;
    }
}
