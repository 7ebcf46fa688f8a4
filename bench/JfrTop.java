import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the gateway's time goes, from a JFR recording (bench/write-path.sh; run as {@code java bench/JfrTop.java}):
 * GC pauses, allocation by library, frame and class (jdk.ObjectAllocationSample, weighted), and the share of
 * execution samples (jdk.ExecutionSample) by thread, by library anywhere on the stack and at its top, by package and
 * method at the top, and by the project's own methods anywhere on the stack. Reads the file as a stream, so a long
 * recording costs no memory. Usage: java JfrTop.java recording.jfr [from to] (ISO-8601 instants: only events that
 * start in between count).
 */
public class JfrTop {

    private static final int TOP = 25;
    /** Label by class-name prefix; the first match wins. */
    private static final String[][] LIBRARIES = {
            {"Hibernate ORM", "org.hibernate."}, {"PostgreSQL JDBC driver", "org.postgresql."},
            {"Agroal connection pool", "io.agroal."}, {"Narayana transactions", "com.arjuna."},
            {"Jackson JSON", "com.fasterxml.jackson."}, {"libphonenumber", "com.google.i18n.phonenumbers."},
            {"Angus / Jakarta Mail", "org.eclipse.angus."}, {"Angus / Jakarta Mail", "jakarta.mail."},
            {"RESTEasy Reactive", "org.jboss.resteasy."}, {"Vert.x", "io.vertx."}, {"Netty", "io.netty."},
            {"Quarkus / ArC / SmallRye", "io.quarkus."}, {"Quarkus / ArC / SmallRye", "io.smallrye."},
            {"Caffeine cache", "com.github.benmanes."}, {"JBoss logging / threads", "org.jboss."},
            {"Leadgate", "io.leadgate."}, {"JDK regex", "java.util.regex."},
            {"JDK crypto / security", "sun.security."}, {"JDK crypto / security", "java.security."},
            {"JDK crypto / security", "com.sun.crypto."}, {"JDK collections / streams", "java.util."},
            {"JDK lang / text", "java.lang."}, {"JDK other", "java."}, {"JDK other", "jdk."}, {"JDK other", "sun."}};

    private static final Map<String, Long> threads = new HashMap<>();
    private static final Map<String, Long> inclusiveLibrary = new HashMap<>();
    private static final Map<String, Long> selfLibrary = new HashMap<>();
    private static final Map<String, Long> selfPackage = new HashMap<>();
    private static final Map<String, Long> selfMethod = new HashMap<>();
    private static final Map<String, Long> inclusiveLeadgate = new HashMap<>();
    private static final Map<String, Long> allocLibrary = new HashMap<>();
    private static final Map<String, Long> allocFrame = new HashMap<>();
    private static final Map<String, Long> allocClass = new HashMap<>();
    private static final Map<String, Long> gcKinds = new LinkedHashMap<>();
    private static long samples;
    private static long allocated;
    private static Duration pauses = Duration.ZERO;
    private static Duration longestPause = Duration.ZERO;

    public static void main(String[] args) throws Exception {
        Instant from = args.length > 2 ? Instant.parse(args[1]) : Instant.MIN;
        Instant to = args.length > 2 ? Instant.parse(args[2]) : Instant.MAX;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> sample(e);
                    case "jdk.ObjectAllocationSample" -> allocation(e);
                    case "jdk.GarbageCollection" -> {
                        gcKinds.merge(e.getString("name"), 1L, Long::sum);
                        Duration p = e.getDuration("sumOfPauses");
                        pauses = pauses.plus(p);
                        longestPause = p.compareTo(longestPause) > 0 ? p : longestPause;
                    }
                    default -> {
                    }
                }
            }
        }
        long gcs = gcKinds.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%n## garbage collection: %d collections %s, %d ms of pauses in all, longest %.1f ms%n", gcs,
                gcKinds, pauses.toMillis(), longestPause.toNanos() / 1e6);
        System.out.printf("%n## allocation (JFR jdk.ObjectAllocationSample, weighted): %d MiB sampled%n", allocated >> 20);
        show("### by the first non-JDK frame's library", allocLibrary, allocated, 15);
        show("### by the first non-JDK frame", allocFrame, allocated, 15);
        show("### by allocated class", allocClass, allocated, 12);
        System.out.printf("%n# %d execution samples (JFR jdk.ExecutionSample: Java code only; time in native code, the"
                + " kernel, the JIT compiler and GC is not sampled here)%n", samples);
        show("## threads", threads, samples, 10);
        show("## libraries anywhere on the stack (inclusive)", inclusiveLibrary, samples, 30);
        show("## libraries at the top of the stack (self)", selfLibrary, samples, 30);
        show("## packages at the top of the stack (self)", selfPackage, samples, TOP);
        show("## methods at the top of the stack (self)", selfMethod, samples, TOP);
        show("## Leadgate methods anywhere on the stack (inclusive)", inclusiveLeadgate, samples, 40);
    }

    private static void sample(RecordedEvent e) {
        List<RecordedFrame> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
        if (frames.isEmpty()) {
            return;
        }
        samples++;
        RecordedThread thread = e.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        threads.merge(name.replaceAll("[-#]?\\d+$", ""), 1L, Long::sum);
        String top = className(frames.get(0));
        selfMethod.merge(method(frames.get(0)), 1L, Long::sum);
        selfPackage.merge(packageOf(top), 1L, Long::sum);
        selfLibrary.merge(library(top), 1L, Long::sum);
        Set<String> libs = new HashSet<>();
        Set<String> ours = new HashSet<>();
        for (RecordedFrame f : frames) {
            String c = className(f);
            libs.add(library(c));
            if (c.startsWith("io.leadgate.")) {
                ours.add(method(f).replaceAll("\\$\\$.*?\\.", ".").replaceAll("\\.\\d+\\.", "."));
            }
        }
        libs.forEach(l -> inclusiveLibrary.merge(l, 1L, Long::sum));
        ours.forEach(m -> inclusiveLeadgate.merge(m, 1L, Long::sum));
    }

    private static void allocation(RecordedEvent e) {
        long weight = e.getLong("weight");
        allocated += weight;
        allocClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
        List<RecordedFrame> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
        RecordedFrame caller = frames.stream().filter(f -> !library(className(f)).startsWith("JDK")).findFirst()
                .orElse(null);
        allocLibrary.merge(caller == null ? "JDK only" : library(className(caller)), weight, Long::sum);
        allocFrame.merge(caller == null ? "JDK only" : method(caller), weight, Long::sum);
    }

    private static String className(RecordedFrame f) {
        return f.getMethod() == null ? "?" : f.getMethod().getType().getName();
    }

    private static String method(RecordedFrame f) {
        return className(f) + "." + (f.getMethod() == null ? "?" : f.getMethod().getName());
    }

    private static String library(String cls) {
        for (String[] l : LIBRARIES) {
            if (cls.startsWith(l[1])) {
                return l[0];
            }
        }
        return "other";
    }

    private static String packageOf(String cls) {
        String[] parts = cls.replaceAll("\\$.*", "").split("\\.");
        int n = Math.min(3, parts.length - 1);
        return n <= 0 ? "(default)" : String.join(".", java.util.Arrays.copyOf(parts, n));
    }

    private static void show(String title, Map<String, Long> counts, long total, int n) {
        System.out.println();
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(en -> System.out.printf("%6.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total), en.getKey()));
    }
}
