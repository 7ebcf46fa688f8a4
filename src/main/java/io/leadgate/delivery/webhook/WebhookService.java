package io.leadgate.delivery.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import io.leadgate.outbound.AddressGuard;
import io.leadgate.outbound.RefusedTargetException;
import io.leadgate.pipeline.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Webhook subscriptions and their deliveries: what the API does, in one transaction per call. */
@ApplicationScoped
public class WebhookService {

    /** A subscription and the secret generated for it: shown to its creator once, never again. */
    public record Created(WebhookView webhook, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AddressGuard guard;
    private final EntityManager em;
    private final SettingsChanges changes;

    WebhookService(LeadgateConfig config, EntityManager em, SettingsChanges changes) {
        this.changes = changes;
        this.guard = new AddressGuard(config.webhooks().allowPrivate(), AddressGuard.SYSTEM);
        this.em = em;
    }

    /**
     * Subscribes; throws {@link InvalidWebhookException} for a bad body or a target the SSRF guard refuses. A host
     * that does not resolve yet is accepted: the guard checks again before every attempt.
     */
    @Transactional
    public WebhookView create(JsonNode body) {
        return create(body, null);
    }

    /** As {@link #create(JsonNode)}; {@code actor} (a console username, the API's actor, or null) is recorded. */
    @Transactional
    public WebhookView create(JsonNode body, String actor) {
        SubscriptionRequest request = SubscriptionRequest.parse(body);
        try {
            guard.check(request.url());
        } catch (RefusedTargetException e) {
            throw InvalidWebhookException.refusedTarget(e);
        } catch (UnknownHostException e) {
            // checked again at send time
        }
        Instant now = Instant.now();
        WebhookSubscription s = new WebhookSubscription();
        s.url = request.url();
        s.events = String.join(" ", request.events());
        s.secret = request.secret();
        s.status = WebhookSubscription.Status.ACTIVE;
        // the database's write order marks where the subscription starts: no clock is compared. The fan-out's cursor is
        // held meanwhile, so no event written after that mark is fanned out before the subscription is visible.
        em.createNativeQuery("select last_position from webhook_cursor where id = 1 for update").getResultList();
        s.fromWriteSeq = ((Number) em.createNativeQuery("select nextval('outbox_write_seq')").getSingleResult())
                .longValue();
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        changes.record(actor, Kind.WEBHOOK_CREATED, s.id, summary(s));
        return WebhookView.of(s);
    }

    /** Subscribes with a fresh {@code whsec_} secret (32 random bytes); same checks as {@link #create}. */
    @Transactional
    public Created createWithNewSecret(String url, List<String> events, String actor) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("url", url);
        var list = body.putArray("events");
        (events == null ? List.<String>of() : events).forEach(list::add);
        body.put("secret", secret);
        return new Created(create(body, actor), secret);
    }

    public List<WebhookView> list(int limit, int offset) {
        return WebhookSubscription.<WebhookSubscription>findAll(io.quarkus.panache.common.Sort.by("id"))
                .range(offset, offset + limit - 1).stream().map(WebhookView::of).toList();
    }

