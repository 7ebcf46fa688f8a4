package io.leadgate.api;

import io.leadgate.channel.Channel;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.intake.HookService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Reads a hook's body on the event loop, before {@link HookResource} runs on a worker thread, so a client that
 * trickles its body holds a connection but never a worker. In order: an unknown or disabled channel is refused
 * (404) before any byte of the body is read; a {@code Content-Length} above the channel's limit is refused (413)
 * before the body is read, and so is a streamed (chunked) body as soon as it passes the limit; a body that has not
 * arrived within {@code leadgate.hooks.body-timeout} gets 408. Every refusal closes the connection (the rest of the
 * body is never read). At most the channel's limit is buffered per request.
 */
@ApplicationScoped
public class HookBodies {

    /** The routing-context key of the body as a {@code byte[]}. */
    static final String BODY = HookBodies.class.getName() + ".body";
    /** Before Quarkus REST's route, after the HTTP server's own handlers (upload limit, security). */
    private static final int ORDER = 1_000;

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
        router.route(HttpMethod.PUT, "/hooks/*").order(ORDER).handler(this::read);
        router.route(HttpMethod.PATCH, "/hooks/*").order(ORDER).handler(this::read);
    }

    /** The body read by the route, or null when it did not run. */
    static byte[] body(RoutingContext context) {
        return context.get(BODY);
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
            context.put(BODY, new byte[0]);
            context.next();
            return;
        }
        new Reader(context, limit).start(length != null);
    }

    /** The state of one body read; every callback runs on the connection's event loop. */
    private final class Reader {
        private final RoutingContext context;
        private final int limit;
        private Buffer body;
        private long timer;
        private boolean finished;

        Reader(RoutingContext context, int limit) {
            this.context = context;
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
                    context.put(BODY, body.getBytes());
                    body = null;
                    context.next();
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
        boolean unread = !request.isEnded();
        var response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json");
        if (unread) {
            response.putHeader("Connection", "close");
        }
        response.end("{\"error\":\"" + message + "\"}").onComplete(done -> {
            if (unread) {
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
