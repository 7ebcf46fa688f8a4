package io.leadgate.ops;

import io.leadgate.delivery.OutboxSequencer;
import io.leadgate.pipeline.DeskFeed;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The README's first command runs the dev profile on an embedded H2 database (PostgreSQL mode) with the demo channel
 * of {@code channels/}. Every other test runs on PostgreSQL, so SQL that only PostgreSQL reads (a {@code lateral}
 * join, say) would pass the suite and break the default run; this test takes the write path through H2: a new client,
 * a namesake with another phone (the fuzzy-candidate reads), a returning client, and the event feed's positions.
 */
@QuarkusTest
@TestProfile(DefaultRunTest.DevOnH2.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultRunTest {

    @Inject
    EntityManager em;
    @Inject
    DeskFeed desk;
    @Inject
    OutboxSequencer sequencer;

    /** The dev profile as {@code ./mvnw quarkus:dev} runs it, with the H2 database in memory instead of ./data. */
    public static class DevOnH2 implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "dev";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the dev profile's locations, said again so that the test's build scans them too
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:leadgate-default-run;DB_CLOSE_DELAY=-1;"
                            + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "quarkus.flyway.locations", "db/migration,db/h2");
        }
    }

    private static final String DEV_KEY = "dev-key";

    @Test
    @Order(1)
    void theDemoFormTakesNewReturningAndNamesakeClientsOnH2() {
        String digits = Api.newMobileDigits();
        String other = Api.newMobileDigits();
        post("Ivan Petrov", "8" + digits, "Please call me");
        post("Ivan Petrov", "8" + other, "Another Ivan");
        post("Ivan Petrov", "+7" + digits, "Me again");

        // the in-memory database is this test's own: these are all the leads there are
        List<Map<String, Object>> leads = RestAssured.given().header("X-Api-Key", DEV_KEY)
                .get("/api/leads?channelId=demo-form").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(2, leads.size(), "two people, two leads: " + leads);
        assertNotEquals(leads.get(0).get("contactId"), leads.get(1).get("contactId"));
        assertEquals(3, leads.stream().mapToInt(lead -> ((Number) lead.get("inquiryCount")).intValue()).sum());

        // the sequencer gives the events of these inquiries their place in the feed on H2 as well
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        List<String> received;
        do {
            received = RestAssured.given().header("X-Api-Key", DEV_KEY).get("/api/events?limit=1000")
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.cursor != null }.type");
            received = received.stream().filter("leadgate.inquiry.received"::equals).toList();
        } while (received.size() < 3 && Instant.now().isBefore(until) && pause());
        assertEquals(3, received.size(), "inquiries in the event feed");
    }

    /** After the first test, so that its leads and events are there to count. */
    @Test
    @Order(2)
    void theAnalyticsAndTheConsoleAnswerOnH2() {
        for (String query : List.of("funnel?by=manager&compare=previous", "funnel?by=week", "leads?by=source",
                "leads?by=junk-reason", "leads/series?bucket=week", "won?by=source", "funnel?format=csv&table=stages",
                "revenue?by=month", "forecast?by=temperature", "contribution", "temperature", "lead-temperature")) {
            RestAssured.given().header("X-Api-Key", DEV_KEY).get("/api/analytics/" + query).then().statusCode(200);
        }
        RestAssured.given().redirects().follow(true).get("/").then().statusCode(200);
    }

    /**
     * The desk's speed-to-lead check reads the due rows and their leads and marks them with {@code = any(?)} arrays
     * and {@code for update skip locked}: on H2 too, a lead left unanswered past the limit is announced once.
     */
    @Test
    @Order(3)
    void anUnansweredLeadPastTheLimitIsAnnouncedOnceOnH2() {
        String phone = "+7" + Api.newMobileDigits();
        post("Olga Sidorova", phone, "Waiting for a call");
        List<String> leadIds = RestAssured.given().header("X-Api-Key", DEV_KEY).queryParam("phone", phone)
                .get("/api/contacts").then().statusCode(200).extract().path("[0].leadIds");
        long leadId = Long.parseLong(leadIds.get(0));
        // the desk makes a lead's speed-to-lead row when it reads the lead's event (the scheduled desk may be first)
        awaitTrue(() -> {
            sequencer.sequence();
            desk.run();
            return count("select count(*) from lead_response where lead_id = ?1", leadId) == 1;
        }, "the lead's speed-to-lead row");
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                        "update lead_response set arrived_at = ?1 where lead_id = ?2")
                .setParameter(1, OffsetDateTime.now().minusDays(1)).setParameter(2, leadId).executeUpdate()));

        awaitTrue(() -> {
            desk.run();
            return count("select count(*) from lead_response where lead_id = ?1 and breached"
                    + " and breach_emitted_at is not null", leadId) == 1;
        }, "the breach marked");
        desk.run(); // nothing more to announce
        assertEquals(1L, count("select count(*) from outbox_event where type = 'leadgate.lead.response-overdue'"
                + " and lead_id = ?1", leadId));
    }

    private long count(String sql, long leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, leadId).getSingleResult()).longValue());
    }

    private static void awaitTrue(BooleanSupplier done, String what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until) || !pause()) {
                throw new AssertionError(what + ": not within 30 s");
            }
        }
    }

    private static void post(String name, String phone, String message) {
        RestAssured.given().formParam("name", name).formParam("phone", phone).formParam("message", message)
                .post("/hooks/demo-form").then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
