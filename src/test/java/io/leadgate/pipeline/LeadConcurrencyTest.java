package io.leadgate.pipeline;

import io.leadgate.lead.RepeatLeadPolicy;
import io.leadgate.lead.Lead;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No lost update between a manager's action and an inbound inquiry on the same lead, in both orders: each side's
 * transaction is held open (by the test) while the other one runs for real, and neither change is overwritten.
 */
@QuarkusTest
class LeadConcurrencyTest {

    @Inject
    RepeatLeadPolicy repeatLeads;

    @Inject
    LeadLifecycle lifecycle;

    @Test
    void aJunkDuringAnInquiryOnTheSameLeadIsNotOverwritten() throws Exception {
        JsonPath first = post("+7" + Api.newMobileDigits(), "first");
        long leadId = first.getLong("leadId");
        long contactId = first.getLong("contactId");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        // the inquiry's side, as intake does it: join the client's open lead and count the inquiry
        CompletableFuture<Void> inquiry = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = repeatLeads.openLead(contactId).orElseThrow();
            lead.inquiryCount++;
            lead.updatedAt = Instant.now();
            inside.countDown();
            await(proceed);
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        CompletableFuture<Integer> junk = CompletableFuture.supplyAsync(() -> api().contentType(ContentType.JSON)
                .body(Map.of("reason", reason())).post("/api/leads/" + leadId + "/junk").statusCode());
        settle(junk); // it waits for the inquiry's lock, or (without one) runs to its end
        proceed.countDown();
        inquiry.get(60, TimeUnit.SECONDS);
        assertEquals(200, junk.get(60, TimeUnit.SECONDS));

        JsonPath lead = api().get("/api/leads/" + leadId).then().statusCode(200).extract().jsonPath();
        assertEquals("junk", lead.getString("status"), "the manager's junk stays");
        assertEquals(2, lead.getInt("inquiryCount"), "the inquiry stays counted");
    }

    @Test
    void anInquiryDuringAJunkOfItsLeadDoesNotReopenIt() throws Exception {
        String phone = "+7" + Api.newMobileDigits();
        long leadId = post(phone, "first").getLong("leadId");
        String reason = reason();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        // the manager's side: the real junk, in a transaction the test keeps open a little longer
        CompletableFuture<Void> junk = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.junk(leadId, reason, "manager-test");
            inside.countDown();
            await(proceed);
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        CompletableFuture<JsonPath> inquiry = CompletableFuture.supplyAsync(() -> post(phone, "second"));
        settle(inquiry); // it waits for the manager's lock
        proceed.countDown();
        junk.get(60, TimeUnit.SECONDS);
        JsonPath second = inquiry.get(60, TimeUnit.SECONDS);

        JsonPath lead = api().get("/api/leads/" + leadId).then().statusCode(200).extract().jsonPath();
        assertEquals("junk", lead.getString("status"), "the junk is not undone by the inquiry");
        assertEquals(1, lead.getInt("inquiryCount"));
        assertNotEquals(leadId, second.getLong("leadId"), "the inquiry opens a new lead instead of joining a closed one");
    }

    private static String reason() {
        return api().get("/api/junk-reasons").then().statusCode(200).extract().jsonPath().getString("[0].code");
    }

    private static JsonPath post(String phone, String message) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"Race Test\",\"phone\":\"" + phone + "\",\"message\":\"" + message + "\"}")
                .post("/hooks/form").then().statusCode(200).extract().jsonPath();
    }

    /** Gives the other side up to two seconds to run into the held lock (or, unguarded, to finish). */
    private static void settle(CompletableFuture<?> other) throws Exception {
        try {
            other.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException expected) {
            // waiting for the lock: what the guard is for
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
