package io.leadgate.delivery.webhook;

import io.leadgate.config.LeadgateConfig;
import io.vertx.core.Future;
import io.leadgate.outbound.AddressGuard;
import io.leadgate.outbound.RefusedTargetException;
import io.leadgate.outbound.WebhookSigner;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one signed delivery with the Vert.x HTTP client. The target is checked by the {@link AddressGuard} right
 * before each attempt and the connection goes to the address that was checked (the host name still gives the Host
 * header, TLS SNI and certificate check), so a DNS answer cannot change in between. Redirects are never followed.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String USER_AGENT = "Leadgate-Webhooks/1";

    private final Vertx vertx;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final AddressGuard guard;
    private volatile HttpClient client;

    @Inject
    WebhookSender(Vertx vertx, LeadgateConfig config) {
        this(vertx, config.webhooks().connectTimeout(), config.webhooks().requestTimeout(),
                config.webhooks().allowPrivate());
    }

    WebhookSender(Vertx vertx, Duration connectTimeout, Duration requestTimeout, boolean allowPrivate) {
        this.vertx = vertx;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.guard = new AddressGuard(allowPrivate, AddressGuard.SYSTEM);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) connectTimeout.toMillis())
                            .setVerifyHost(true)
                            .setMaxPoolSize(32)
                            .setKeepAlive(true)
                            .setTryUseCompression(false));
                }
                c = client;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * Checks the target (blocking DNS, call off the event loop) and sends; the answer completes on a Vert.x thread.
     * Never completes exceptionally. The request timeout covers the whole exchange (connection, status, headers and
     * body): when it runs out the attempt is "timed out" and the request is reset, which closes its connection, so an
     * endpoint that trickles its answer cannot keep the request alive, and an answer arriving later is never read.
     */
    public CompletableFuture<Attempt> send(String url, String secret, String messageId, String body) {
        AddressGuard.Target target;
        try {
            target = guard.check(url);
        } catch (RefusedTargetException e) {
            return CompletableFuture.completedFuture(Attempt.refused("target refused: " + e.getMessage()));
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(Attempt.failed("host does not resolve"));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        URI uri = target.url();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long timeout = requestTimeout.toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", String.valueOf(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secret, messageId, timestamp, bytes));
        CompletableFuture<Attempt> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long timer = vertx.setTimer(timeout, id -> {
            if (result.complete(Attempt.failed("timed out"))) {
                abort(inFlight.get());
            }
        });
        client().request(options)
                .compose(request -> {
                    inFlight.set(request);
                    if (result.isDone()) { // timed out while connecting
                        abort(request);
                        return Future.failedFuture(new TimeoutException("timed out"));
                    }
                    return request.send(Buffer.buffer(bytes));
                })
                .compose(response -> {
                    int status = response.statusCode();
                    String retryAfter = response.getHeader("retry-after");
                    response.handler(ignored -> { }); // the answer's body is not needed, but it must end in time
                    return response.end().map(v -> Attempt.answered(status,
                            RetrySchedule.parseRetryAfter(retryAfter, Instant.now())));
                })
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    result.complete(ar.succeeded() ? ar.result() : Attempt.failed(describe(ar.cause())));
                });
        return result;
    }

    /** Aborts a request: for HTTP/1.x a reset closes the connection, so nothing more is sent or read on it. */
    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset(0, new TimeoutException("webhook request timed out"));
        }
    }

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return name.toLowerCase(Locale.ROOT).contains("timeout") ? "timed out" : "connection failed (" + name + ")";
    }
}
