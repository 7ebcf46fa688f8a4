package io.leadgate.channel;

import java.util.Map;

/** The answer a provider gets from a hook: status, body and headers, as the provider requires. */
public record HookReply(int status, String contentType, String body, Map<String, String> headers) {

    public HookReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HookReply text(int status, String body) {
        return new HookReply(status, "text/plain; charset=utf-8", body, Map.of());
    }

    public static HookReply json(int status, String body) {
        return new HookReply(status, "application/json", body, Map.of());
    }

    public static HookReply empty(int status) {
        return new HookReply(status, null, null, Map.of());
    }

    public HookReply withHeader(String name, String value) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new HookReply(status, contentType, body, h);
    }
}
