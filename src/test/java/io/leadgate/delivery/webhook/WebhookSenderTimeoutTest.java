package io.leadgate.delivery.webhook;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The request timeout covers the whole answer and really aborts the request: an endpoint that answers its status at
 * once and then trickles its body forever (which an idle timeout never ends) gets its connection closed, and the
 * attempt is "timed out". A plain socket plays the endpoint, so the test sees the connection itself.
 */
class WebhookSenderTimeoutTest {

    private Vertx vertx;
    private ServerSocket server;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTricklingAnswerIsCutAtTheTimeoutAndItsConnectionClosed() throws Exception {
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(this::trickle);
        WebhookSender sender = new WebhookSender(vertx, Duration.ofSeconds(2), Duration.ofMillis(800), true);

        Attempt attempt = sender.send("http://127.0.0.1:" + server.getLocalPort() + "/slow", "secret", "msg_1", "{}")
                .get(30, TimeUnit.SECONDS);

        assertEquals(Attempt.Outcome.FAILED, attempt.outcome());
        assertEquals("timed out", attempt.error());
        assertNull(attempt.status(), "an answer that did not end in time is not an answer");
        assertEquals("closed by the sender", endpoint.get(30, TimeUnit.SECONDS));
    }

    @Test
    void anEndpointThatNeverAnswersHasItsRequestAborted() throws Exception {
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(this::silent);
        WebhookSender sender = new WebhookSender(vertx, Duration.ofSeconds(2), Duration.ofMillis(800), true);

        Attempt attempt = sender.send("http://127.0.0.1:" + server.getLocalPort() + "/silent", "secret", "msg_2", "{}")
                .get(30, TimeUnit.SECONDS);

        assertEquals("timed out", attempt.error());
        assertEquals("closed by the sender", endpoint.get(30, TimeUnit.SECONDS));
    }

    /** Answers 200 with a chunked body, one byte every 100 ms, until the sender closes the connection (at most 60 s). */
    private String trickle() {
        try (Socket socket = server.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 600; i++) {
                out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
            return "still open after 60 s";
        } catch (IOException e) {
            return "closed by the sender";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Reads the request and then waits for more bytes that never come: only the sender closing ends the wait. */
    private String silent() {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            readRequest(in);
            return in.read() == -1 ? "closed by the sender" : "unexpected bytes";
        } catch (IOException e) {
            return e instanceof java.net.SocketTimeoutException ? "still open after 60 s" : "closed by the sender";
        }
    }

    /** Reads the head and the {@code content-length} body of one request. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("request ended early");
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
    }
}
