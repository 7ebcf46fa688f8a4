package io.leadgate.outbound;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guarded, pinned POST: refuses internal targets, connects to the checked address, times out on the whole answer. */
class PinnedPostTest {

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/large", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = new byte[1 << 20];
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/trickle", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        vertx.close();
    }

    @Test
    void refusesInternalTargetsWithoutCalling() throws Exception {
        PinnedPost post = new PinnedPost(vertx, Duration.ofSeconds(2), false);
        PinnedPost.Answer answer = post.post("http://127.0.0.1:" + port() + "/ok", Map.of(), new byte[0],
                Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
        assertTrue(answer.refused());
    }

    @Test
    void connectsToTheCheckedAddressUnderTheHostName() throws Exception {
        AddressGuard guard = new AddressGuard(true, host -> List.of(InetAddress.getByName("127.0.0.1")));
        PinnedPost post = new PinnedPost(vertx, Duration.ofSeconds(2), guard);
        PinnedPost.Answer answer = post.post("http://hooks.example.test:" + port() + "/ok", Map.of(), "{}".getBytes(),
                Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
        assertEquals(204, answer.status(), String.valueOf(answer.failure()));
        assertTrue(answer.ok());
    }

    /**
     * An answer without a body can be over before the caller sees its status; each must still count as answered
     * (it once raced: "Response already ended", and a delivered webhook was sent again).
     */
    @Test
    void everyAnswerWithoutABodyIsAnAnswer() throws Exception {
        PinnedPost post = new PinnedPost(vertx, Duration.ofSeconds(2), true);
        for (int i = 0; i < 500; i++) {
            PinnedPost.Answer answer = post.post("http://127.0.0.1:" + port() + "/ok", Map.of(), "{}".getBytes(),
                    Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            assertTrue(answer.ok(), "call " + i + ": " + answer.failure());
        }
    }

    @Test
    void aBodyIsReadToItsEndAndDropped() throws Exception {
        PinnedPost post = new PinnedPost(vertx, Duration.ofSeconds(2), true);
        for (int i = 0; i < 3; i++) { // the connection is reused: each body was read to its end
            PinnedPost.Answer answer = post.post("http://127.0.0.1:" + port() + "/large", Map.of(), new byte[0],
                    Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), String.valueOf(answer.failure()));
        }
    }

    @Test
    void timeoutCoversTheWholeAnswer() throws Exception {
        PinnedPost post = new PinnedPost(vertx, Duration.ofSeconds(2), true);
        long start = System.nanoTime();
        PinnedPost.Answer answer = post.post("http://127.0.0.1:" + port() + "/trickle", Map.of(), new byte[0],
                Duration.ofSeconds(1)).get(30, TimeUnit.SECONDS);
        assertEquals("timed out", answer.failure());
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 9, "well before the 10 s trickle ended");
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
