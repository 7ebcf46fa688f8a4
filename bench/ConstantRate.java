import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load generator for bench/write-path.sh (run as {@code java bench/ConstantRate.java ...}).
 * Request i is due at start + i / rate, whatever happened to the earlier ones; its latency is measured from that
 * intended send time, so a stall of the gateway (or of this generator) counts against every request it delays
 * (no coordinated omission). Requests that time out or fail count as infinitely slow in the percentiles.
 * Every request is a web-form post of a different person (phone from the phase digit and the request number, e-mail
 * and name from those and the run's salt). At most 512 requests are in flight: beyond that a due request is not sent and counts as
 * failed, so an overloaded gateway shows as failures instead of thousands of open connections.
 *
 * Usage: java ConstantRate.java URL RATE SECONDS WARMUP_SECONDS SALT PHASE_DIGIT
 */
public class ConstantRate {

    private static final int MAX_IN_FLIGHT = 512;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "da", "fi", "go",
            "ha", "je", "pu", "ri"};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String salt = args[4];
        int phase = Integer.parseInt(args[5]);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("benchmark traffic goes to 127.0.0.1 only");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * (warmup + seconds);
        long period = 1_000_000_000L / rate;
        long[] latency = new long[total];
        Arrays.fill(latency, Long.MAX_VALUE);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger inFlight = new AtomicInteger();
        long maxLag = 0;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i >= rate * warmup) {
                maxLag = Math.max(maxLag, System.nanoTime() - due);
            }
            int n = i;
            // spread over 10^8 numbers by a fixed permutation, as in write-path.lua: few numbers one slip apart
            String phone = String.format("+79%d%08d", phase, (n * 7919L) % 100_000_000L);
            String body = "{\"name\":\"Bench " + word(phase * 1_000_000 + n) + word(Integer.parseInt(salt)) + "\",\"phone\":\"" + phone + "\",\"email\":\"rate." + salt + "."
                    + n + "@example.com\",\"message\":\"constant rate " + salt + " " + n + "\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            if (inFlight.get() >= MAX_IN_FLIGHT) { // the gateway is far behind: count it failed rather than pile up
                if (i >= rate * warmup) {
                    outcomes.computeIfAbsent("not sent, " + MAX_IN_FLIGHT + " in flight", k -> new AtomicInteger())
                            .incrementAndGet();
                }
                done.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long end = System.nanoTime();
                inFlight.decrementAndGet();
                Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
                String outcome = cause != null ? cause.getClass().getSimpleName() : Integer.toString(response.statusCode());
                if (error == null && response.statusCode() / 100 == 2) {
                    latency[n] = end - due;
                }
                if (n >= rate * warmup) {
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                done.countDown();
            });
        }
        boolean all = done.await(15, TimeUnit.SECONDS);
        long[] measured = Arrays.copyOfRange(latency, rate * warmup, total);
        Arrays.sort(measured);
        System.out.printf("constant rate %d requests/s for %d s (after %d s warm-up): %d requests, outcomes %s%s%n",
                rate, seconds, warmup, measured.length, new TreeMap<>(outcomes), all ? "" : ", some never answered");
        System.out.printf("latency from intended send time: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (generator's worst"
                        + " send lag %.1f ms)%n", pct(measured, 50), pct(measured, 90), pct(measured, 99),
                pct(measured, 99.9), pct(measured, 100), maxLag / 1e6);
        long failed = Arrays.stream(measured).filter(v -> v == Long.MAX_VALUE).count();
        if (failed > 0 && failed < measured.length) {
            long[] answered = Arrays.copyOf(measured, measured.length - (int) failed);
            System.out.printf("answered with 2xx only (%d): p50 %s  p90 %s  p99 %s  max %s%n", answered.length,
                    pct(answered, 50), pct(answered, 90), pct(answered, 99), pct(answered, 100));
        }
        System.out.printf("summary %s %s %d%n", num(measured, 50), num(measured, 99), failed);
        System.exit(0);
    }

    /** The same surnames as write-path.lua: syllables spelling n in base 16. */
    private static String word(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append(SYLLABLES[n % 16]);
            n /= 16;
        } while (n != 0);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String num(long[] sorted, double p) {
        String s = pct(sorted, p);
        return s.endsWith(" ms") ? s.substring(0, s.length() - 3) : s;
    }

    private static String pct(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        long v = sorted[Math.max(0, index)];
        return v == Long.MAX_VALUE ? "failed" : String.format("%.1f ms", v / 1e6);
    }
}
