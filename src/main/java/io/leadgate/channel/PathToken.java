package io.leadgate.channel;

import java.util.List;
import java.util.Optional;

/**
 * The shared secret of token-protected hooks: the first path segment after the channel id
 * ({@code /hooks/{id}/{token}}) or the {@code X-Leadgate-Token} header, compared in constant time.
 */
public final class PathToken {

    public static final String HEADER = "X-Leadgate-Token";

    private PathToken() {
    }

    /** Verifies the request against {@code expected}; with no token configured every request is valid. */
    public static Verification verify(HookRequest request, Optional<String> expected) {
        if (expected.isEmpty()) {
            return Verification.VALID;
        }
        Optional<String> sent = request.headers().first(HEADER);
        if (sent.isEmpty()) {
            List<String> segments = request.pathSegments();
            sent = segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(0));
        }
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        return Secrets.verify(expected, sent);
    }
}
