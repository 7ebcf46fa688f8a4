package io.leadgate.delivery.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.events.EventTypes;
import io.leadgate.outbound.AddressGuard;
import io.leadgate.outbound.RefusedTargetException;
import io.leadgate.outbound.WebhookSigner;
import io.leadgate.pipeline.Refusal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A validated {@code POST /api/webhooks} body: url, event types, secret. */
public record SubscriptionRequest(String url, List<String> events, String secret) {

    static final int MAX_URL = 2000;
    static final int MAX_SECRET = 500;

    /** The event types one can subscribe to: every {@code leadgate.*} constant of {@link EventTypes}. */
    public static final Set<String> KNOWN_TYPES = knownTypes();

    /** Validates a request body; throws {@link InvalidWebhookException} with a message for the caller. */
    public static SubscriptionRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidWebhookException("body must be a JSON object {url, events, secret}");
        }
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new InvalidWebhookException(Refusal.WEBHOOK_URL_REQUIRED, "url is required");
        }
        if (url.asText().length() > MAX_URL) {
            throw new InvalidWebhookException(Refusal.WEBHOOK_URL_TOO_LONG,
                    "url is longer than " + MAX_URL + " characters", MAX_URL);
        }
        try {
            AddressGuard.parse(url.asText().strip());
        } catch (RefusedTargetException e) {
            throw InvalidWebhookException.refusedTarget(e);
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new InvalidWebhookException(Refusal.WEBHOOK_EVENTS_REQUIRED,
                    "events must be a non-empty list of event types, out of " + KNOWN_TYPES);
        }
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode event : events) {
            if (!event.isTextual() || !KNOWN_TYPES.contains(event.asText())) {
                throw new InvalidWebhookException(Refusal.WEBHOOK_EVENT_UNKNOWN,
                        "unknown event type " + event + "; known types: " + KNOWN_TYPES,
                        event.isTextual() ? event.asText() : event.toString());
            }
            types.add(event.asText());
        }
        JsonNode secret = body.get("secret");
        if (secret == null || !secret.isTextual() || secret.asText().isBlank()) {
            throw new InvalidWebhookException("secret is required (a whsec_<base64> secret or any other non-empty string)");
        }
        if (secret.asText().length() > MAX_SECRET) {
            throw new InvalidWebhookException("secret is longer than " + MAX_SECRET + " characters");
        }
        try {
            WebhookSigner.key(secret.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("a secret starting with whsec_ must continue with non-empty base64");
        }
        return new SubscriptionRequest(url.asText().strip(), new ArrayList<>(types), secret.asText());
    }

    private static Set<String> knownTypes() {
        Set<String> types = new TreeSet<>();
        for (Field field : EventTypes.class.getFields()) {
            try {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && field.get(null) instanceof String value && value.startsWith("leadgate.")) {
                    types.add(value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Set.copyOf(types);
    }
}
