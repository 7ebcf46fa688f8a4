package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.crm.CrmAnswer;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmFailure.Kind;
import io.leadgate.delivery.crm.TokenBucket;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls Bitrix24's REST API ({@code <url>/<method>.json}, JSON body): an incoming webhook's URL, or an OAuth
 * application's {@code client_endpoint} with {@code ?auth=<access token>}. Every HTTP request takes a token from
 * the bucket first. Error answers ({@code {"error": …, "error_description": …}},
 * https://apidocs.bitrix24.com/error-codes.html) are classified: {@code QUERY_LIMIT_EXCEEDED} (503) empties the bucket
 * and is retried after a pause, always safely since Bitrix24 did not run the request; other 5xx and timeouts are
 * retried here only for read-only calls (a create whose answer was lost is resolved by the caller); refused
 * credentials are {@link Kind#AUTH}. The webhook URL and the access token are secrets: they never appear in a message.
 */
public class Bitrix24Client {

    private static final int ATTEMPTS = 4;

    /** Where calls go: the REST base URL and, for an OAuth application, the access token (null for a webhook URL). */
    public record Endpoint(String baseUrl, String accessToken) {
        @Override
        public String toString() {
            return "Endpoint[…]"; // the webhook URL and the token are secrets
        }
    }

    /** Answers the endpoint for the next call (an OAuth token is refreshed here before it expires). */
    @FunctionalInterface
    public interface Endpoints {
        Endpoint next() throws CrmFailure, InterruptedException;
    }

    private final Endpoints endpoints;
    private final Duration timeout;
    private final TokenBucket bucket;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final TokenBucket.Sleeper sleeper;

    public Bitrix24Client(String webhookUrl, Duration timeout, TokenBucket bucket, ObjectMapper mapper, TokenBucket.Sleeper sleeper) {
        this(() -> new Endpoint(webhookUrl, null), timeout, bucket, mapper, sleeper);
    }

    public Bitrix24Client(Endpoints endpoints, Duration timeout, TokenBucket bucket, ObjectMapper mapper, TokenBucket.Sleeper sleeper) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        this.bucket = bucket;
        this.mapper = mapper;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Calls one method; returns its {@code result}. */
    public JsonNode call(String method, JsonNode params, boolean readOnly) throws CrmFailure, InterruptedException {
        return send(method, params, readOnly).path("result");
    }

    /**
     * Runs commands in one {@code batch} request (at most 50), halting at the first error; returns the results by
     * command name. Any command's error fails the whole call.
     */
    public JsonNode batch(Map<String, String> commands, boolean readOnly) throws CrmFailure, InterruptedException {
        if (commands.size() > 50) {
            throw new IllegalArgumentException("a Bitrix24 batch holds at most 50 commands");
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("halt", 1);
        ObjectNode cmd = body.putObject("cmd");
        commands.forEach(cmd::put);
        JsonNode result = send("batch", body, readOnly).path("result");
        JsonNode errors = result.path("result_error");
        if (errors.isObject() && errors.size() > 0) {
            var first = errors.fields().next();
            throw Bitrix24Classifier.classify(200, first.getValue(), "batch command " + first.getKey());
        }
        return result.path("result");
    }

    private JsonNode send(String method, JsonNode params, boolean readOnly) throws CrmFailure, InterruptedException {
        Endpoint endpoint = endpoints.next();
        String base = endpoint.baseUrl().endsWith("/") ? endpoint.baseUrl() : endpoint.baseUrl() + "/";
        // an OAuth application's calls carry the access token as the auth parameter
        String auth = endpoint.accessToken() == null ? ""
                : "?auth=" + URLEncoder.encode(endpoint.accessToken(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + method + ".json" + auth))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params.toString(), StandardCharsets.UTF_8))
                .build();
        CrmFailure last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                sleeper.sleep(Duration.ofMillis(500L << (attempt - 1)));
            }
            bucket.take();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new CrmFailure(Kind.RETRYABLE, "io", "Bitrix24 " + method + " unreachable: " + e.getClass().getSimpleName());
                if (readOnly) {
                    continue;
                }
                throw last;
            }
            CrmAnswer answer = CrmAnswer.of(response.statusCode(), response.body(), mapper);
            JsonNode body = answer.json();
            CrmFailure failure;
            if (answer.success() && !body.hasNonNull("error")) {
                try {
                    answer.require("Bitrix24", method, "/result");
                    return body;
                } catch (CrmFailure invalid) { // a 200 that is not a Bitrix24 answer (a proxy's page, a cut body)
                    failure = invalid;
                }
            } else {
                failure = Bitrix24Classifier.classify(response.statusCode(), body, method);
            }
            if (rateLimited(body)) {
                bucket.drain();
                last = failure;
                continue;
            }
            if (failure.kind() == Kind.RETRYABLE && readOnly) {
                last = failure;
                continue;
            }
            throw failure;
        }
        throw last;
    }

    static boolean rateLimited(JsonNode body) {
        return "QUERY_LIMIT_EXCEEDED".equalsIgnoreCase(body.path("error").asText(""));
    }
}
