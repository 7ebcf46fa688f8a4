import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load driver of bench/faults.sh (run as {@code java bench/Faults.java ...}). CLIENTS simulated providers each post
 * one person's inquiries in sequence (tag {@code fault-<scenario>-<client>-<seq>} in the message), for SECONDS; a
 * post that gets no 2xx (error status, refused or dropped connection, timeout) is sent again with the same body, as a
 * provider would, every second for up to 120 s, so the next one of the same client is only sent after the previous one
 * was acknowledged (which is what makes their order checkable). Writes OUT/acked-SCENARIO.txt (one acknowledged tag a
 * line) and prints one summary line: {@code sent acked gaveUp dbDown2xx p50ms p99ms slow408 slow413 slowOther}.
 * A 2xx counts as "while the database was down" when the flag file DBDOWN existed both when the request was sent and
 * when its answer came. With SLOW > 0, that many extra connections announce a 20 kB body and trickle it one byte a
 * second; their answers (408 expected after leadgate.hooks.body-timeout) are counted.
 *
 * Usage: java Faults.java URL SCENARIO SECONDS CLIENTS OUT DBDOWN SALT [SLOW]
 */
public class Faults {

    public static void main(String[] args) throws Exception {
        URI hook = URI.create(args[0]);
        String scenario = args[1];
        long seconds = Long.parseLong(args[2]);
        int clients = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Path dbDown = Path.of(args[5]);
        String salt = args[6];
        int slow = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        if (!"127.0.0.1".equals(hook.getHost())) {
            throw new IllegalArgumentException("fault traffic goes to 127.0.0.1 only");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        List<String> acked = new CopyOnWriteArrayList<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        AtomicInteger dbDown2xx = new AtomicInteger();
        Map<String, AtomicInteger> slowOutcomes = new ConcurrentHashMap<>();
        List<Thread> slowThreads = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            Thread t = start(() -> slowOutcomes
                    .computeIfAbsent(trickle(hook), k -> new AtomicInteger()).incrementAndGet());
            slowThreads.add(t);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(start(() -> {
                String phone = "+79" + salt + scenarioDigit(scenario) + String.format("%03d", client) + "000";
                for (int seq = 1; System.nanoTime() < end; seq++) {
                    String tag = "fault-" + scenario + "-" + client + "-" + seq;
                    String body = "name=Fault+Client+" + client + "&phone=" + phone.replace("+", "%2B")
                            + "&message=" + tag;
                    sent.incrementAndGet();
                    long first = System.nanoTime();
                    long giveUpAt = first + 120_000_000_000L;
                    boolean ok = false;
                    while (!ok && System.nanoTime() < giveUpAt) {
                        boolean downAtSend = Files.exists(dbDown);
                        int status;
                        try {
                            status = http.send(HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(30))
                                            .header("Content-Type", "application/x-www-form-urlencoded")
                                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (IOException e) {
                            status = 0;
                        } catch (InterruptedException e) {
                            return;
                        }
                        ok = status >= 200 && status <= 299;
                        if (ok && downAtSend && Files.exists(dbDown)) {
                            dbDown2xx.incrementAndGet();
                        }
                        if (!ok) {
                            sleep(1000);
                        }
                    }
                    if (ok) {
                        acked.add(tag);
                        latencies.add((System.nanoTime() - first) / 1_000_000);
                    } else {
                        gaveUp.incrementAndGet();
                        return; // this client stops: its later posts would be out of order by construction
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Thread t : slowThreads) {
            t.join(120_000);
        }
        Files.write(out.resolve("acked-" + scenario + ".txt"), acked, StandardCharsets.UTF_8);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d %d %d %d %s %s %d %d %d%n", sent.get(), acked.size(), gaveUp.get(), dbDown2xx.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), count(slowOutcomes, "408"),
                count(slowOutcomes, "413"), slowOutcomes.entrySet().stream()
                        .filter(e -> !e.getKey().equals("408") && !e.getKey().equals("413"))
                        .mapToInt(e -> e.getValue().get()).sum());
        if (!slowOutcomes.isEmpty()) {
            System.err.println("slow clients: " + new TreeMap<>(Map.copyOf(slowOutcomes)));
        }
    }

    /** A client that announces 20 kB and sends a byte a second; the status it got, or "closed". */
    private static String trickle(URI hook) {
        try (Socket s = new Socket(hook.getHost(), hook.getPort())) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + hook.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\nname=S")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 110 && in.available() == 0; i++) {
                sleep(1000);
                if (in.available() == 0) {
                    out.write('x');
                    out.flush();
                }
            }
            byte[] line = new byte[12];
            int n = in.readNBytes(line, 0, 12);
            return n == 12 ? new String(line, 9, 3, StandardCharsets.US_ASCII) : "closed";
        } catch (IOException e) {
            return "closed";
        }
    }

    private static Thread start(Runnable task) {
        Thread t = new Thread(task);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int scenarioDigit(String scenario) {
        return Math.floorMod(scenario.hashCode(), 10);
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        AtomicInteger n = outcomes.get(key);
        return n == null ? 0 : n.get();
    }

    private static String percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.valueOf(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
