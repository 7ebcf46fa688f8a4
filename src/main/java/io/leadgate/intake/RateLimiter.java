package io.leadgate.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts per minute per channel and client address, in fixed one-minute windows held in memory (per replica).
 * Memory is bounded: at most {@code capacity} windows are tracked. Past it, windows of earlier minutes go first;
 * when every window is of the current minute (a flood from very many addresses), arbitrary ones are forgotten —
 * a forgotten address starts a new window, which lets it post a little more, never less.
 */
@ApplicationScoped
public class RateLimiter {

    static final int DEFAULT_CAPACITY = 100_000;

    private record Window(long minute, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int capacity;

    @Inject
    RateLimiter() {
        this(DEFAULT_CAPACITY);
    }

    RateLimiter(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Counts one post; returns 0 when it is allowed, otherwise the seconds until the window ends.
     */
    public long acquire(String channelId, String client, int perMinute, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() >= capacity) {
            evict(minute);
        }
        Window window = windows.compute(channelId + "|" + client,
                (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() <= perMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
    }

    /** How many windows are held now. */
    int tracked() {
        return windows.size();
    }

    private void evict(long minute) {
        windows.values().removeIf(w -> w.minute() < minute);
        int excess = windows.size() - capacity * 3 / 4; // free a quarter, so eviction is not run on every post
        Iterator<Window> it = windows.values().iterator();
        while (excess > 0 && it.hasNext()) {
            it.next();
            it.remove();
            excess--;
        }
    }
}