    public Optional<WebhookView> get(long id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).map(WebhookView::of);
    }

    /** Deletes a subscription and its deliveries; false when there was none. */
    @Transactional
    public boolean delete(long id) {
        return delete(id, null);
    }

    /** As {@link #delete(long)}; {@code actor} (a console username, the API's actor, or null) is recorded. */
    @Transactional
    public boolean delete(long id, String actor) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null) {
            return false;
        }
        String what = summary(s);
        WebhookDelivery.delete("subscriptionId", id);
        s.delete();
        changes.record(actor, Kind.WEBHOOK_DELETED, id, what);
        return true;
    }

    /** For the settings log: the target's host and the event types (never the URL's path or query: they may hold a token). */
    private static String summary(WebhookSubscription s) {
        String host;
        try {
            host = URI.create(s.url).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return (host == null ? "?" : host) + " " + s.events;
    }

    /**
     * Turns a disabled subscription on again. What was dead-lettered while it was disabled (the queue at the time of
     * the {@code 410}, and every event of the disabled period) stays dead until replayed, oldest first, with
     * {@link #replayDead}.
     */
    @Transactional
    public Optional<WebhookView> enable(long id) {
        return enable(id, null);
    }

    /** As {@link #enable(long)}; {@code actor} (a console username, the API's actor, or null) is recorded. */
    @Transactional
    public Optional<WebhookView> enable(long id, String actor) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).map(s -> {
            s.status = WebhookSubscription.Status.ACTIVE;
            s.disabledReason = null;
            s.updatedAt = Instant.now();
            changes.record(actor, Kind.WEBHOOK_ENABLED, s.id, summary(s));
            return WebhookView.of(s);
        });
    }

    /** A subscription's deliveries in feed order, optionally of one status; empty when there is no subscription. */
    public Optional<List<DeliveryView>> deliveries(long subscriptionId, WebhookDelivery.Status status, int limit,
                                                   int offset) {
        if (WebhookSubscription.findById(subscriptionId) == null) {
            return Optional.empty();
        }
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by feedPosition", subscriptionId)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2 order by feedPosition",
                subscriptionId, status);
        return Optional.of(query.range(offset, offset + limit - 1).stream().map(DeliveryView::of).toList());
    }

    /**
     * Sends a dead (or delivered) delivery again, with a fresh retry schedule and the same {@code webhook-id}. It is
     * the oldest pending delivery of its subscription then, so it goes out before the rest of the queue.
     */
    @Transactional
    public Optional<DeliveryView> replay(long deliveryId) {
        return replay(deliveryId, null);
    }

    /** As {@link #replay(long)}; {@code actor} (the signed-in user, or null) is kept as who replayed. */
    @Transactional
    public Optional<DeliveryView> replay(long deliveryId, String actor) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null) {
            return Optional.empty();
        }
        if (d.status == WebhookDelivery.Status.PENDING) {
            throw new WebhookConflictException(Refusal.WEBHOOK_DELIVERY_PENDING,
                    "delivery " + deliveryId + " is pending already", deliveryId);
        }
        requireActive(d.subscriptionId);
        requeue(d, Instant.now(), actor);
        return Optional.of(DeliveryView.of(d));
    }

    /** Replays every dead delivery of a subscription; returns how many, or empty when there is no subscription. */
    @Transactional
    public Optional<Integer> replayDead(long subscriptionId) {
        return replayDead(subscriptionId, null);
    }

    /** As {@link #replayDead(long)}; {@code actor} (the signed-in user, or null) is kept as who replayed each. */
    @Transactional
    public Optional<Integer> replayDead(long subscriptionId, String actor) {
        if (WebhookSubscription.findById(subscriptionId) == null) {
            return Optional.empty();
        }
        requireActive(subscriptionId);
        Instant now = Instant.now();
        List<WebhookDelivery> dead = WebhookDelivery.list("subscriptionId = ?1 and status = ?2 order by feedPosition",
                subscriptionId, WebhookDelivery.Status.DEAD);
        dead.forEach(d -> requeue(d, now, actor));
        return Optional.of(dead.size());
    }

    private static void requireActive(long subscriptionId) {
        WebhookSubscription s = WebhookSubscription.findById(subscriptionId);
        if (s != null && s.status != WebhookSubscription.Status.ACTIVE) {
            throw new WebhookConflictException(Refusal.WEBHOOK_DISABLED, "webhook " + subscriptionId
                    + " is disabled (" + s.disabledReason + "); enable it first", subscriptionId, s.disabledReason);
        }
    }

    private static void requeue(WebhookDelivery d, Instant now, String actor) {
        d.replayedBy = actor;
        d.status = WebhookDelivery.Status.PENDING;
        d.attempts = 0;
        d.rejections = 0;
        d.nextAttemptAt = now;
        d.deliveredAt = null;
    }
}
