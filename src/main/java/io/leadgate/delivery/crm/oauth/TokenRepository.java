package io.leadgate.delivery.crm.oauth;

import java.util.Optional;

/** Where a connector's {@link OAuthTokens} are kept. */
public interface TokenRepository {

    /** A step over the stored tokens that may call the token endpoint and answers the tokens to keep. */
    @FunctionalInterface
    interface Update {
        OAuthTokens apply(Optional<OAuthTokens> current) throws Exception;
    }

    Optional<OAuthTokens> load(String crm);

    /**
     * Runs {@code update} with the stored tokens while no other replica can change them, and stores what it answers:
     * a refresh token used once is never used twice (amoCRM refresh tokens are single-use).
     */
    OAuthTokens update(String crm, Update update) throws Exception;
}
