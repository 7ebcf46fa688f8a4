package io.leadgate.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a hook request into a stored envelope and back, leaving secrets and cookies out: the headers of
 * {@code NOT_KEPT} for every provider, the adapter's {@link ChannelAdapter#secretHeaders()} and
 * {@link ChannelAdapter#secretFields()} ({@link SecretScrub}), and channel tokens in the URL.
 */
final class EnvelopeCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NOT_KEPT = Set.of("cookie", "authorization", "proxy-authorization", "x-api-key",
            "x-leadgate-token");

    private EnvelopeCodec() {
    }

    /** The envelope of a request, without the secret headers and body fields the adapter declares. */
    static Envelope toEnvelope(ChannelDefinition channel, Optional<ChannelAdapter> adapter, HookRequest request,
                               Envelope.Status status, String error, Instant now) {
        Set<String> secretHeaders = SecretScrub.lower(adapter.map(ChannelAdapter::secretHeaders).orElse(Set.of()));
        Set<String> secretFields = adapter.map(ChannelAdapter::secretFields).orElse(Set.of());
        Envelope e = new Envelope();
        e.channelId = channel.id();
        e.provider = channel.provider().id();
        e.receivedAt = request.receivedAt();
        e.method = request.method();
        e.subPath = redact(request.subPath(), channel);
        e.queryString = request.query() == null ? null : redact(request.query(), channel);
        e.requestUrl = request.requestUrl() == null ? null : redact(request.requestUrl(), channel);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().asMap().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (!NOT_KEPT.contains(name) && !secretHeaders.contains(name)) {
                headers.put(k, v);
            }
        });
        try {
            e.headers = MAPPER.writeValueAsString(headers);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        e.body = SecretScrub.body(request.body(), request.mediaType(), secretFields);
        e.status = status;
        e.error = error;
        e.attempts = 1;
        e.updatedAt = now;
        return e;
    }

    static HookRequest toRequest(Envelope e) {
        Map<String, List<String>> headers;
        try {
            headers = MAPPER.readValue(e.headers, new TypeReference<>() { });
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new HookRequest(e.method, e.subPath, Headers.of(headers), e.queryString, e.body, e.requestUrl, null,
                e.receivedAt);
    }

    /** Settings whose values travel in hook URLs (path or query): they are secrets and are not stored. */
    private static final List<String> URL_SECRETS = List.of("token", "secret");

    private static String redact(String text, ChannelDefinition channel) {
        String out = text;
        for (String key : URL_SECRETS) {
            String secret = channel.setting(key).orElse(null);
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }
}
