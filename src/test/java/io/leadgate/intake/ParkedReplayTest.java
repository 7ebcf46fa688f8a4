package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Parked envelopes are replayed by themselves with back-off (the rounds are driven by hand here, with the clock
 * moved on), counted in {@code leadgate_envelopes_parked} and shown in readiness.
 */
@QuarkusTest
class ParkedReplayTest {

    @Inject
    DataSource dataSource;

    @Inject
    ParkedReplayer replayer;

    @AfterEach
    void dropTrigger() throws SQLException {
        sql("drop trigger if exists leadgate_test_park on contact");
    }

    @Test
    void parkedEnvelopeIsReplayedWithBackOffOnceTheCauseIsGone() throws SQLException {
        sql("create or replace function leadgate_test_park() returns trigger as $$ begin "
                + "if new.name = 'Park Me' then raise exception 'simulated bug'; end if; return new; end $$ language plpgsql");
        sql("create trigger leadgate_test_park before insert on contact for each row execute function leadgate_test_park()");
        String phone = "+7" + Api.newMobileDigits();
        String envelopeId = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Park Me\",\"phone\":\"" + phone + "\",\"message\":\"later\"}")
                .post("/hooks/form").then().statusCode(500).extract().path("envelopeId");
        long id = Long.parseLong(envelopeId);

        replayer.replayDue(Instant.now()); // not due yet: the first wait is a minute
        assertEquals(1, attempts(id));
        replayer.replayDue(Instant.now().plus(Duration.ofMinutes(2))); // due, fails again: stays parked
        assertEquals(2, attempts(id));
        assertEquals(Envelope.Status.FAILED, status(id));
        given().get("/q/metrics").then().body(containsString("leadgate_envelopes_parked"));
        given().get("/q/health/ready").then().body(containsString("Parked envelopes"));

        dropTrigger(); // the fix
        replayer.replayDue(Instant.now().plus(Duration.ofSeconds(90))); // the second wait is two minutes
        assertEquals(Envelope.Status.FAILED, status(id), "not replayed before its back-off");
        replayer.replayDue(Instant.now().plus(Duration.ofMinutes(3)));
        assertEquals(Envelope.Status.PROCESSED, status(id));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1));
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        Duration base = Duration.ofMinutes(1);
        Duration max = Duration.ofHours(6);
        assertEquals(Duration.ofMinutes(1), ParkedEnvelopes.delay(1, base, max));
        assertEquals(Duration.ofMinutes(2), ParkedEnvelopes.delay(2, base, max));
        assertEquals(Duration.ofMinutes(8), ParkedEnvelopes.delay(4, base, max));
        assertEquals(max, ParkedEnvelopes.delay(20, base, max));
        assertEquals(max, ParkedEnvelopes.delay(1000, base, max));
    }

    private static int attempts(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Envelope.<Envelope>findById(id).attempts);
    }

    private static Envelope.Status status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Envelope.<Envelope>findById(id).status);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
