package io.leadgate.outbound;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One guarded, pinned POST: the target is checked by the {@link AddressGuard} right before the call and the
 * connection goes to the very address that was checked (the host name still gives the Host header, TLS SNI and the
 * certificate check), so a DNS answer cannot change in between. Redirects are never followed. The timeout covers
 * the whole exchange — connection, status, headers and body — and aborts the request (closing its connection) when
 * it runs out, so an endpoint that trickles its answer cannot hold the caller. Thread-safe.
 */
public final class PinnedPost implements AutoCloseable {

    /**
     * The outcome of one call: the status of a complete answer (with its {@code Retry-After} header, if any), or why
     * there is none; {@code refused} when the address guard refused the target.
     */
    public record Answer(int status, String retryAfter, String failure, boolean refused) {
        static Answer answered(int status, String retryAfter) {
            return new Answer(status, retryAfter, null, false);
        }

        static Answer failed(String failure) {
            return new Answer(0, null, failure, false);
        }

        /** True for a complete 2xx answer. */
        public boolean ok() {
            return failure == null && status >= 200 && status <= 299;
        }
    }

    private final Vertx vertx;
    private final Duration connectTimeout;
    private final AddressGuard guard;
    private final int maxConnections;
    private volatile HttpClient client;

    public PinnedPost(Vertx vertx, Duration connectTimeout, boolean allowPrivate) {
        this(vertx, connectTimeout, allowPrivate, 16);
    }

    public PinnedPost(Vertx vertx, Duration connectTimeout, boolean allowPrivate, int maxConnections) {
        this(vertx, connectTimeout, new AddressGuard(allowPrivate, AddressGuard.SYSTEM), maxConnections);
    }

    public PinnedPost(Vertx vertx, Duration connectTimeout, AddressGuard guard) {
        this(vertx, connectTimeout, guard, 16);
    }

    PinnedPost(Vertx vertx, Duration connectTimeout, AddressGuard guard, int maxConnections) {
        this.vertx = vertx;
        this.connectTimeout = connectTimeout;
        this.guard = guard;
        this.maxConnections = maxConnections;
    }

    /**
     * Checks the target (blocking DNS: call it off the event loop) and posts {@code body} with {@code headers}. Never
     * completes exceptionally; completes within {@code timeout} (plus scheduling).
     */
    public CompletableFuture<Answer> post(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        AddressGuard.Target target;
        try {
            target = guard.check(url);
        } catch (RefusedTargetException e) {
            return CompletableFuture.completedFuture(new Answer(0, null, "target refused: " + e.getMessage(), true));
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(Answer.failed("host does not resolve"));
        }
        URI uri = target.url();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long millis = Math.max(1, timeout.toMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setConnectTimeout(Math.min(connectTimeout.toMillis(), millis))
                .setIdleTimeout(millis);
        headers.forEach(options::putHeader);
        CompletableFuture<Answer> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long timer = vertx.setTimer(millis, id -> {
            if (result.complete(Answer.failed("timed out"))) {
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
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> {
                    int status = response.statusCode();
                    String retryAfter = response.getHeader("retry-after");
                    // The body is not needed: with no handler set it is read and dropped. Setting one here would
                    // race an answer without a body, which may have ended before this runs ("already ended").
                    return response.end().map(v -> Answer.answered(status, retryAfter));
                })
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    result.complete(ar.succeeded() ? ar.result() : Answer.failed(describe(ar.cause())));
                });
        return result;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) connectTimeout.toMillis())
                            .setVerifyHost(true)
                            .setMaxPoolSize(maxConnections)
                            .setKeepAlive(true)
                            .setTryUseCompression(false));
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** For HTTP/1.x a reset closes the connection, so nothing more is sent or read on it. */
    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset(0, new TimeoutException("request timed out"));
        }
    }

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return name.toLowerCase(Locale.ROOT).contains("timeout") ? "timed out" : "connection failed (" + name + ")";
    }
}
