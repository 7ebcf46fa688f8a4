package io.leadgate.privacy;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Erasure reaches the person's parked envelopes; the export of a shared delivery holds only the person's items. */
@QuarkusTest
class PrivacyEnvelopesTest {

    @Inject
    DataSource dataSource;

    @Test
    void eraseEmptiesParkedEnvelopesThatNameThePersonAndNoOthers() throws SQLException {
        String d = Api.newMobileDigits();
        String other = Api.newMobileDigits();
        String email = "parked-" + d + "@example.com";
        given().contentType(ContentType.JSON).body("{\"name\":\"Parked Person\",\"phone\":\"+7" + d + "\",\"email\":\""
                + email + "\"}").post("/hooks/form").then().statusCode(200);
        String byPhone = parkUnparseable("{\"phone\":\"8 (" + d.substring(0, 3) + ") " + d.substring(3) + "\", broken");
        String byEmail = parkUnparseable("{\"email\":\"" + email.toUpperCase() + "\", broken");
        String notTheirs = parkUnparseable("{\"phone\":\"+7" + other + "\", broken");
        String id = api().queryParam("phone", "+7" + d).get("/api/contacts").then().body("", hasSize(1))
                .extract().path("[0].id");

        JsonPath export = api().get("/api/contacts/" + id + "/export").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.List.of(byPhone, byEmail), export.getList("parkedEnvelopes.id"));

        api().delete("/api/contacts/" + id).then().statusCode(204);
        assertEquals("", body(byPhone));
        assertEquals("", body(byEmail));
        assertTrue(body(notTheirs).contains(other));
    }

    @Test
    void exportOfASharedMessengerDeliveryHoldsOnlyThePersonsItems() throws Exception {
        String a = "9725" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String b = "9725" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1234567890987654321\",\"changes\":"
                + "[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"972123456789\","
                + "\"phone_number_id\":\"1122334455667\"},\"contacts\":[{\"profile\":{\"name\":\"Person A\"},\"wa_id\":\""
                + a + "\"},{\"profile\":{\"name\":\"Person B\"},\"wa_id\":\"" + b + "\"}],\"messages\":["
                + message(a, "text of A") + "," + message(b, "text of B") + "]},\"field\":\"messages\"}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + hmacHex("wa-app-secret", bytes))
                .body(bytes).post("/hooks/wa").then().statusCode(200);
        String id = api().queryParam("phone", "+" + a).get("/api/contacts").then().body("", hasSize(1))
                .extract().path("[0].id");

        String text = api().get("/api/contacts/" + id + "/export").then().statusCode(200).extract().asString();
        JsonPath export = JsonPath.from(text);
        assertEquals(true, export.getBoolean("envelopes[0].shared"));
        assertEquals(java.util.List.of("text of A"), export.getList("envelopes[0].items.text"));
        assertFalse(text.contains(b) || text.contains("Person B") || text.contains("text of B"), text);
    }

    private static String message(String from, String text) {
        return "{\"from\":\"" + from + "\",\"id\":\"wamid.t" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
                + "\",\"timestamp\":\"1697043223\",\"text\":{\"body\":\"" + text + "\"},\"type\":\"text\"}";
    }

    private static String parkUnparseable(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/hooks/form").then().statusCode(400)
                .extract().path("envelopeId");
    }

    private String body(String envelopeId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select body from envelope where id = " + Long.parseLong(envelopeId))) {
            assertTrue(rs.next());
            return new String(rs.getBytes(1), StandardCharsets.UTF_8);
        }
    }

    private static String hmacHex(String key, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
