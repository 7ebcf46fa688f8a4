package io.leadgate.channel.watch;

import java.time.Instant;
import java.util.Map;

/**
 * A channel's history by hour: inquiries and verification failures per hour (hours counted from the epoch, UTC) and
 * the first hour it was seen. Hours absent from the maps had none.
 */
public record Rhythm(Long firstHour, Map<Long, Integer> inquiries, Map<Long, Integer> failures) {

    private static final long HOUR_SECONDS = 3600;

    public Rhythm {
        inquiries = Map.copyOf(inquiries);
        failures = Map.copyOf(failures);
    }

    public static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), HOUR_SECONDS);
    }

    public static Instant startOf(long hour) {
        return Instant.ofEpochSecond(hour * HOUR_SECONDS);
    }

    /** Inquiries in {@code [from, to)}, an hour's count weighted by the part of it inside. */
    double inquiriesBetween(Instant from, Instant to) {
        double sum = 0;
        for (long h = hourOf(from); startOf(h).isBefore(to); h++) {
            Integer count = inquiries.get(h);
            if (count == null) {
                continue;
            }
            long start = Math.max(startOf(h).getEpochSecond(), from.getEpochSecond());
            long end = Math.min(startOf(h + 1).getEpochSecond(), to.getEpochSecond());
            sum += count * (double) (end - start) / HOUR_SECONDS;
        }
        return sum;
    }

    /** Verification failures in the hours {@code first..last}, both included. */
    long failuresInHours(long first, long last) {
        long sum = 0;
        for (long h = first; h <= last; h++) {
            sum += failures.getOrDefault(h, 0);
        }
        return sum;
    }
}
