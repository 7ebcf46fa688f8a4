package io.leadgate.channel.watch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Verification failures per channel and hour, counted in memory on the request path (one map lookup, no database)
 * and appended to {@code channel_failure_hour} as deltas by each replica's check. A failure counted at the instant its
 * hour is being flushed may be lost: the rule compares magnitudes, not exact counts.
 */
@ApplicationScoped
public class FailureTally {

    private record Key(String channelId, long hour) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final EntityManager em;
    private final Clock clock;

    FailureTally(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A hook of this channel failed verification. */
    public void verificationFailed(String channelId) {
        long hour = Rhythm.hourOf(clock.instant());
        LongAdder adder = pending.get(new Key(channelId, hour));
        if (adder == null) { // a new hour: hours no flush took (checks off) are dropped after a week
            pending.keySet().removeIf(k -> k.hour() < hour - SilenceRule.WEEK_HOURS);
            adder = pending.computeIfAbsent(new Key(channelId, hour), k -> new LongAdder());
        }
        adder.increment();
    }

    /** Writes the counts gathered since the last flush; a failed write puts them back for the next one. */
    void flush() {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            long count = adder == null ? 0 : adder.sumThenReset();
            if (count == 0) {
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into channel_failure_hour"
                                + " (channel_id, hour_start, failures) values (?1, ?2, ?3)")
                        .setParameter(1, key.channelId()).setParameter(2, Rhythm.startOf(key.hour()))
                        .setParameter(3, (int) Math.min(Integer.MAX_VALUE, count)).executeUpdate());
            } catch (RuntimeException e) {
                pending.computeIfAbsent(key, k -> new LongAdder()).add(count);
                throw e;
            }
        }
    }
}
