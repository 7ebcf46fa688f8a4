package io.leadgate.api;

import io.leadgate.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of clients that trickle their bodies, announce or stream oversized ones, or post to an unknown channel
 * do not starve the hooks: normal posts are answered meanwhile, the slow ones get 408 after the body timeout
 * ({@code %test.leadgate.hooks.body-timeout}), the oversized ones 413 before their body is buffered, the unknown
 * channel 404 before its body is read.
 */
@QuarkusTest
class SlowClientsTest {

    private static final int SLOW = 300; // more than the 200 worker threads (quarkus.thread-pool.max-threads)
    private static final int OVERSIZED = 100;
    private static final int STREAMED = 30;
    private static final int UNKNOWN = 20;
    private static final int NORMAL = 40;

    @TestHTTPResource("/")
    URL base;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed by the server
            }
        }
    }

    @Test
    void slowAndOversizedClientsDoNotStarveNormalPosts() throws Exception {
        int port = base.getPort();
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) { // announce 20 kB (more than the REST layer buffers on the event loop), send 10
            Socket s = open(port);
            write(s, head("/hooks/form", "Content-Length: 20000") + "name=Slow");
            slow.add(s);
        }
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        long trickleUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        trickle.scheduleAtFixedRate(() -> {
            if (System.nanoTime() > trickleUntil) {
                return; // then silent, so the 408 arrives on a connection the client no longer writes to
            }
            for (Socket s : slow) {
                try {
                    if (s.getInputStream().available() == 0) {
                        s.getOutputStream().write('x');
                    }
                } catch (IOException ignored) {
                    // answered and closed meanwhile
                }
            }
        }, 0, 300, TimeUnit.MILLISECONDS);
        List<Socket> oversized = new ArrayList<>();
        for (int i = 0; i < OVERSIZED; i++) {
            Socket s = open(port);
            write(s, head("/hooks/form", "Content-Length: 5000000"));
            oversized.add(s);
        }
        List<Socket> unknown = new ArrayList<>();
        for (int i = 0; i < UNKNOWN; i++) {
            Socket s = open(port);
            write(s, head("/hooks/no-such-channel", "Content-Length: 1000000"));
            unknown.add(s);
        }
        ExecutorService streamers = Executors.newFixedThreadPool(STREAMED);
        List<CompletableFuture<String>> streamed = new ArrayList<>();
        for (int i = 0; i < STREAMED; i++) { // chunked: no length to judge by; refused once the bytes pass the limit
            streamed.add(CompletableFuture.supplyAsync(() -> streamOversized(port), streamers));
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService posters = Executors.newFixedThreadPool(8);
        List<CompletableFuture<HttpResponse<String>>> normal = new ArrayList<>();
        for (int i = 0; i < NORMAL; i++) {
            String body = "name=Normal&phone=%2B7" + Api.newMobileDigits() + "&message=hello";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "hooks/form")).version(HttpClient.Version.HTTP_2)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            normal.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, posters));
        }
        for (CompletableFuture<HttpResponse<String>> f : normal) {
            HttpResponse<String> response = f.get(90, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"accepted\""), response.body());
        }
        for (Socket s : oversized) {
            assertEquals("HTTP/1.1 413", status(s), "an announced oversized body is refused before it is sent");
        }
        for (Socket s : unknown) {
            assertEquals("HTTP/1.1 404", status(s), "an unknown channel is refused before its body is read");
        }
        for (CompletableFuture<String> f : streamed) {
            String outcome = f.get(90, TimeUnit.SECONDS);
            assertTrue(outcome.equals("HTTP/1.1 413") || outcome.equals("reset"), outcome);
        }
        for (Socket s : slow) {
            assertEquals("HTTP/1.1 408", status(s), "a body slower than the body timeout");
        }
        trickle.shutdownNow();
        streamers.shutdownNow();
        posters.shutdownNow();
    }

    @Test
    void channelMaxBodyRefusesLargerBodies() {
        given().contentType(ContentType.URLENC).body("name=Ann&message=" + "a".repeat(2000))
                .post("/hooks/form-small").then().statusCode(413).body("error", containsString("1000 bytes"));
        given().contentType(ContentType.URLENC)
                .body("name=Ann&phone=%2B7" + Api.newMobileDigits() + "&message=short")
                .post("/hooks/form-small").then().statusCode(200);
    }

    @Test
    void disabledChannelIsRefusedBeforeItsBody() throws IOException {
        Socket s = open(base.getPort());
        write(s, head("/hooks/form-disabled", "Content-Length: 100000"));
        assertEquals("HTTP/1.1 404", status(s));
    }

    /** Streams a chunked body far above the limit; the status line it got, or "reset" when the server cut it off. */
    private String streamOversized(int port) {
        try {
            Socket s = open(port);
            write(s, head("/hooks/form", "Transfer-Encoding: chunked"));
            OutputStream out = s.getOutputStream();
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 64 && s.getInputStream().available() == 0; i++) { // up to 4 MB
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException e) {
                // the server answered and closed: read what it said
            }
            return status(s);
        } catch (IOException e) {
            return "reset";
        }
    }

    private Socket open(int port) throws IOException {
        Socket s = new Socket("localhost", port);
        s.setSoTimeout(60_000);
        synchronized (sockets) {
            sockets.add(s);
        }
        return s;
    }

    private static String head(String path, String lengthHeader) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n" + lengthHeader + "\r\n\r\n";
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    /** The first 12 characters of the answer's status line ("HTTP/1.1 408"). */
    private static String status(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while (line.size() < 12 && (b = in.read()) >= 0) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
