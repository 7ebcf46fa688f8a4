package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Old envelopes, events and inquiries are deleted by age, and only those: the lead and the newer inquiry stay.
 * Nothing is deleted while no retention is configured (the default).
 */
@QuarkusTest
class RetentionPurgeTest {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2001-01-01T00:00:00Z");

    @Inject
    RetentionPurge purge;

    @Inject
    EntityManager em;

    @Test
    void defaultKeepsEverything() {
        assertEquals(new RetentionPurge.Purged(0, 0, 0), purge.purge(Instant.now().plus(Duration.ofDays(100_000))));
    }

    @Test
    void oldRowsGoAndNewerOnesStay() throws InterruptedException {
        String phone = "+7" + Api.newMobileDigits();
        JsonPath old = post(phone, "long ago");
        JsonPath recent = post(phone, "today");
        long oldInquiry = old.getLong("inquiryId");
        long recentInquiry = recent.getLong("inquiryId");
        long oldEnvelope = number("select envelope_id from inquiry where id = ?1", oldInquiry);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update inquiry set received_at = ?1 where id = ?2").setParameter(1, LONG_AGO)
                    .setParameter(2, oldInquiry).executeUpdate();
            em.createNativeQuery("update envelope set received_at = ?1 where id = ?2").setParameter(1, LONG_AGO)
                    .setParameter(2, oldEnvelope).executeUpdate();
            em.createNativeQuery("update outbox_event set created_at = ?1 where inquiry_id = ?2")
                    .setParameter(1, LONG_AGO).setParameter(2, oldInquiry).executeUpdate();
        });
        long oldEvents = number("select count(*) from outbox_event where inquiry_id = ?1", oldInquiry);
        assertTrue(oldEvents > 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (number("select count(*) from outbox_event where inquiry_id = ?1 and feed_position is not null"
                + " and feed_position <= (select last_position from webhook_cursor)", oldInquiry) < oldEvents) {
            assertTrue(System.nanoTime() < deadline, "the events were not passed to the consumers in 60 s");
            Thread.sleep(200); // given to every consumer by the sequencer and the webhook fan-out
        }

        assertTrue(purge.purgeEnvelopes(CUTOFF) >= 1);
        assertEquals(0, number("select count(*) from envelope where id = ?1", oldEnvelope));
        assertNull(value("select envelope_id from inquiry where id = ?1", oldInquiry), "the inquiry stays, unlinked");

        assertTrue(purge.purgeEvents(CUTOFF) >= oldEvents);
        assertEquals(0, number("select count(*) from outbox_event where inquiry_id = ?1", oldInquiry));
        assertTrue(number("select count(*) from outbox_event where inquiry_id = ?1", recentInquiry) > 0);

        assertTrue(purge.purgeInquiries(CUTOFF) >= 1);
        assertEquals(0, number("select count(*) from inquiry where id = ?1", oldInquiry));
        assertEquals(1, number("select count(*) from inquiry where id = ?1", recentInquiry));
        api().get("/api/leads/" + recent.getString("leadId")).then().statusCode(200);
        assertEquals(1, number("select count(*) from envelope where id = "
                + "(select envelope_id from inquiry where id = ?1)", recentInquiry));
    }

    private static JsonPath post(String phone, String message) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"Old Timer\",\"phone\":\"" + phone + "\",\"message\":\"" + message + "\"}")
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
    }

    private long number(String sql, long param) {
        Object v = value(sql, param);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private Object value(String sql, long param) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }
}
