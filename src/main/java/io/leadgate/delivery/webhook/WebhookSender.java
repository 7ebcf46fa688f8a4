package io.leadgate.delivery.webhook;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.outbound.AddressGuard;
import io.leadgate.outbound.RefusedTargetException;
import io.leadgate.outbound.WebhookSigner;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

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
    private final LeadgateConfig config;
    private final AddressGuard guard;
    private volatile HttpClient client;

    WebhookSender(Vertx vertx, LeadgateConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.guard = new AddressGuard(config.webhooks().allowPrivate(), AddressGuard.SYSTEM);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.webhooks().connectTimeout().toMillis())
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
     * Never completes exceptionally.
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
        long timeout = config.webhooks().requestTimeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setConnectTimeout(config.webhooks().connectTimeout().toMillis())
                .setIdleTimeout(timeout)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", String.valueOf(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secret, messageId, timestamp, bytes));
        CompletableFuture<Attempt> result = new CompletableFuture<>();
        long timer = vertx.setTimer(timeout, id -> result.complete(Attempt.failed("timed out")));
        client().request(options)
                .compose(request -> request.send(Buffer.buffer(bytes)))
                .compose(response -> {
                    int status = response.statusCode();
                    String retryAfter = response.getHeader("retry-after");
                    response.handler(ignored -> { }); // the answer's body is not needed
                    return response.end().map(v -> Attempt.answered(status,
                            RetrySchedule.parseRetryAfter(retryAfter, Instant.now())));
                })
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    result.complete(ar.succeeded() ? ar.result() : Attempt.failed(describe(ar.cause())));
                });
        return result;
    }

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return name.toLowerCase(Locale.ROOT).contains("timeout") ? "timed out" : "connection failed (" + name + ")";
    }
}
