package io.leadgate.api;

import io.leadgate.channel.Headers;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Vert.x / JAX-RS and the framework-free hook types. */
final class HookReplies {

    private HookReplies() {
    }

    static HookRequest request(HttpServerRequest http, String subPath, String requestUrl, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        String client = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return new HookRequest(http.method().name(), subPath, Headers.of(headers), http.query(), body, requestUrl,
                client, Instant.now());
    }

    /** Writes a reply on the Vert.x response (the hook POST route). */
    static void write(io.vertx.core.http.HttpServerResponse response, HookReply reply) {
        response.setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        if (reply.body() == null) {
            response.end();
            return;
        }
        if (reply.contentType() != null) {
            response.putHeader("Content-Type", reply.contentType());
        }
        response.end(reply.body());
    }

    static Response response(HookReply reply) {
        Response.ResponseBuilder builder = Response.status(reply.status());
        if (reply.body() != null) {
            builder.entity(reply.body());
            if (reply.contentType() != null) {
                builder.type(reply.contentType());
            }
        }
        reply.headers().forEach(builder::header);
        return builder.build();
    }
}
