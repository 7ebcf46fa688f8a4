package io.leadgate.delivery.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.delivery.webhook.WebhookReceiver.Answer;
import io.leadgate.delivery.webhook.WebhookReceiver.Received;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.leadgate.delivery.webhook.WebhookReceiver.await;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lead events from a real hook reach a real HTTP receiver as signed CloudEvents: signatures verified the Standard
 * Webhooks way, feed order per endpoint with a failing head, dead letter after the last attempt, replay, 410 Gone,
 * Retry-After. The test profile allows 127.0.0.1 and retries 3 times, 200 ms apart and more.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WebhookReceiver receiver;

    @Inject
    OutboxSequencer sequencer;

    @Inject
    EntityManager em;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    WebhookDispatcher dispatcher;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void signedCloudEventsReachTheReceiverAndVerify() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(raw);
        String path = path("signed");
        String id = subscribe(path, secret, EventTypes.LEAD_CREATED, EventTypes.INQUIRY_RECEIVED);
        String contactId = postForm().getString("contactId");

        List<Received> got = await(() -> about(path, contactId), list -> list.size() >= 2, WAIT, "two events");
        long now = Instant.now().getEpochSecond();
        for (Received r : got) {
            assertTrue(WebhookReceiver.verify(secret, r), "signature verifies: " + r.header("webhook-signature"));
            assertFalse(WebhookReceiver.verify("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), r));
            assertTrue(r.header("webhook-signature").startsWith("v1,"));
            assertTrue(r.header("content-type").startsWith("application/cloudevents+json"), r.header("content-type"));
            JsonNode event = json(r);
            assertEquals(event.get("id").asText(), r.header("webhook-id"), "webhook-id is the CloudEvent id");
            assertTrue(Math.abs(Long.parseLong(r.header("webhook-timestamp")) - now) < 300, "timestamp in unix seconds");
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals(contactId, event.get("subject").asText());
            assertEquals(200, r.answered());
        }
        assertEquals(Set.of(EventTypes.INQUIRY_RECEIVED, EventTypes.LEAD_CREATED),
                Set.copyOf(got.stream().map(r -> json(r).get("type").asText()).toList()));

        List<Map<String, Object>> deliveries = api().get("/api/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("");
        List<String> feedOrder = deliveries.stream().map(d -> (String) d.get("eventId")).toList();
        assertEquals(feedOrder, got.stream().map(r -> r.header("webhook-id")).toList(), "sent in feed order");
        for (Map<String, Object> d : deliveries) {
            assertEquals("delivered", d.get("status"));
            assertEquals(1, d.get("attempts"));
            assertEquals(200, d.get("lastStatus"));
            assertEquals(id, d.get("webhookId"));
        }
        unsubscribe(id);
    }

    @Test
    void failingHeadHoldsTheQueueSoEventsArriveInFeedOrder() {
        String secret = "plain-secret-" + UUID.randomUUID();
        String path = path("ordered");
        receiver.on(path, nth -> Answer.of(nth == 1 ? 500 : 200));
        String id = subscribe(path, secret, EventTypes.LEAD_CREATED);
        List<String> contacts = List.of(postForm().getString("contactId"), postForm().getString("contactId"),
                postForm().getString("contactId"));

        await(() -> receiver.requests(path).stream().filter(r -> r.answered() == 200).count(), n -> n >= 3, WAIT,
                "three delivered events");
        List<Received> got = receiver.requests(path);
        assertEquals(4, got.size(), "one failure, then three deliveries");
        assertEquals(500, got.get(0).answered());
        assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"),
                "the failed head is retried before anything behind it is sent");
        List<String> feedOrder = api().queryParam("status", "delivered").get("/api/webhooks/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("eventId", String.class);
        assertEquals(feedOrder, got.subList(1, 4).stream().map(r -> r.header("webhook-id")).toList());
        assertEquals(contacts, got.subList(1, 4).stream().map(r -> json(r).get("subject").asText()).toList(),
                "leads arrive in the order they were made");
        for (Received r : got) {
            assertTrue(WebhookReceiver.verify(secret, r), "plain secret signature verifies");
            assertEquals(EventTypes.LEAD_CREATED, json(r).get("type").asText(), "only subscribed types are sent");
        }
        unsubscribe(id);
    }

    @Test
    void deadLetteredAfterTheLastAttemptThenReplayedWithTheSameId() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString("replay-secret-0123456789".getBytes());
        String path = path("down");
        AtomicInteger status = new AtomicInteger(503);
        receiver.on(path, nth -> Answer.of(status.get()));
        String id = subscribe(path, secret, EventTypes.LEAD_CREATED);
        postForm();
        postForm();

        List<Map<String, Object>> dead = await(() -> deliveries(id, "dead"), list -> list.size() == 2, WAIT,
                "two dead letters");
        assertEquals(6, receiver.requests(path).size(), "three attempts each");
        for (Map<String, Object> d : dead) {
            assertEquals(3, d.get("attempts"));
            assertEquals(503, d.get("lastStatus"));
            assertEquals("HTTP 503", d.get("lastError"));
            assertEquals(3L, receiver.requests(path).stream()
                    .filter(r -> r.header("webhook-id").equals(d.get("eventId"))).count());
        }
        assertEquals(List.of(), deliveries(id, "pending"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("leadgate_webhook_deliveries_total{outcome=\"dead\"}"), "dead letters counted");
        assertTrue(metrics.contains("leadgate_webhook_deliveries_total{outcome=\"failed\"}"), "failures counted");

        status.set(200);
        String first = (String) dead.get(0).get("id");
        String firstEvent = (String) dead.get(0).get("eventId");
        api().post("/api/webhooks/deliveries/" + first + "/replay").then().statusCode(202)
                .body("status", equalTo("pending")).body("attempts", equalTo(0)).body("eventId", equalTo(firstEvent));
        Received replayed = await(() -> answered200(path, firstEvent), r -> r != null, WAIT, "the replayed delivery");
        assertTrue(WebhookReceiver.verify(secret, replayed));
        await(() -> deliveries(id, "dead").size(), n -> n == 1, WAIT, "one dead letter left");

        api().post("/api/webhooks/" + id + "/replay").then().statusCode(202).body("replayed", equalTo(1));
        String secondEvent = (String) dead.get(1).get("eventId");
        await(() -> answered200(path, secondEvent), r -> r != null, WAIT, "the second replayed delivery");
        await(() -> deliveries(id, "delivered").size(), n -> n == 2, WAIT, "both delivered");
        assertEquals(List.of(), deliveries(id, "dead"));
        unsubscribe(id);
    }

    @Test
    void goneDisablesTheSubscriptionAndNothingMoreIsSentToIt() {
        String gonePath = path("gone");
        String probePath = path("probe");
        receiver.on(gonePath, nth -> Answer.of(410));
        String gone = subscribe(gonePath, "gone-secret", EventTypes.LEAD_CREATED);
        String probe = subscribe(probePath, "probe-secret", EventTypes.LEAD_CREATED);
        String first = postForm().getString("contactId");

        await(() -> api().get("/api/webhooks/" + gone).then().extract().jsonPath(),
                json -> "disabled".equals(json.getString("status")), WAIT, "the subscription disabled");
        api().get("/api/webhooks/" + gone).then().body("disabledReason", equalTo("410 Gone"));
        String goneEvent = about(gonePath, first).get(0).header("webhook-id");
        // before the 410 only this event can have been sent (a timed-out attempt is retried: at least once)
        List<Received> beforeDisable = receiver.requests(gonePath);
        assertEquals(List.of(goneEvent), beforeDisable.stream().map(r -> r.header("webhook-id")).distinct().toList());
        assertEquals(410, beforeDisable.get(beforeDisable.size() - 1).answered());
        Map<String, Object> gonesDelivery = delivery(gone, goneEvent);
        assertEquals("dead", gonesDelivery.get("status"));
        assertEquals(410, gonesDelivery.get("lastStatus"));

        String later = postForm().getString("contactId");
        String laterEvent = await(() -> about(probePath, later), list -> !list.isEmpty(), WAIT,
                "the next event at the probe").get(0).header("webhook-id");
        // the fan-out that made the probe's delivery made the disabled subscription's one in the same transaction
        Map<String, Object> parked = delivery(gone, laterEvent);
        assertEquals("dead", parked.get("status"), "an event of the disabled period is dead-lettered, not skipped");
        assertEquals("webhook disabled (410 Gone)", parked.get("lastError"));
        assertEquals(0, parked.get("attempts"));
        assertEquals(List.of(), deliveries(gone, "pending"), "nothing is queued for a disabled subscription");
        assertEquals(beforeDisable, receiver.requests(gonePath), "a disabled subscription gets nothing more");

        api().post("/api/webhooks/deliveries/" + gonesDelivery.get("id") + "/replay").then().statusCode(409);
        api().post("/api/webhooks/" + gone + "/enable").then().statusCode(200).body("status", equalTo("active"));
        api().get("/api/webhooks/" + gone).then().body("status", equalTo("active"));
        unsubscribe(gone);
        unsubscribe(probe);
    }

    @Test
    void eventsOfTheDisabledPeriodAreReplayedInFeedOrderAfterEnable() {
        String path = path("back");
        AtomicInteger status = new AtomicInteger(410);
        receiver.on(path, nth -> Answer.of(status.get()));
        String id = subscribe(path, "back-secret", EventTypes.LEAD_CREATED);
        String first = postForm().getString("contactId");
        await(() -> api().get("/api/webhooks/" + id).then().extract().jsonPath(),
                json -> "disabled".equals(json.getString("status")), WAIT, "the subscription disabled");
        List<String> whileDisabled = List.of(postForm().getString("contactId"), postForm().getString("contactId"));
        List<String> contacts = new ArrayList<>(List.of(first));
        contacts.addAll(whileDisabled);
        List<String> expectedIds = await(() -> deadEventsAbout(id, contacts), list -> list.size() == 3, WAIT,
                "three dead letters: the refused one and the two of the disabled period");

        status.set(200);
        api().post("/api/webhooks/" + id + "/enable").then().statusCode(200);
        api().post("/api/webhooks/" + id + "/replay").then().statusCode(202);
        await(() -> delivered(path), list -> list.size() >= 3, WAIT, "the backlog delivered");
        List<Received> delivered = delivered(path);
        assertEquals(expectedIds, delivered.stream().map(r -> r.header("webhook-id")).toList(),
                "each once, in feed order");
        assertEquals(contacts, delivered.stream().map(r -> json(r).get("subject").asText()).toList());
        unsubscribe(id);
    }

    @Test
    void aRefusedPayloadIsDeadLetteredAfterMaxRejectionsAndTheQueueMovesOn() {
        String path = path("refuses");
        // the endpoint refuses the first two requests (both the first event) and takes everything else
        receiver.on(path, nth -> Answer.of(nth == 1 || nth == 2 ? 422 : 200));
        String id = subscribe(path, "refuses-secret", EventTypes.LEAD_CREATED);
        String first = postForm().getString("contactId");
        String second = postForm().getString("contactId");

        await(() -> delivered(path), list -> !list.isEmpty(), WAIT, "the event behind the refused one");
        List<Received> got = receiver.requests(path);
        assertEquals(3, got.size(), "two refusals (max-rejections = 2, max-attempts = 3), then the next event: " + got);
        assertEquals(first, json(got.get(0)).get("subject").asText());
        assertEquals(first, json(got.get(1)).get("subject").asText());
        assertEquals(second, json(got.get(2)).get("subject").asText());
        Map<String, Object> dead = delivery(id, got.get(0).header("webhook-id"));
        assertEquals("dead", dead.get("status"));
        assertEquals(2, dead.get("rejections"));
        assertEquals(2, dead.get("attempts"));
        assertEquals(422, dead.get("lastStatus"));
        assertEquals("HTTP 422", dead.get("lastError"));
        unsubscribe(id);
    }

    @Test
    void retryAfterIsHonouredBeforeTheNextAttempt() {
        String path = path("busy");
        receiver.on(path, nth -> nth == 1 ? new Answer(429, Map.of("Retry-After", "2")) : Answer.of(200));
        String id = subscribe(path, "busy-secret", EventTypes.LEAD_CREATED);
        postForm();

        await(() -> receiver.requests(path).size(), n -> n >= 2, WAIT, "the retry");
        List<Received> got = receiver.requests(path);
        assertEquals(429, got.get(0).answered());
        assertEquals(200, got.get(1).answered());
        assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"));
        long waitedMillis = (got.get(1).receivedNanos() - got.get(0).receivedNanos()) / 1_000_000;
        assertTrue(waitedMillis >= 2000, "no retry before Retry-After (the back-off alone is 200-240 ms): " + waitedMillis);
        unsubscribe(id);
    }

    @Test
    void concurrentSendersDeliverEachEventOnceAndInOrder() throws Exception {
        String secret = "concurrent-secret";
        String path = path("concurrent");
        String id = subscribe(path, secret, EventTypes.LEAD_CREATED, EventTypes.INQUIRY_RECEIVED);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(postForm().getString("contactId"));
        }
        sequencer.sequence();
        // three more "replicas" next to the scheduled one, each fanning out and sending as fast as it can
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                while (!done.get()) {
                    try {
                        fanOut.fanOut();
                        dispatcher.dispatch();
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
            });
            t.start();
            senders.add(t);
        }
        try {
            await(() -> deliveries(id, "delivered").size(), n -> n >= 10, WAIT, "ten events delivered");
        } finally {
            done.set(true);
            for (Thread t : senders) {
                t.join(30_000);
            }
        }
        assertEquals(List.of(), errors);
        List<Received> got = receiver.requests(path);
        List<String> ids = got.stream().map(r -> r.header("webhook-id")).toList();
        List<Map<String, Object>> feed = deliveries(id, null);
        List<String> feedOrder = feed.stream().map(d -> (String) d.get("eventId")).toList();
        assertEquals(10, feedOrder.size());
        // No second claim: every request is one recorded attempt. A retry after a failed attempt (the transport broke
        // after the endpoint had read the request: at least once) is counted by the delivery itself.
        for (Map<String, Object> d : feed) {
            assertEquals("delivered", d.get("status"));
            long sent = ids.stream().filter(d.get("eventId")::equals).count();
            assertEquals(((Number) d.get("attempts")).longValue(), sent, "each attempt sent once: " + d + " in " + ids);
        }
        assertEquals(feedOrder, ids.stream().distinct().toList(), "in feed order");
        assertEquals(contacts, got.stream().map(r -> json(r).get("subject").asText()).distinct().toList());
        got.forEach(r -> assertTrue(WebhookReceiver.verify(secret, r)));
        unsubscribe(id);
    }

    @Test
    void redirectsAreNotFollowed() {
        String path = path("moved");
        String elsewhere = path("elsewhere");
        receiver.on(path, nth -> new Answer(307, Map.of("Location", receiver.url(elsewhere))));
        String id = subscribe(path, "moved-secret", EventTypes.LEAD_CREATED);
        postForm();

        List<Map<String, Object>> dead = await(() -> deliveries(id, "dead"), list -> !list.isEmpty(), WAIT,
                "the redirected delivery dead-lettered");
        assertEquals(307, dead.get(0).get("lastStatus"));
        assertEquals("HTTP 307 (redirects are not followed)", dead.get(0).get("lastError"));
        assertEquals(3, receiver.requests(path).size());
        assertEquals(List.of(), receiver.requests(elsewhere), "the redirect target is never requested");
        unsubscribe(id);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Before subscribing: every event committed so far is fanned out, so a test's endpoint sees only its own. */
    @BeforeEach
    void drainFeed() {
        sequencer.sequence();
        await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where feed_position is null or feed_position >"
                                + " (select last_position from webhook_cursor where id = 1)").getSingleResult()).longValue()),
                n -> n == 0, WAIT, "the fan-out to catch up");
    }

    private static String path(String name) {
        return "/" + name + "-" + UUID.randomUUID();
    }

    static String subscribe(String path, String secret, String... events) {
        return api().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "events", List.of(events), "secret", secret))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
    }

    static void unsubscribe(String id) {
        api().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    static JsonPath postForm() {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"Webhook Test\",\"phone\":\"+7" + Api.newMobileDigits() + "\",\"message\":\"hello\"}")
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> deliveries(String id, String status) {
        var request = api();
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return request.get("/api/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** One delivery of a subscription, by event id. */
    private static Map<String, Object> delivery(String id, String eventId) {
        return deliveries(id, null).stream().filter(d -> eventId.equals(d.get("eventId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery of " + eventId + " for webhook " + id));
    }

    /** The event ids of a subscription's dead deliveries about these contacts, in feed order. */
    private List<String> deadEventsAbout(String id, List<String> contacts) {
        @SuppressWarnings("unchecked")
        Set<String> ids = Set.copyOf(QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                        "select event_id from outbox_event where contact_id in (:contacts)")
                .setParameter("contacts", contacts.stream().map(Long::valueOf).toList()).getResultList()));
        return deliveries(id, "dead").stream().map(d -> (String) d.get("eventId")).filter(ids::contains).toList();
    }

    private static List<Received> delivered(String path) {
        return receiver.requests(path).stream().filter(r -> r.answered() == 200).toList();
    }

    /** The requests on a path about one contact. */
    private static List<Received> about(String path, String contactId) {
        return receiver.requests(path).stream().filter(r -> contactId.equals(json(r).path("subject").asText())).toList();
    }

    private static Received answered200(String path, String webhookId) {
        return receiver.requests(path).stream()
                .filter(r -> r.answered() == 200 && webhookId.equals(r.header("webhook-id"))).findFirst().orElse(null);
    }

    static JsonNode json(Received r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
