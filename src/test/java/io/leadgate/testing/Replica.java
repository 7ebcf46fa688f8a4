package io.leadgate.testing;

import io.quarkus.bootstrap.app.AugmentResult;
import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Another replica of the gateway in its own process, for tests that need two: the production fast-jar
 * ({@code quarkus-app/quarkus-run.jar}) built from {@code target/classes} by the same production build as
 * {@code ./mvnw package}, then started with {@code java -jar} on a free port against the same PostgreSQL as the test's
 * own Quarkus, in the same working directory.
 *
 * <p>The jar is built by Quarkus's own build API ({@link QuarkusBootstrap}, which the Maven plugin's {@code build}
 * goal calls) in a child JVM ({@link #main}) from the test classpath, so {@code ./mvnw test} needs no
 * {@code package} phase and no other test pays for it. The build and the replica run with the {@code test} profile,
 * so the replica reads the test configuration (database {@code test}, the test channels, background jobs that tests
 * drive themselves switched off); it never cleans the database at start (the in-JVM Quarkus did that already) and
 * gets the session key from the environment, as an operator sets it on every pod. Its log goes to
 * {@code target/replica-<name>.log}.
 */
public final class Replica implements AutoCloseable {

    /** Where the jar is built (a folder of its own, never the {@code target/quarkus-app} of a package run). */
    static final Path BUILD_DIR = Path.of("target", "replica-build");
    private static final Path JAR = BUILD_DIR.resolve("quarkus-app").resolve("quarkus-run.jar");
    private static boolean built;

    private final String name;
    private final int port;
    private final Process process;

    private Replica(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Builds the jar (once per test JVM) and starts a replica with the given session encryption key; returns once
     * it is ready ({@code /q/health/ready} answers 200).
     */
    public static Replica start(String name, String sessionKey) {
        try {
            build();
            File log = log("replica-" + name);
            Files.deleteIfExists(log.toPath());
            for (int attempt = 1; ; attempt++) {
                int port = ChildProcesses.freePort();
                List<String> command = java();
                command.addAll(List.of("-Dquarkus.profile=test", "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.flyway.clean-at-start=false",
                        "-jar", JAR.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
                builder.environment().put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", sessionKey);
                Replica replica = new Replica(name, port, builder.start());
                Runtime.getRuntime().addShutdownHook(new Thread(replica.process::destroyForcibly));
                if (replica.awaitReady(180_000)) {
                    return replica;
                }
                // the free port was taken by another process between the look-up and the bind: try another one
                if (attempt == 3 || !Files.readString(log.toPath()).contains("in use")) {
                    throw new IllegalStateException("replica " + name + " exited with " + replica.process.exitValue()
                            + ", see target/replica-" + name + ".log");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the replica as a pod is stopped (SIGTERM, graceful shutdown). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void build() throws IOException, InterruptedException {
        if (built) {
            return;
        }
        List<String> command = java();
        command.add("-Dquarkus.profile=test");
        command.add(Replica.class.getName());
        command.add(BUILD_DIR.toString());
        Process build = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log("replica-build"))).start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0 || !Files.isRegularFile(JAR)) {
            build.destroyForcibly();
            throw new IllegalStateException("the replica jar was not built, see target/replica-build.log");
        }
        built = true;
    }

    /**
     * The build step, run in a child JVM with the test classpath: the production application of {@code target/classes}
     * into the folder given as the only argument, with the build-time configuration of {@code -Dquarkus.profile}.
     */
    public static void main(String[] args) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path target = project.resolve(args[0]);
        ChildProcesses.deleteTree(target.toFile());
        Properties buildProperties = new Properties();
        buildProperties.putAll(System.getProperties());
        try (CuratedApplication app = QuarkusBootstrap.builder()
                .setApplicationRoot(project.resolve("target").resolve("classes"))
                .setProjectRoot(project)
                .setTargetDirectory(target)
                .setBaseName("leadgate-replica")
                .setMode(QuarkusBootstrap.Mode.PROD)
                .setBuildSystemProperties(buildProperties)
                .setIsolateDeployment(true)
                // every artifact is local already: the test's own Quarkus was built from the same model (plus test scope)
                .setOffline(true)
                .setLocalProjectDiscovery(true)
                .build().bootstrap()) {
            AugmentResult result = app.createAugmentor().createProductionApplication();
            System.out.println("built " + result.getJar().getPath());
        }
    }

    private static List<String> java() throws IOException {
        // the classpath can be longer than one command-line argument may be: pass it in a java @argfile
        Path argFile = Files.createTempFile("leadgate-replica", ".args");
        argFile.toFile().deleteOnExit();
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n",
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("@" + argFile);
        return command;
    }

    /** True once ready, false when the process exited first; stops it and fails when it is not ready in time. */
    private boolean awaitReady(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (ready()) {
                return true;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("replica " + name + " was not ready in time, see target/replica-" + name + ".log");
    }

    private boolean ready() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException notYet) {
            return false;
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static File log(String name) {
        return Path.of("target", name + ".log").toFile();
    }
}
