package io.leadgate.api;

import io.leadgate.channel.Channel;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.intake.HookService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.leadgate.channel.HookRequest;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /hooks/{id}[/…]}: where providers deliver. A Vert.x route rather than a REST resource, so that the body
 * is read on the event loop and a client that trickles its body holds a connection but never a worker thread; only
 * the complete body goes to a worker ({@link HookService#handle}). In order: an unknown or disabled channel is
 * refused (404) before any byte of the body is read; a {@code Content-Length} above the channel's limit is refused
 * (413) before the body is read, and so is a streamed (chunked) body as soon as it passes the limit; a body that has
 * not arrived within {@code leadgate.hooks.body-timeout} gets 408. Every refusal closes the connection (the rest of
 * the body is never read). At most the channel's limit is buffered per request. The body is kept raw, so signatures
 * are checked over the exact bytes. GET and OPTIONS (handshakes, CORS preflight) are {@link HookResource}.
 */
@ApplicationScoped
public class HookBodies {

    private static final Logger LOG = Logger.getLogger(HookBodies.class);
    /** Before Quarkus REST's route, after the HTTP server's own handlers (upload limit, security). */
    private static final int ORDER = 1_000;
    /** The request id (as {@code io.leadgate.ops.RequestIds} gives REST requests): echoed and put in the MDC. */
    private static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ChannelRegistry registry;
    private final HookService hooks;
    private final long timeoutMillis;
    private final MeterRegistry metrics;

    HookBodies(ChannelRegistry registry, HookService hooks, LeadgateConfig config, MeterRegistry metrics) {
        this.registry = registry;
        this.hooks = hooks;
        this.timeoutMillis = Math.max(1, config.hooks().bodyTimeout().toMillis());
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/hooks/*").order(ORDER).handler(this::read);
    }

    private void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        String channelId = channelId(context.normalizedPath());
        Optional<Channel> channel = channelId == null ? Optional.empty() : registry.find(channelId);
        if (channel.isEmpty()) {
            refuse(context, 404, "unknown or disabled channel", "unknown-channel");
            return;
        }
        int limit = hooks.bodyLimit(channel.get().definition());
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared = parseLength(length);
            if (declared < 0) {
                refuse(context, 400, "Content-Length is not a number", "bad-length");
                return;
            }
            if (declared > limit) {
                refuse(context, 413, "body larger than " + limit + " bytes", "too-large");
                return;
            }
        }
        if (request.isEnded()) {
            handle(context, channelId, new byte[0]);
            return;
        }
        new Reader(context, channelId, limit).start(length != null);
    }

    /** Runs the hook on a worker (request context active, request id in the MDC) and writes its reply. */
    private void handle(RoutingContext context, String channelId, byte[] body) {
        HttpServerRequest http = context.request();
        String offered = http.getHeader(REQUEST_ID);
        String requestId = offered != null && SAFE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        HookRequest request = HookReplies.request(http, subPath(context.normalizedPath(), channelId),
                http.absoluteURI(), body);
        context.vertx().executeBlocking(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            MDC.put("requestId", requestId);
            try {
                return hooks.handle(channelId, request);
            } finally {
                MDC.remove("requestId");
                requestContext.terminate();
            }
        }, false).onComplete(done -> {
            HttpServerResponse response = context.response();
            if (response.ended() || response.closed()) {
                return;
            }
            response.putHeader(REQUEST_ID, requestId);
            if (done.succeeded()) {
                HookReplies.write(response, done.result());
            } else {
                LOG.errorf("hook of channel %s failed: %s", channelId, done.cause().getClass().getSimpleName());
                response.setStatusCode(500).putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"internal error\"}");
            }
        });
    }

    /** The part after {@code /hooks/{id}}, percent-decoded as a path parameter is; "" when none. */
    static String subPath(String path, String channelId) {
        String prefix = "/hooks/" + channelId;
        String raw = path != null && path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return new URI("http://h" + raw).getPath();
        } catch (URISyntaxException | RuntimeException e) {
            return raw;
        }
    }

    /** The state of one body read; every callback runs on the connection's event loop. */
    private final class Reader {
        private final RoutingContext context;
        private final String channelId;
        private final int limit;
        private Buffer body;
        private long timer;
        private boolean finished;

        Reader(RoutingContext context, String channelId, int limit) {
            this.context = context;
            this.channelId = channelId;
            this.limit = limit;
        }

        void start(boolean lengthKnown) {
            HttpServerRequest request = context.request();
            long declared = lengthKnown ? parseLength(request.getHeader("Content-Length")) : -1;
            body = Buffer.buffer((int) Math.max(0, Math.min(declared < 0 ? 4096 : declared, 64 * 1024)));
            timer = context.vertx().setTimer(timeoutMillis, t -> {
                if (finish()) {
                    refuse(context, 408, "request body not received within " + timeoutMillis + " ms", "body-timeout");
                }
            });
            request.handler(chunk -> {
                if (finished) {
                    return;
                }
                if ((long) body.length() + chunk.length() > limit) {
                    finish();
                    refuse(context, 413, "body larger than " + limit + " bytes", "too-large");
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.endHandler(v -> {
                if (finish()) {
                    byte[] bytes = body.getBytes();
                    body = null;
                    handle(context, channelId, bytes);
                }
            });
            request.exceptionHandler(e -> finish()); // the client went away: nothing to answer
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                request.response().writeContinue();
            }
            request.resume();
        }

        /** Ends the read once; true for the caller that ended it. */
        private boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            context.vertx().cancelTimer(timer);
            return true;
        }
    }

    private void refuse(RoutingContext context, int status, String message, String reason) {
        metrics.counter("leadgate.hook.refused", "reason", reason).increment();
        HttpServerRequest request = context.request();
        // HTTP/1.x: the rest of the body would be read as the next request, so the connection goes. HTTP/2: the other
        // streams on the connection are not this client's fault; ending the response ends this stream alone.
        boolean close = !request.isEnded() && request.version() != HttpVersion.HTTP_2;
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json");
        if (close) {
            response.putHeader("Connection", "close");
        }
        response.end("{\"error\":\"" + message + "\"}").onComplete(done -> {
            if (close) {
                request.connection().close();
            }
        });
    }

    /** The channel id of {@code /hooks/{id}[/…]}, or null. */
    static String channelId(String path) {
        if (path == null || !path.startsWith("/hooks/")) {
            return null;
        }
        String rest = path.substring("/hooks/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isEmpty() ? null : id;
    }

    private static long parseLength(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(v);
    }
}
