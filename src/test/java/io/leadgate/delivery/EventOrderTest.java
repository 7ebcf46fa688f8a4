package io.leadgate.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client's events keep their order in the feed ({@code /api/events}, which Kafka and webhooks follow by feed
 * position) under concurrent writers for that client and with writers whose clocks disagree.
 */
@QuarkusTest
class EventOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;

    @Inject
    OutboxSequencer sequencer;

    @Inject
    EntityManager em;

    @Test
    void concurrentWritersForOneClientKeepItsEventsInOrder() throws Exception {
        String phone = "+7" + Api.newMobileDigits();
        String contact = post(phone, "first").get("contactId");
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, String>>> posts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                posts.add(pool.submit(() -> {
                    start.await();
                    return post(phone, "concurrent " + n);
                }));
            }
            start.countDown();
            for (Future<Map<String, String>> p : posts) {
                assertEquals(contact, p.get(60, TimeUnit.SECONDS).get("contactId"), "the same client");
            }
        } finally {
            pool.shutdownNow();
        }

        List<Map<String, Object>> events = eventsOf(contact);
        List<Integer> counts = new ArrayList<>();
        String lastInquiry = null;
        for (Map<String, Object> event : events) {
            String type = (String) event.get("type");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) event.get("data");
            if (EventTypes.INQUIRY_RECEIVED.equals(type)) {
                lastInquiry = String.valueOf(data.get("id"));
            } else if (EventTypes.LEAD_CREATED.equals(type) || EventTypes.LEAD_UPDATED.equals(type)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> lead = (Map<String, Object>) data.get("lead");
                counts.add(((Number) lead.get("inquiryCount")).intValue());
                assertEquals(lastInquiry, String.valueOf(data.get("inquiryId")),
                        "a lead event follows its own inquiry's event: " + events);
            }
        }
        assertEquals(IntStream.rangeClosed(1, writers + 1).boxed().toList(), counts,
                "the lead's inquiry count grows one by one along the feed");
    }

    @Test
    void aWriterWhoseClockIsBehindDoesNotJumpAheadOfAnEarlierEvent() throws Exception {
        long contact = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
        Instant now = Instant.now();
        // both events are committed before the sequencer's next pass: it is held until both are in
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select last_position from outbox_sequencer where id = 1 for update").getResultList();
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        String first;
        String second;
        try {
            assertTrue(held.await(30, TimeUnit.SECONDS));
            first = append(contact, "first", now);
            // the next writer runs on a replica whose clock is a minute behind
            second = append(contact, "second", now.minusSeconds(60));
        } finally {
            release.countDown();
            holder.join(60_000);
        }
        sequencer.sequence();
        List<String> order = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery(
                    "select event_id from outbox_event where contact_id = ?1 order by feed_position")
                    .setParameter(1, contact).getResultList();
            return ids;
        });
        assertEquals(List.of(first, second), order, "write order, whatever the writers' clocks say");
    }

    private String append(long contact, String what, Instant clock) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append("leadgate.test.ordering", "test", contact,
                null, null, JSON.createObjectNode().put("what", what), clock));
    }

    private static Map<String, String> post(String phone, String message) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"Order Test\",\"phone\":\"" + phone + "\",\"message\":\"" + message + "\"}")
                .post("/hooks/form").then().statusCode(200).extract().jsonPath().getMap("", String.class, String.class);
    }

    /** The client's events in feed order, read from /api/events page by page. */
    private static List<Map<String, Object>> eventsOf(String contact) {
        List<Map<String, Object>> mine = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = api().queryParam("after", after).queryParam("limit", 1000)
                    .get("/api/events").then().statusCode(200).extract().jsonPath().getList("");
            if (page.isEmpty()) {
                return mine;
            }
            for (Map<String, Object> event : page) {
                if (contact.equals(String.valueOf(event.get("subject")))) {
                    mine.add(event);
                }
                after = ((Number) event.get("cursor")).longValue();
            }
        }
    }
}
