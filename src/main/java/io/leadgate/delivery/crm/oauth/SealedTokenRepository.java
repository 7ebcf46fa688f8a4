package io.leadgate.delivery.crm.oauth;

import io.leadgate.channel.store.ChannelKeyConfig;
import io.leadgate.channel.store.ChannelKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps OAuth tokens in {@code crm_oauth_token}, sealed with AES-GCM by the channel keys ({@link ChannelKeys},
 * {@code leadgate.channel.key}; the row's CRM id is the associated data) when a key is configured, as given otherwise.
 * An update holds the row lock ({@code select … for update}) while it calls the token endpoint, so replicas never
 * refresh at once.
 */
@ApplicationScoped
public class SealedTokenRepository implements TokenRepository {

    private static final Logger LOG = Logger.getLogger(SealedTokenRepository.class);
    private static final int TIMEOUT_SECONDS = 60;

    private final EntityManager em;
    private final ChannelKeys keys;

    SealedTokenRepository(EntityManager em, ChannelKeyConfig config) {
        this.em = em;
        this.keys = ChannelKeys.of(config.key(), config.oldKeys().orElse(List.of()));
    }

    @Override
    public Optional<OAuthTokens> load(String crm) {
        return QuarkusTransaction.requiringNew().call(() -> read(crm, false));
    }

    @Override
    public OAuthTokens update(String crm, Update update) throws Exception {
        try {
            return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
                em.createNativeQuery("insert into crm_oauth_token (crm, access_token, refresh_token, expires_at, grant_hash, "
                                + "updated_at) values (?1, '', '', ?2, '', ?2) on conflict do nothing")
                        .setParameter(1, crm).setParameter(2, Instant.EPOCH).executeUpdate();
                Optional<OAuthTokens> current = read(crm, true);
                OAuthTokens next;
                try {
                    next = update.apply(current);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Wrapped(e); // rolls back; unwrapped below
                }
                if (current.isEmpty() || !next.equals(current.get())) {
                    write(crm, next);
                }
                return next;
            });
        } catch (Wrapped w) {
            throw w.cause;
        }
    }

    private Optional<OAuthTokens> read(String crm, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select key_id, access_token, refresh_token, expires_at, endpoint, grant_hash "
                + "from crm_oauth_token where crm = ?1" + (lock ? " for update" : "")).setParameter(1, crm).getResultList();
        if (rows.isEmpty() || ((String) rows.get(0)[5]).isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        String keyId = (String) r[0];
        try {
            String access = open(crm, keyId, (String) r[1]);
            String refresh = open(crm, keyId, (String) r[2]);
            Instant expires = r[3] instanceof Instant i ? i : ((java.sql.Timestamp) r[3]).toInstant();
            return Optional.of(new OAuthTokens(access, refresh, expires, (String) r[4], (String) r[5]));
        } catch (ChannelKeys.UnreadableException e) {
            LOG.warnf("CRM %s: stored OAuth tokens unreadable (%s); the configured grant is used again", crm, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(String crm, OAuthTokens t) {
        String keyId = keys.currentId().orElse(null);
        em.createNativeQuery("update crm_oauth_token set key_id = ?2, access_token = ?3, refresh_token = ?4, expires_at = ?5, "
                        + "endpoint = ?6, grant_hash = ?7, updated_at = ?8 where crm = ?1")
                .setParameter(1, crm).setParameter(2, keyId).setParameter(3, seal(crm, keyId, t.accessToken()))
                .setParameter(4, seal(crm, keyId, t.refreshToken())).setParameter(5, t.expiresAt())
                .setParameter(6, t.endpoint()).setParameter(7, t.grantHash()).setParameter(8, Instant.now())
                .executeUpdate();
    }

    private String seal(String crm, String keyId, String plain) {
        return keyId == null ? plain : keys.seal(aad(crm), plain).value();
    }

    private String open(String crm, String keyId, String stored) {
        return keyId == null ? stored : keys.open(aad(crm), new ChannelKeys.Sealed(keyId, stored));
    }

    private static String aad(String crm) {
        return "crm-oauth:" + crm;
    }

    /** Carries a checked failure of the update out of the transaction. */
    static final class Wrapped extends RuntimeException {
        final Exception cause;

        Wrapped(Exception cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
