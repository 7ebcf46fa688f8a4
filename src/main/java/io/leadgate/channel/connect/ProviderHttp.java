package io.leadgate.channel.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The calls "connect" makes to providers: JSON or form posts, answers read as JSON. A URL may hold a token (Telegram's
 * {@code /bot<token>/}): it is never part of a message or a log line.
 */
final class ProviderHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A provider's answer; {@code json} is a missing node when the body is no JSON. */
    record Answer(int status, JsonNode json) {
    }

    /** The provider could not be reached or did not answer in time. */
    static final class UnreachableException extends Exception {
        UnreachableException(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    Answer postJson(String url, Map<String, String> headers, Object body) throws UnreachableException {
        HttpRequest.Builder b = request(url, headers).header("Content-Type", "application/json");
        try {
            b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(b.build());
    }

    Answer postForm(String url, Map<String, String> headers, Map<String, String> form) throws UnreachableException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(url, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        headers.forEach(b::header);
        return b;
    }

    private Answer send(HttpRequest request) throws UnreachableException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UnreachableException("unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted");
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
            if (json == null) {
                json = MissingNode.getInstance();
            }
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), json);
    }
}
