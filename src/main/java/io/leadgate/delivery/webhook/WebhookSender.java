package io.leadgate.delivery.webhook;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.outbound.PinnedPost;
import io.leadgate.outbound.WebhookSigner;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one signed delivery as a {@link PinnedPost}: the target is checked by the address guard right before each
 * attempt, the connection goes to the address that was checked, redirects are never followed, and the request
 * timeout covers the whole exchange.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String USER_AGENT = "Leadgate-Webhooks/1";
    private static final int MAX_CONNECTIONS = 32;

    private final PinnedPost http;
    private final Duration requestTimeout;

    @Inject
    WebhookSender(Vertx vertx, LeadgateConfig config) {
        this(vertx, config.webhooks().connectTimeout(), config.webhooks().requestTimeout(),
                config.webhooks().allowPrivate());
    }

    WebhookSender(Vertx vertx, Duration connectTimeout, Duration requestTimeout, boolean allowPrivate) {
        this.http = new PinnedPost(vertx, connectTimeout, allowPrivate, MAX_CONNECTIONS);
        this.requestTimeout = requestTimeout;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * Checks the target (blocking DNS, call off the event loop) and sends; the answer completes on a Vert.x thread.
     * Never completes exceptionally. When the request timeout runs out the attempt is "timed out" and the request is
     * reset, so an endpoint that trickles its answer cannot keep it alive and a later answer is never read.
     */
    public CompletableFuture<Attempt> send(String url, String secret, String messageId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of(
                "content-type", CONTENT_TYPE,
                "user-agent", USER_AGENT,
                "webhook-id", messageId,
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", WebhookSigner.sign(secret, messageId, timestamp, bytes));
        return http.post(url, headers, bytes, requestTimeout).thenApply(answer -> {
            if (answer.refused()) {
                return Attempt.refused(answer.failure());
            }
            if (answer.failure() != null) {
                return Attempt.failed(answer.failure());
            }
            return Attempt.answered(answer.status(), RetrySchedule.parseRetryAfter(answer.retryAfter(), Instant.now()));
        });
    }
}
