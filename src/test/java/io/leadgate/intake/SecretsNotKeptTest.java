package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kept envelopes hold no provider secret (headers or body fields), and a scrubbed envelope still replays. */
@QuarkusTest
class SecretsNotKeptTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void dropTrigger() throws SQLException {
        sql("drop trigger if exists leadgate_test_secret_fail on contact");
    }

    @Test
    void tildaApiKeyIsNotKeptAndTheParkedEnvelopeReplaysIntoALead() throws SQLException {
        sql("create or replace function leadgate_test_secret_fail() returns trigger as $$ begin "
                + "if new.name = 'Secret Failure' then raise exception 'simulated failure'; end if; return new; end $$ "
                + "language plpgsql");
        sql("create trigger leadgate_test_secret_fail before insert on contact for each row "
                + "execute function leadgate_test_secret_fail()");
        String phone = "+7" + Api.newMobileDigits();
        String envelopeId = given().contentType(ContentType.URLENC).header("Authorization", "Bearer b3arer-x")
                .formParam("Name", "Secret Failure").formParam("api_key", "tilda-token-1")
                .formParam("Phone", phone).post("/hooks/tilda").then().statusCode(500)
                .extract().path("envelopeId");
        String[] kept = row(envelopeId);
        assertFalse(kept[0].contains("tilda-token-1") || kept[0].contains("api_key"), kept[0]);
        assertFalse(kept[1].contains("b3arer-x") || kept[1].toLowerCase().contains("authorization"), kept[1]);
        assertEquals("Name=Secret%20Failure&Phone=" + phone.replace("+", "%2B"), kept[0]);

        dropTrigger(); // the fix
        api().post("/api/envelopes/" + envelopeId + "/replay").then().statusCode(200)
                .body("status", equalTo("processed"));
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1))
                .body("[0].name", equalTo("Secret Failure"));
    }

    @Test
    void telegramSecretHeaderIsNotKept() throws SQLException {
        String envelopeId = given().contentType(ContentType.JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", "tg-Secret_1").body("{\"update_id\": \"not a number\"")
                .post("/hooks/tg").then().statusCode(400).extract().path("envelopeId");
        String[] kept = row(envelopeId);
        assertFalse(kept[1].contains("tg-Secret_1") || kept[1].toLowerCase().contains("secret-token"), kept[1]);
        assertTrue(kept[1].toLowerCase().contains("content-type"), kept[1]);
    }

    private String[] row(String envelopeId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select body, headers from envelope where id = " + Long.parseLong(envelopeId))) {
            assertTrue(rs.next());
            return new String[] {new String(rs.getBytes(1), StandardCharsets.UTF_8), rs.getString(2)};
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
