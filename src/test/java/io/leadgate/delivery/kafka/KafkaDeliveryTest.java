package io.leadgate.delivery.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.events.EventTypes;
import io.leadgate.intake.RetentionPurge;
import io.leadgate.testing.Api;
import io.leadgate.testing.KafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox relay against a real Kafka broker (single-node KRaft in a child JVM): lead events arrive keyed by contact,
 * with their CloudEvent types, in order per contact, once; the broker stopped and restarted mid-stream loses nothing
 * and reorders nothing, while readiness reports Kafka degraded and the hooks keep accepting.
 */
@QuarkusTest
@TestProfile(KafkaDeliveryTest.Profile.class)
class KafkaDeliveryTest {

    static final String TOPIC = "leadgate.lead-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    RetentionPurge retention;

    /** Kafka on: the broker below supplies kafka.bootstrap.servers. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadgate.kafka.degraded-after", "2s",
                    "leadgate.kafka.retry-backoff", "500ms",
                    "leadgate.kafka.lease-ttl", "3s",
                    "leadgate.kafka.probe-every", "1s",
                    "leadgate.kafka.probe-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Broker.class));
        }
    }

    /** Starts the broker before the application and creates the topic with three partitions. */
    public static class Broker implements QuarkusTestResourceLifecycleManager {
        static KafkaBroker kafka;

        @Override
        public Map<String, String> start() {
            kafka = new KafkaBroker();
            kafka.start();
            kafka.createTopic(TOPIC, 3);
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
        }

        @Override
        public void stop() {
            kafka.close();
        }
    }

    /** One record as the consumer saw it. */
    record Received(String key, String id, String type, String subject, String specVersion, String contentType) {
    }

    @Test
    void eventsArriveKeyedByContactWithTheirTypesInOrderOnce() {
        List<String> phones = List.of(phone(), phone(), phone());
        Set<String> contacts = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            for (String phone : phones) {
                contacts.add(post(phone, "round " + round).getString("contactId"));
            }
        }
        Map<String, List<String>> expected = expectedIdsByContact(contacts);
        Map<String, List<Received>> received = consumeUntilAll(expected);

