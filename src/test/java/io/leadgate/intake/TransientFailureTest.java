package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every transient database condition the write path can meet (raised for real by PostgreSQL from a trigger with its
 * SQLSTATE) answers 503 with Retry-After: never a 500, never a 2xx, and nothing is parked, because the provider
 * will send it again. Once the condition passes, the same request is stored.
 */
@QuarkusTest
class TransientFailureTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void dropTrigger() throws SQLException {
        sql("drop trigger if exists leadgate_test_transient on contact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03", "25006", "53300", "57014", "55P03", "25P03", "40001", "40P01"})
    void transientDatabaseConditionAnswers503AndParksNothing(String state) throws SQLException {
        sql("create or replace function leadgate_test_transient() returns trigger as $$ begin "
                + "raise exception 'simulated %' , '" + state + "' using errcode = '" + state + "'; end $$ language plpgsql");
        sql("create trigger leadgate_test_transient before insert on contact for each row "
                + "execute function leadgate_test_transient()");
        long parkedBefore = parked();
        String phone = "+7" + Api.newMobileDigits();
        String body = "{\"phone\":\"" + phone + "\",\"message\":\"transient " + state + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().statusCode(503)
                .header("Retry-After", "5");
        assertEquals(parkedBefore, parked(), "nothing parked for a transient condition");
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(0));

        dropTrigger(); // the condition passes; the provider retries
        given().contentType(ContentType.JSON).body(body).post("/hooks/form").then().statusCode(200);
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1));
    }

    private static long parked() {
        return QuarkusTransaction.requiringNew().call(() -> Envelope.count("status <> ?1", Envelope.Status.PROCESSED));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
