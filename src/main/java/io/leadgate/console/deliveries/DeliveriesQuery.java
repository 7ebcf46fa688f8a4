package io.leadgate.console.deliveries;

import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.kafka.KafkaRelay;
import io.leadgate.delivery.kafka.RelayStatus;
import io.leadgate.delivery.webhook.DeliveryView;
import io.leadgate.delivery.webhook.SubscriptionRequest;
import io.leadgate.delivery.webhook.WebhookDelivery;
import io.leadgate.delivery.webhook.WebhookService;
import io.leadgate.delivery.webhook.WebhookView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The deliveries page: webhook subscriptions (state, recent attempts, dead letters), the Kafka relay (state and
 * lag, as this replica's relay sees them) and the CRM connectors (state and why one stopped).
 */
@ApplicationScoped
public class DeliveriesQuery {

    static final int RECENT = 10;
    static final int DEAD = 50;
    static final int WEBHOOKS = 100;

    /** A subscription with its latest deliveries (newest first) and its dead letters (oldest first). */
    public record Webhook(WebhookView view, List<DeliveryView> recent, List<DeliveryView> dead, long deadCount,
                         long pending) {
    }

    /** The Kafka relay of this replica; {@code lag} unsent outbox rows, the oldest written at {@code oldestAt}. */
    public record Kafka(String state, boolean leader, long lag, Instant oldestAt, Instant lastAcknowledgedAt,
                        Instant waitingSince, String lastError) {
    }

    /** A CRM connector: {@code running}, {@code retrying} or {@code stopped}, with the reason. */
    public record Connector(String id, String state, String detail, Instant since) {
    }

    private final WebhookService webhooks;
    private final KafkaRelay relay;
    private final ConnectorRunner connectors;

    DeliveriesQuery(WebhookService webhooks, KafkaRelay relay, ConnectorRunner connectors) {
        this.webhooks = webhooks;
        this.relay = relay;
        this.connectors = connectors;
    }

    @Transactional
    public List<Webhook> webhooks() {
        return webhooks.list(WEBHOOKS, 0).stream().map(w -> {
            long id = Long.parseLong(w.id());
            List<DeliveryView> recent = WebhookDelivery.<WebhookDelivery>find(
                    "subscriptionId = ?1 order by feedPosition desc", id).page(0, RECENT).stream()
                    .map(DeliveryView::of).toList();
            List<DeliveryView> dead = WebhookDelivery.<WebhookDelivery>find(
                    "subscriptionId = ?1 and status = ?2 order by feedPosition", id, WebhookDelivery.Status.DEAD)
                    .page(0, DEAD).stream().map(DeliveryView::of).toList();
            long deadCount = WebhookDelivery.count("subscriptionId = ?1 and status = ?2", id, WebhookDelivery.Status.DEAD);
            long pending = WebhookDelivery.count("subscriptionId = ?1 and status = ?2", id,
                    WebhookDelivery.Status.PENDING);
            return new Webhook(w, recent, dead, deadCount, pending);
        }).toList();
    }

    /** The event types one may subscribe to, sorted. */
    public List<String> eventTypes() {
        return SubscriptionRequest.KNOWN_TYPES.stream().sorted().toList();
    }

    public Kafka kafka() {
        RelayStatus s = relay.status();
        return new Kafka(s.state().name().toLowerCase(Locale.ROOT), s.leader(), s.lag() == null ? 0 : s.lag().count(),
                s.lag() == null ? null : s.lag().oldestCreatedAt(), s.lastAcknowledgedAt(), s.waitingSince(),
                s.lastError());
    }

    public List<Connector> connectors() {
        return connectors.enabled().stream().map(CrmConnector::id).sorted().map(id -> connectors.status(id)
                .map(s -> new Connector(id, s.state(), s.detail(), s.since()))
                .orElseGet(() -> new Connector(id, "running", null, null))).toList();
    }

    /** Whether a connector of that id is enabled. */
    public boolean connectorEnabled(String id) {
        return connectors.enabled().stream().anyMatch(c -> c.id().equals(id));
    }
}