        for (String contact : contacts) {
            List<Received> records = received.get(contact);
            assertEquals(expected.get(contact), records.stream().map(Received::id).toList(),
                    "contact " + contact + ": every event once, in commit order");
            assertEquals(List.of(EventTypes.INQUIRY_RECEIVED, EventTypes.LEAD_CREATED,
                            EventTypes.INQUIRY_RECEIVED, EventTypes.LEAD_UPDATED,
                            EventTypes.INQUIRY_RECEIVED, EventTypes.LEAD_UPDATED),
                    records.stream().map(Received::type).toList());
            for (Received record : records) {
                assertEquals(contact, record.subject(), "key = CloudEvent subject = contact id");
                assertEquals("1.0", record.specVersion());
                assertEquals(KafkaRelay.CONTENT_TYPE, record.contentType());
            }
        }
        await("the outbox drained and the lag metric at zero",
                () -> given().get("/q/metrics").asString().contains("leadgate_outbox_lag_events 0.0"));
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals("ok", kafkaCheck().getString("data.kafka"));
    }

    @Test
    void brokerRestartMidStreamLosesNothingAndReordersNothingPerContact() {
        List<String> phones = List.of(phone(), phone(), phone(), phone());
        Set<String> contacts = new HashSet<>();
        for (String phone : phones) {
            contacts.add(post(phone, "before the outage").getString("contactId"));
        }

        Broker.kafka.stop();
        for (int round = 0; round < 2; round++) {
            for (String phone : phones) {
                // hooks keep accepting: the inquiry is committed, its events wait in the outbox
                contacts.add(post(phone, "during the outage " + round).getString("contactId"));
            }
        }
        await("readiness to report Kafka degraded", () -> "degraded".equals(kafkaCheck().getString("data.kafka")));
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(kafkaCheck().getLong("data.unsent") > 0, "events wait in the outbox");
        Broker.kafka.start();

        for (String phone : phones) {
            contacts.add(post(phone, "after the outage").getString("contactId"));
        }
        Map<String, List<String>> expected = expectedIdsByContact(contacts);
        Map<String, List<Received>> received = consumeUntilAll(expected);

        int lost = 0;
        int outOfOrder = 0;
        int duplicates = 0;
        for (String contact : contacts) {
            List<String> firstSeen = new ArrayList<>();
            for (Received record : received.getOrDefault(contact, List.of())) {
                if (firstSeen.contains(record.id())) {
                    duplicates++;
                } else {
                    firstSeen.add(record.id());
                }
            }
            List<String> want = expected.get(contact);
            lost += (int) want.stream().filter(id -> !firstSeen.contains(id)).count();
            List<String> seenInWantedOrder = firstSeen.stream().filter(want::contains).toList();
            for (int i = 0; i < seenInWantedOrder.size(); i++) {
                if (!seenInWantedOrder.get(i).equals(want.get(i))) {
                    outOfOrder++;
                }
            }
        }
        System.out.printf("Kafka outage: %d events for %d contacts, %d lost, %d out of order, %d duplicates%n",
                expected.values().stream().mapToInt(List::size).sum(), contacts.size(), lost, outOfOrder, duplicates);
        assertEquals(0, lost, "lost events");
        assertEquals(0, outOfOrder, "events out of order per contact");
        await("Kafka delivery to be ok again", () -> "ok".equals(kafkaCheck().getString("data.kafka")));
    }

    @Test
    void anotherReplicasLeaseHoldsThisRelayBackUntilItExpires() {
        // another replica holds the lease and then dies without releasing it (4 s left on the database clock)
        leaseHeldBy("replica-that-dies", 4);
        await("this replica to stand by", () -> !kafkaCheck().getBoolean("data.leader"));
        String contact = post(phone(), "while another replica leads").getString("contactId");

        Map<String, List<String>> expected = expectedIdsByContact(Set.of(contact));
        Map<String, List<Received>> received = consumeUntilAll(expected);
        assertEquals(expected.get(contact), received.get(contact).stream().map(Received::id).toList(),
                "the rows wait for the dead replica's lease to expire, then this one delivers them");
        assertTrue(kafkaCheck().getBoolean("data.leader"), "this replica took the lease over");
    }

    @Test
    void aLostLeaseStopsSendingAtOnceAndAnIdleOutageShowsInReadiness() {
        await("nothing waiting to be sent", () -> kafkaCheck().getLong("data.unsent") == 0
                && "ok".equals(kafkaCheck().getString("data.kafka")));
        Broker.kafka.stop();
        String contact;
        try {
            await("readiness to report the outage with nothing to send",
                    () -> "degraded".equals(kafkaCheck().getString("data.kafka")));
            assertEquals(0, kafkaCheck().getLong("data.unsent"), "no event was waiting: the idle check found it");
            assertTrue(kafkaCheck().getString("data.lastError").startsWith("broker unreachable"),
                    kafkaCheck().getString("data.lastError"));

            String phone = phone();
            contact = post(phone, "first").getString("contactId");
            post(phone, "second");
            post(phone, "third");
            await("the relay to wait for the broker", () -> kafkaCheck().getString("data.waitingForBrokerSince") != null);
            // another replica takes the lease over (as after a long pause of this one)
            leaseHeldBy("replica-that-took-over", 3600);
            await("this replica to see the lease lost", () -> !kafkaCheck().getBoolean("data.leader"));
            Broker.kafka.start();

            List<String> expected = expectedIdsByContact(Set.of(contact)).get(contact);
            assertEquals(6, expected.size());
            // the first event was handed to the producer before the lease was lost: it arrives when the broker is back
            Map<String, List<Received>> received = consumeUntilAll(Map.of(contact, expected.subList(0, 1)));
            assertEquals(expected.subList(0, 1), ids(received, contact));
            // had the relay carried on, its next rounds would follow the first acknowledgement within milliseconds
            received = consumeFor(Duration.ofSeconds(3));
            assertEquals(expected.subList(0, 1), ids(received, contact), "nothing sent after the lease was lost");
            assertEquals(6L, unsentOf(contact), "the cursor is not moved by a relay without the lease");
        } finally {
            Broker.kafka.start();
            leaseHeldBy("replica-that-took-over", -1); // the other replica's lease runs out
        }
        await("this replica to lead again", () -> kafkaCheck().getBoolean("data.leader"));
        List<String> expected = expectedIdsByContact(Set.of(contact)).get(contact);
        List<String> firstSeen = ids(consumeUntilAll(Map.of(contact, expected)), contact).stream().distinct().toList();
        assertEquals(expected, firstSeen, "then all of them, in order (the first one twice: at least once)");
        await("Kafka delivery to be ok again", () -> "ok".equals(kafkaCheck().getString("data.kafka")));
    }

    @Test
    void retentionDeletesOldEventsOnlyOnceTheRelayHasSentThem() {
        String sent = post(phone(), "delivered").getString("contactId");
        consumeUntilAll(expectedIdsByContact(Set.of(sent)));
        await("the relay's cursor past them", () -> unsentOf(sent) == 0);
        Broker.kafka.stop();
        String waiting;
        try {
            waiting = post(phone(), "while the broker is away").getString("contactId");
            await("its events numbered and handed to the webhook fan-out", () -> handedOut(waiting) == 2);
            assertEquals(2L, unsentOf(waiting), "not sent: the broker is away");
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update outbox_event set created_at = :old where contact_id in (:contacts)")
                    .setParameter("old", Instant.parse("2000-01-01T00:00:00Z"))
                    .setParameter("contacts", List.of(Long.valueOf(sent), Long.valueOf(waiting))).executeUpdate());

            retention.purgeEvents(Instant.parse("2001-01-01T00:00:00Z"));
            assertEquals(0L, eventsOf(sent), "sent to Kafka (and to every other consumer): old enough to go");
            assertEquals(2L, eventsOf(waiting), "as old, but past the relay's cursor: kept for Kafka");
        } finally {
            Broker.kafka.start();
        }
        await("the kept events sent once the broker is back", () -> unsentOf(waiting) == 0);
    }

    /** Sets the lease to another replica, expiring {@code seconds} from the database's now (negative: expired). */
    private void leaseHeldBy(String owner, int seconds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outbox_relay_lease set owner = :owner, expires_at = current_timestamp"
                                + " + cast(:s as double precision) * interval '1' second where name = 'kafka'")
                .setParameter("owner", owner).setParameter("s", (double) seconds).executeUpdate());
    }

    /** The contact's events that every consumer but Kafka has been given (numbered, at or below the webhooks' cursor). */
    private long handedOut(String contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where contact_id = :c and feed_position is not null"
                                + " and feed_position <= (select last_position from webhook_cursor where id = 1)")
                .setParameter("c", Long.valueOf(contact)).getSingleResult()).longValue());
    }

    private long eventsOf(String contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where contact_id = :c")
                .setParameter("c", Long.valueOf(contact)).getSingleResult()).longValue());
    }

    private long unsentOf(String contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where contact_id = :c and (feed_position is null or"
                                + " feed_position > (select sent_through from outbox_relay_lease where name = 'kafka'))")
                .setParameter("c", Long.valueOf(contact)).getSingleResult()).longValue());
    }

    private static List<String> ids(Map<String, List<Received>> received, String contact) {
        return received.getOrDefault(contact, List.of()).stream().map(Received::id).toList();
    }

    /** Everything on the topic after {@code settle} of polling. */
    private static Map<String, List<Received>> consumeFor(Duration settle) {
        Map<String, List<Received>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.currentTimeMillis() + settle.toMillis();
            while (System.currentTimeMillis() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Received r = parse(record);
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return byKey;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
    }

    private static String phone() {
        return "+7" + Api.newMobileDigits();
    }

    private static JsonPath post(String phone, String message) {
        return given().formParam("name", "Kafka Client").formParam("phone", phone).formParam("message", message)
                .header("Accept", "application/json").post("/hooks/form")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath kafkaCheck() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().extract().jsonPath().getList("checks");
        Map<String, Object> check = checks.stream().filter(c -> KafkaHealth.NAME.equals(c.get("name"))).findFirst()
                .orElseThrow();
        return JsonPath.from(toJson(check));
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of these contacts as GET /api/events lists them, in commit order. */
    private static Map<String, List<String>> expectedIdsByContact(Set<String> contacts) {
        Map<String, List<String>> byContact = new LinkedHashMap<>();
        contacts.forEach(c -> byContact.put(c, new ArrayList<>()));
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = api().queryParam("after", after).queryParam("limit", 1000)
                    .get("/api/events").then().statusCode(200).extract().jsonPath().getList("");
            if (page.isEmpty()) {
                return byContact;
            }
            for (Map<String, Object> event : page) {
                List<String> ids = byContact.get(String.valueOf(event.get("subject")));
                if (ids != null) {
                    ids.add(String.valueOf(event.get("id")));
                }
                after = ((Number) event.get("cursor")).longValue();
            }
        }
    }

    /** Reads the topic from the beginning until every expected event id has arrived (or a generous deadline). */
    private static Map<String, List<Received>> consumeUntilAll(Map<String, List<String>> expected) {
        Set<String> missing = new HashSet<>();
        expected.values().forEach(missing::addAll);
        Map<String, List<Received>> byKey = new LinkedHashMap<>();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 120_000;
            while (!missing.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Received received = parse(record);
                    byKey.computeIfAbsent(received.key(), k -> new ArrayList<>()).add(received);
                    missing.remove(received.id());
                }
            }
            // whatever else is already there (late duplicates would show here)
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                Received received = parse(record);
                byKey.computeIfAbsent(received.key(), k -> new ArrayList<>()).add(received);
            }
        }
        return byKey;
    }

    private static Received parse(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = JSON.readTree(record.value());
            Header contentType = record.headers().lastHeader("content-type");
            return new Received(record.key(), event.path("id").asText(), event.path("type").asText(),
                    event.path("subject").asText(), event.path("specversion").asText(),
                    contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("record is not a JSON CloudEvent", e);
        }
    }

    private static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
