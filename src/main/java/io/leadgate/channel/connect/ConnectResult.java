package io.leadgate.channel.connect;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What "connect" did and found: the calls made to the provider in order, and what the provider reports afterwards.
 * Holds no secret except, for {@link State#MANUAL} Meta channels, the verify token the operator must paste.
 *
 * @param url   the hook URL registered (or to paste); a secret in its path is masked
 * @param facts what the provider reports (Telegram: {@code urlMatches}, {@code pendingUpdateCount},
 *              {@code lastErrorMessage}; VK: {@code serverId}, {@code serverStatus}; …) or, for a manual provider,
 *              what to paste
 */
public record ConnectResult(String channelId, String provider, State state, String url, List<Step> steps,
                            Map<String, Object> facts) {

    /** Registered and checked; a call failed or the check disagrees; nothing to call — paste by hand. */
    public enum State {
        CONNECTED, FAILED, MANUAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One call to the provider.
     *
     * @param detail the provider's own answer in short ({@code 401 Unauthorized}), never a secret
     */
    public record Step(String call, boolean ok, String detail) {
    }

    /** A one-line summary for the connection log. */
    public String summary() {
        return steps.stream().filter(s -> !s.ok()).findFirst().map(s -> s.call() + ": " + s.detail())
                .orElse(state.code());
    }
}
