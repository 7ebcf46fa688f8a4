import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Constant-rate load generator for bench/write-path.sh ({@code java ConstantRate URL RATE SECONDS WARMUP_SECONDS SALT
 * PHASE_DIGIT [CONNECTIONS]}, compiled by the script at its start).
 *
 * <p>Request i is due at start + i / rate, whatever happened to the earlier ones; its latency is measured from that
 * intended send time, so a stall of the gateway (or of this generator) counts against every request it delays (no
 * coordinated omission). Requests go out over a fixed set of keep-alive HTTP/1.1 connections (default 64) from one
 * thread and one selector, as wrk2 does: a due request waits for a free connection, and that wait counts in its
 * latency. Requests that fail or get no answer count as infinitely slow in the percentiles. At most 512 requests are
 * waiting or in flight: beyond that a due request is not sent and counts as failed, so an overloaded gateway shows as
 * failures instead of an unbounded queue. Every request is a web-form post of a different person (phone from the
 * phase digit and the request number, e-mail and name from those and the run's salt).
 *
 * <p>The previous generator sent through {@code java.net.http.HttpClient}, one connection per request in flight; at
 * 150–300 requests/s it used 0.6 of a core of the 2 the gateway and PostgreSQL share.
 */
public class ConstantRate {

    private static final int MAX_OUTSTANDING = 512;
    private static final long TIMEOUT_NANOS = 10_000_000_000L;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "da", "fi", "go",
            "ha", "je", "pu", "ri"};

    private final InetSocketAddress address;
    private final String head;
    private final int rate;
    private final int warmupRequests;
    private final String salt;
    private final int phase;
    private final long[] due;
    private final long[] latency;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private final List<Connection> idle = new ArrayList<>();
    private final Selector selector;
    private int unsettled;
    private int connections;

    private ConstantRate(URI uri, int rate, int total, int warmupRequests, String salt, int phase) throws IOException {
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ";
        this.rate = rate;
        this.warmupRequests = warmupRequests;
        this.salt = salt;
        this.phase = phase;
        this.due = new long[total];
        this.latency = new long[total];
        Arrays.fill(latency, Long.MAX_VALUE);
        this.selector = Selector.open();
        this.unsettled = total;
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int connections = args.length > 6 ? Integer.parseInt(args[6]) : 64; // each one replaced when it fails
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("benchmark traffic goes to 127.0.0.1 only");
        }
        ConstantRate generator = new ConstantRate(uri, rate, rate * (warmup + seconds), rate * warmup, args[4],
                Integer.parseInt(args[5]));
        for (int i = 0; i < connections; i++) {
            generator.idle.add(generator.connect());
            generator.connections++;
        }
        long maxLag = generator.run();
        generator.report(seconds, warmup, maxLag);
        System.exit(0);
    }

    /** Sends every request at its time and reads the answers; returns the worst lag of a request behind its time. */
    private long run() throws IOException {
        int total = due.length;
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        long maxLag = 0;
        int next = 0;
        long end = Long.MAX_VALUE;
        while (unsettled > 0) {
            long now = System.nanoTime();
            while (next < total && start + next * period <= now) {
                due[next] = start + next * period;
                if (next >= warmupRequests) {
                    maxLag = Math.max(maxLag, now - due[next]);
                }
                if (waiting.size() + inFlight() >= MAX_OUTSTANDING) { // far behind: count it failed, do not pile up
                    settle(next, "not sent, " + MAX_OUTSTANDING + " waiting or in flight", now);
                } else {
                    waiting.add(next);
                }
                next++;
            }
            if (next == total && end == Long.MAX_VALUE) {
                end = now + 15_000_000_000L; // the last answers get 15 s
            }
            while (!waiting.isEmpty() && !idle.isEmpty()) {
                idle.remove(idle.size() - 1).send(waiting.poll(), now);
            }
            expire(now);
            if (now >= end) {
                break;
            }
            long until = next < total ? start + next * period : end;
            // rounded up: select() counts whole milliseconds, and 0 would spin on selectNow() for the rest of one
            long waitMillis = Math.max(0, (until - System.nanoTime() + 999_999) / 1_000_000);
            if (waitMillis == 0) {
                selector.selectNow();
            } else {
                selector.select(Math.min(waitMillis, 100));
            }
            long at = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                ((Connection) key.attachment()).readable(at);
            }
            selector.selectedKeys().clear();
        }
        return maxLag;
    }

    /** Connections waiting for an answer (every connection is idle or has one request in flight). */
    private int inFlight() {
        return connections - idle.size();
    }

    /** Requests in flight longer than the timeout fail, and their connections are replaced. */
    private void expire(long now) throws IOException {
        for (SelectionKey key : List.copyOf(selector.keys())) {
            Connection c = (Connection) key.attachment();
            if (c.request >= 0 && now - c.sentAt > TIMEOUT_NANOS) {
                c.fail("timeout", now);
            }
        }
    }

    private void settle(int n, String outcome, long now) {
        if (n >= warmupRequests) {
            outcomes.merge(outcome, 1, Integer::sum);
        }
        if (outcome.startsWith("2")) {
            latency[n] = now - due[n];
        }
        unsettled--;
    }

    private Connection connect() throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection c = new Connection(channel);
        channel.register(selector, SelectionKey.OP_READ, c);
        return c;
    }

    private byte[] request(int n) {
        // spread over 8 * 10^7 numbers by a fixed permutation, as in write-path.lua: few numbers one slip apart. The
        // first of the eight digits is 2-9, never a wrk thread's number (0 or 1), so that no person here is one slip
        // from a person of write-path.lua (with the phase digit left out here and the other's thread digit there).
        String phone = String.format("+79%d%08d", phase, 20_000_000L + (n * 7919L) % 80_000_000L);
        String body = "{\"name\":\"Bench " + word(phase * 1_000_000 + n) + word(Integer.parseInt(salt))
                + "\",\"phone\":\"" + phone + "\",\"email\":\"rate." + salt + "." + n
                + "@example.com\",\"message\":\"constant rate " + salt + " " + n + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] start = (head + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(start, start.length + bytes.length);
        System.arraycopy(bytes, 0, out, start.length, bytes.length);
        return out;
    }

    /** One keep-alive connection: one request at a time, its answer read as it comes. */
    private final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private int request = -1;
        private long sentAt;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send(int n, long now) throws IOException {
            request = n;
            sentAt = now;
            in.clear();
            ByteBuffer out = ByteBuffer.wrap(request(n));
            try {
                while (out.hasRemaining()) { // a few hundred bytes: the socket buffer takes them at once
                    if (channel.write(out) == 0) {
                        Thread.onSpinWait();
                    }
                }
            } catch (IOException e) {
                fail(e.getClass().getSimpleName(), now);
            }
        }

        void readable(long now) throws IOException {
            int read;
            try {
                read = channel.read(in);
            } catch (IOException e) {
                fail(e.getClass().getSimpleName(), now);
                return;
            }
            if (read < 0) {
                fail(request >= 0 ? "connection closed" : null, now);
                return;
            }
            if (request < 0) {
                return;
            }
            int status = complete();
            if (status > 0) {
                int n = request;
                request = -1;
                settle(n, Integer.toString(status), now);
                idle.add(this);
            } else if (!in.hasRemaining()) {
                fail("answer over 64 KiB", now);
            }
        }

        /** The answer's status once the whole answer is in the buffer, else 0. */
        private int complete() {
            byte[] b = in.array();
            int length = in.position();
            int headEnd = indexOf(b, 0, length, "\r\n\r\n");
            if (headEnd < 0) {
                return 0;
            }
            String header = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase();
            int bodyStart = headEnd + 4;
            int status = Integer.parseInt(header.substring(9, 12));
            int cl = header.indexOf("\r\ncontent-length:");
            if (cl >= 0) {
                int from = cl + "\r\ncontent-length:".length();
                int to = header.indexOf("\r\n", from);
                int size = Integer.parseInt(header.substring(from, to < 0 ? header.length() : to).trim());
                return length - bodyStart >= size ? status : 0;
            }
            if (header.contains("\r\ntransfer-encoding: chunked")) {
                return indexOf(b, bodyStart, length, "\r\n0\r\n\r\n") >= 0
                        || (length - bodyStart >= 5 && indexOf(b, bodyStart, bodyStart + 5, "0\r\n\r\n") == bodyStart)
                        ? status : 0;
            }
            return status; // no body (204, 304)
        }

        /** Ends the request in flight with {@code outcome} (if any) and replaces this connection. */
        void fail(String outcome, long now) throws IOException {
            if (request >= 0 && outcome != null) {
                settle(request, outcome, now);
            }
            request = -1;
            channel.keyFor(selector).cancel();
            channel.close();
            idle.remove(this);
            idle.add(connect());
        }
    }

    private static int indexOf(byte[] b, int from, int to, String what) {
        outer:
        for (int i = from; i <= to - what.length(); i++) {
            for (int j = 0; j < what.length(); j++) {
                if (b[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void report(int seconds, int warmup, long maxLag) {
        long[] measured = Arrays.copyOfRange(latency, warmupRequests, latency.length);
        Arrays.sort(measured);
        System.out.printf("constant rate %d requests/s for %d s (after %d s warm-up): %d requests, outcomes %s%s%n",
                rate, seconds, warmup, measured.length, outcomes, unsettled == 0 ? "" : ", some never answered");
        System.out.printf("latency from intended send time: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  "
                        + "(generator's worst send lag %.1f ms)%n", pct(measured, 50), pct(measured, 90),
                pct(measured, 99), pct(measured, 99.9), pct(measured, 100), maxLag / 1e6);
        long failed = Arrays.stream(measured).filter(v -> v == Long.MAX_VALUE).count();
        if (failed > 0 && failed < measured.length) {
            long[] answered = Arrays.copyOf(measured, measured.length - (int) failed);
            System.out.printf("answered with 2xx only (%d): p50 %s  p90 %s  p99 %s  max %s%n", answered.length,
                    pct(answered, 50), pct(answered, 90), pct(answered, 99), pct(answered, 100));
        }
        System.out.printf("summary %s %s %d%n", num(measured, 50), num(measured, 99), failed);
        StringBuilder bySecond = new StringBuilder("p99 ms by second:");
        for (int from = warmupRequests; from < latency.length; from += rate) {
            long[] second = Arrays.copyOfRange(latency, from, Math.min(from + rate, latency.length));
            Arrays.sort(second);
            bySecond.append(' ').append(num(second, 99));
        }
        System.out.println(bySecond);
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
