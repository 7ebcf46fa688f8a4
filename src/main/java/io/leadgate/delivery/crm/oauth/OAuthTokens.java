package io.leadgate.delivery.crm.oauth;

import java.time.Instant;

/**
 * A connector's OAuth 2 tokens as stored: the access token, the refresh token, when the access token expires, the
 * REST endpoint the token answer named (Bitrix24 {@code client_endpoint}; null for amoCRM) and a hash of the configured
 * grant they were obtained from (a new configured grant replaces them).
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String endpoint, String grantHash) {

    @Override
    public String toString() {
        return "OAuthTokens[expiresAt=" + expiresAt + ", endpoint=" + endpoint + "]"; // never the tokens
    }
}
