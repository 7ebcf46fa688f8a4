package io.leadgate.intake;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts per minute per channel and client address, in fixed one-minute windows held in memory (per replica).
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private record Window(long minute, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Counts one post; returns 0 when it is allowed, otherwise the seconds until the window ends.
     */
    public long acquire(String channelId, String client, int perMinute, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window window = windows.compute(channelId + "|" + client,
                (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() <= perMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
    }
}
