package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A processing failure after verification leaves the raw envelope committed as failed (answered 500, never a 2xx);
 * a replay before the fix fails again and leaves it parked with one more attempt; once the cause is fixed it is
 * replayed through the API and becomes a lead. The failure is a real one: a database trigger that refuses
 * the contact, dropped again as "the fix".
 */
@QuarkusTest
class ReplayTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void dropTrigger() throws SQLException {
        sql("drop trigger if exists leadgate_test_fail on contact");
    }

    @Test
    void failedProcessingIsKeptAndReplayedAfterTheFix() throws SQLException {
        sql("create or replace function leadgate_test_fail() returns trigger as $$ begin "
                + "if new.name = 'Trigger Failure' then raise exception 'simulated failure'; end if; return new; end $$ "
                + "language plpgsql");
        sql("create trigger leadgate_test_fail before insert on contact for each row execute function leadgate_test_fail()");
        String phone = "+7" + Api.newMobileDigits();
        String envelopeId = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Trigger Failure\",\"phone\":\"" + phone + "\",\"message\":\"keep me\"}")
                .post("/hooks/form").then().statusCode(500) // not stored as an inquiry: never a 2xx
                .body("error", equalTo("processing failed; the request is kept for replay"))
                .extract().path("envelopeId");
        List<String> failed = api().queryParam("status", "failed").queryParam("limit", 1000).get("/api/envelopes")
                .then().statusCode(200).extract().path("id");
        assertTrue(failed.contains(envelopeId));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(0));

        api().post("/api/envelopes/" + envelopeId + "/replay").then().statusCode(422) // not fixed yet
                .body("envelopeId", equalTo(envelopeId));
        api().queryParam("status", "failed").queryParam("limit", 1000).get("/api/envelopes").then()
                .body("find { it.id == '" + envelopeId + "' }.attempts", equalTo(2))
                .body("find { it.id == '" + envelopeId + "' }.error", org.hamcrest.Matchers.containsString("P0001"));

        dropTrigger(); // the fix
        api().post("/api/envelopes/" + envelopeId + "/replay").then().statusCode(200)
                .body("status", equalTo("processed"))
                .body("items[0].result", equalTo("lead_created"));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1))
                .body("[0].name", equalTo("Trigger Failure"));
        api().post("/api/envelopes/" + envelopeId + "/replay").then().statusCode(409);
        api().post("/api/envelopes/987654321/replay").then().statusCode(404);
    }

    @Test
    void unparseableEnvelopeStaysUnparseableOnReplay() {
        String envelopeId = given().contentType(ContentType.JSON).body("{not json").post("/hooks/form")
                .then().statusCode(400).extract().path("envelopeId");
        api().post("/api/envelopes/" + envelopeId + "/replay").then().statusCode(422);
        api().queryParam("status", "unparseable").queryParam("limit", 1000).get("/api/envelopes").then()
                .body("find { it.id == '" + envelopeId + "' }.attempts", equalTo(2));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void tokensInThePathOrQueryAreNotStored() throws SQLException {
        String envelopeId = given().contentType(ContentType.JSON).body("{\"broken")
                .post("/hooks/form-token/t0ken-123?api_key=t0ken-123").then().statusCode(400)
                .extract().path("envelopeId");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select sub_path || ' ' || query_string || ' ' || request_url "
                     + "from envelope where id = " + Long.parseLong(envelopeId))) {
            rs.next();
            String stored = rs.getString(1);
            assertTrue(stored.contains("***") && !stored.contains("t0ken-123"), stored);
        }
    }
}
