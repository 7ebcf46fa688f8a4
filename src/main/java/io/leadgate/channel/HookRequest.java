package io.leadgate.channel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider sent, exactly as received: raw body bytes (signatures are computed over them), headers, the
 * path after {@code /hooks/{id}} and the query. Also rebuilt from a stored envelope for a replay.
 *
 * @param subPath    the path after the channel id, {@code ""} or starting with {@code /} ({@code /events/call})
 * @param query      the raw query string, or null
 * @param requestUrl    the absolute URL the request was made to, as the gateway saw it
 * @param clientAddress the caller's address (from a trusted proxy's forwarded header when configured)
 */
public record HookRequest(String method, String subPath, Headers headers, String query, byte[] body,
                          String requestUrl, String clientAddress, Instant receivedAt) {

    public HookRequest {
        subPath = subPath == null ? "" : subPath;
        body = body == null ? new byte[0] : body;
    }

    /** The media type without parameters, lower-cased, or {@code ""} when there is no Content-Type. */
    public String mediaType() {
        String ct = headers.first("Content-Type").orElse("");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset of the Content-Type, or UTF-8. */
    public Charset charset() {
        return Charsets.ofContentType(headers.first("Content-Type").orElse(null), StandardCharsets.UTF_8);
    }

    public String bodyText() {
        return new String(body, charset());
    }

    public Map<String, List<String>> queryParams() {
        return io.leadgate.inquiry.UrlQuery.parse(query);
    }

    public Optional<String> queryParam(String name) {
        List<String> v = queryParams().get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The sub-path split into segments, without empty ones. */
    public List<String> pathSegments() {
        return java.util.Arrays.stream(subPath.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
