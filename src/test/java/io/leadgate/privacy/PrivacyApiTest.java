package io.leadgate.privacy;

import io.leadgate.testing.Api;
import io.leadgate.testing.Conformance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GDPR export and erasure (CONTRACT §9). */
@QuarkusTest
class PrivacyApiTest {

    @Inject
    EntityManager em;

    @Test
    void exportHoldsEverythingAboutThePerson() {
        String d = Api.newMobileDigits();
        String email = "export-" + d + "@example.com";
        form("form", "{\"name\":\"Ольга Export\",\"phone\":\"8" + d + "\",\"email\":\"" + email
                + "\",\"message\":\"Перезвоните мне\",\"utm_campaign\":\"spring\",\"gclid\":\"g-" + d + "\"}");
        form("form-de", "{\"phone\":\"+7" + d + "\",\"message\":\"second\"}");
        String id = contactId("+7" + d);

        JsonPath export = api().get("/api/contacts/" + id + "/export").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(id, export.getString("contactId"));
        assertEquals("Ольга Export", export.getString("contact.name"));
        assertEquals(List.of("+7" + d, email), export.getList("contact.identities.value"));
        assertEquals(List.of("Перезвоните мне", "second"), export.getList("inquiries.text"));
        assertEquals(List.of("form", "form-de"), export.getList("inquiries.channelId"));
        assertEquals(1, export.getList("leads").size());
        assertEquals("spring", export.getString("leads[0].attribution.utm_campaign"));
        assertEquals(2, export.getList("envelopes").size());
        assertEquals("text", export.getString("envelopes[0].bodyEncoding"));
        assertTrue(export.getString("envelopes[0].body").contains("Перезвоните мне"));
        assertTrue(export.getList("events.event.type").contains("leadgate.lead.created"));
        assertEquals(List.of(), export.getList("calls"));
    }

    @Test
    void eraseScrubsPersonalDataAndKeepsAnonymousCounts() {
        String cursor = lastCursor();
        String d = Api.newMobileDigits();
        String email = "erase-" + d + "@example.com";
        form("form", "{\"name\":\"Erase Me\",\"phone\":\"8" + d + "\",\"email\":\"" + email
                + "\",\"message\":\"my secret text\",\"utm_campaign\":\"spring\",\"gclid\":\"g-" + d
                + "\",\"plan\":\"pro\"}");
        String id = contactId("+7" + d);
        String leadId = api().queryParam("contactId", id).get("/api/leads").then().body("", hasSize(1)).extract().path("[0].id");
        String inquiryId = api().queryParam("contactId", id).get("/api/inquiries").then().body("", hasSize(1))
                .extract().path("[0].id");

        api().delete("/api/contacts/" + id).then().statusCode(204);

        api().get("/api/contacts/" + id).then().statusCode(404).body("error", equalTo("no contact " + id));
        api().get("/api/contacts/" + id + "/export").then().statusCode(404);
        api().delete("/api/contacts/" + id).then().statusCode(404);
        api().queryParam("phone", "+7" + d).get("/api/contacts").then().statusCode(200).body("", hasSize(0));
        api().queryParam("email", email).get("/api/contacts").then().statusCode(200).body("", hasSize(0));
        api().queryParam("limit", 1000).get("/api/contacts").then().body("id", org.hamcrest.Matchers.not(hasItem(id)));

        // The lead and the inquiry stay for counts, without personal data.
        JsonPath lead = api().get("/api/leads/" + leadId).then().statusCode(200).extract().jsonPath();
        assertEquals("form", lead.getString("channelId"));
        assertEquals("spring", lead.getString("attribution.utm_campaign"));
        assertEquals(java.util.Map.of(), lead.getMap("attribution.clickIds"));
        JsonPath inquiry = api().queryParam("contactId", id).get("/api/inquiries").then().body("", hasSize(1))
                .extract().jsonPath().setRootPath("[0]");
        assertEquals(inquiryId, inquiry.getString("id"));
        assertEquals("lead", inquiry.getString("kind"));
        assertEquals("webform", inquiry.getString("channel"));
        assertNull(inquiry.getString("text"));
        assertNull(inquiry.getString("contact.name"));
        assertEquals(List.of(), inquiry.getList("contact.phones"));
        assertEquals(List.of(), inquiry.getList("contact.emails"));
        assertEquals(java.util.Map.of(), inquiry.getMap("extra"));
        assertFalse(inquiry.prettify().contains(d), "no digit string of the phone remains");

        // Events about the person keep their envelope and lose their data; one more says the contact was erased.
        JsonPath events = api().queryParam("after", cursor).queryParam("limit", 1000).get("/api/events").then()
                .statusCode(200).extract().jsonPath();
        List<String> subjects = events.getList("subject");
        List<String> types = events.getList("type");
        int erasedEvents = 0;
        for (int i = 0; i < subjects.size(); i++) {
            if (id.equals(subjects.get(i))) {
                String data = events.getString("[" + i + "].data");
                assertFalse(data.contains(d), "event " + types.get(i) + " holds no phone");
                erasedEvents += types.get(i).equals("leadgate.contact.erased") ? 1 : 0;
            }
        }
        assertEquals(1, erasedEvents);
        assertFalse(events.prettify().contains("my secret text"));
    }

    @Test
    void thePersonWritingAgainAfterErasureGetsANewCard() {
        String d = Api.newMobileDigits();
        form("form", "{\"name\":\"Twice\",\"phone\":\"8" + d + "\"}");
        String first = contactId("+7" + d);
        api().delete("/api/contacts/" + first).then().statusCode(204);
        form("form", "{\"name\":\"Twice\",\"phone\":\"8" + d + "\",\"message\":\"back again\"}");
        String second = contactId("+7" + d);
        assertNotEquals(first, second);
        api().get("/api/contacts/" + second).then().statusCode(200).body("name", equalTo("Twice"));
    }

    @Test
    void eraseForgetsTheCallersNumberAndTheRawRequest() {
        String mobile = "49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String callId = "gdpr-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String body = new String(Conformance.bytes("telephony/sipgate/zammad-spec__in_newCall.form"), StandardCharsets.UTF_8)
                .replace("4912347114711", mobile).replace("1234567890-3", callId);
        given().contentType("application/x-www-form-urlencoded").body(body).post("/hooks/sipgate/sg-token-1")
                .then().statusCode(200);
        String id = contactId("+" + mobile);
        JsonPath export = api().get("/api/contacts/" + id + "/export").then().statusCode(200).extract().jsonPath();
        assertEquals("+" + mobile, export.getString("calls[0].customer"));
        assertTrue(export.getString("envelopes[0].body").contains(mobile));

        api().delete("/api/contacts/" + id).then().statusCode(204);

        JsonPath call = api().queryParam("channelId", "sipgate").queryParam("callId", callId).get("/api/calls").then()
                .statusCode(200).body("", hasSize(1)).extract().jsonPath().setRootPath("[0]");
        assertNull(call.getString("customer"));
        assertEquals("in", call.getString("direction"));
        api().queryParam("phone", "+" + mobile).get("/api/contacts").then().body("", hasSize(0));
        String stored = api().queryParam("contactId", id).get("/api/inquiries").then().body("", hasSize(1)).extract().asString();
        assertFalse(stored.contains(mobile));
    }

    @Test
    void eraseDeletesTheMatchingKeysOfEveryPhone() {
        String d = Api.newMobileDigits();
        String other = Api.newMobileDigits();
        String email = "keys-" + d + "@example.com";
        form("form", "{\"name\":\"Keys Twice\",\"phone\":\"8" + d + "\",\"email\":\"" + email + "\"}");
        form("form", "{\"phone\":\"+7" + other + "\",\"email\":\"" + email + "\",\"message\":\"a second number\"}");
        long id = Long.parseLong(contactId("+7" + d));
        assertEquals(id, Long.parseLong(contactId("+7" + other)), "one card with both phones");
        Map<String, Long> before = keysByKind(id);
        assertEquals(2L, before.get("phone-tail"), before::toString);
        assertTrue(before.get("phone-near") >= 10, "near keys of both tails: " + before);
        assertEquals(1L, before.get("mailbox"), before::toString);

        api().delete("/api/contacts/" + id).then().statusCode(204);

        assertEquals(Map.of(), keysByKind(id));
    }

    @Test
    void exportAndErasureTakeEveryCardMergedIntoThePerson() {
        String cursor = lastCursor();
        String[] d = {Api.newMobileDigits(), Api.newMobileDigits(), Api.newMobileDigits()};
        form("form", "{\"name\":\"Merged Survivor\",\"phone\":\"8" + d[0] + "\"}");
        form("form", "{\"name\":\"Merged Middle\",\"phone\":\"8" + d[1] + "\",\"message\":\"middle text\"}");
        form("form", "{\"name\":\"Merged Oldest\",\"phone\":\"8" + d[2] + "\"}");
        String survivor = contactId("+7" + d[0]);
        String middle = contactId("+7" + d[1]);
        String oldest = contactId("+7" + d[2]);
        merge(middle, oldest);
        merge(survivor, middle); // survivor <- middle <- oldest

        for (String asked : List.of(survivor, oldest)) {
            JsonPath export = api().get("/api/contacts/" + asked + "/export").then().statusCode(200).extract().jsonPath();
            assertEquals(survivor, export.getString("contactId"));
            assertEquals(List.of("+7" + d[0], "+7" + d[1], "+7" + d[2]), export.getList("contact.identities.value"));
            assertEquals(Set.of(middle, oldest), Set.copyOf(export.getList("mergedContacts.contactId")));
            assertEquals(Set.of("Merged Middle", "Merged Oldest"),
                    Set.copyOf(export.getList("mergedContacts.contact.name")));
            assertTrue(export.getList("inquiries.text").contains("middle text"), "inquiries moved to the survivor");
        }
        Map<String, Long> oldestKeys = keysByKind(Long.parseLong(oldest));
        assertFalse(oldestKeys.isEmpty(), "a merged card keeps the keys of its name and phone: " + oldestKeys);

        api().delete("/api/contacts/" + oldest).then().statusCode(204);

        for (String id : List.of(survivor, middle, oldest)) {
            api().get("/api/contacts/" + id).then().statusCode(404);
            api().get("/api/contacts/" + id + "/export").then().statusCode(404);
            api().delete("/api/contacts/" + id).then().statusCode(404);
            assertEquals(Map.of(), keysByKind(Long.parseLong(id)), "keys of " + id);
        }
        JsonPath events = api().queryParam("after", cursor).queryParam("limit", 1000).get("/api/events").then()
                .statusCode(200).extract().jsonPath();
        List<String> erased = new ArrayList<>();
        List<String> types = events.getList("type");
        for (int i = 0; i < types.size(); i++) {
            String subject = events.getString("[" + i + "].subject");
            if (types.get(i).equals("leadgate.contact.erased")) {
                erased.add(subject);
            }
            if (List.of(survivor, middle, oldest).contains(subject)) {
                String data = events.getString("[" + i + "].data");
                assertFalse(data.contains("Merged ") || data.contains(d[0]) || data.contains(d[1]) || data.contains(d[2]),
                        types.get(i) + " keeps no name or phone");
            }
        }
        assertTrue(erased.containsAll(List.of(survivor, middle, oldest)), "one erased event per card: " + erased);
    }

    @Test
    void aMergedCardLeftLiveByAnEarlierErasureIsErasedByItsOwnId() {
        String survivor = newCard("Survivor Before");
        String merged = newCard("Left Behind");
        merge(survivor, merged);
        // what erasure did before it took the whole person: the survivor alone marked erased
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update contact set erased_at = current_timestamp where id = ?1")
                .setParameter(1, Long.parseLong(survivor)).executeUpdate());
        api().get("/api/contacts/" + merged).then().statusCode(200).body("name", equalTo("Left Behind"));
        api().get("/api/contacts/" + merged + "/export").then().statusCode(404);

        api().delete("/api/contacts/" + merged).then().statusCode(204);

        api().get("/api/contacts/" + merged).then().statusCode(404);
        api().delete("/api/contacts/" + merged).then().statusCode(404);
        assertEquals(Map.of(), keysByKind(Long.parseLong(merged)));
    }

    @Test
    void anErasedCardCannotTakeOrGiveAMerge() {
        String keptId = newCard("Kept");
        String goneId = newCard("Gone");
        api().delete("/api/contacts/" + goneId).then().statusCode(204);

        api().contentType(ContentType.JSON).body("{\"sourceId\":\"" + keptId + "\"}")
                .post("/api/contacts/" + goneId + "/merge").then().statusCode(404).body("error", equalTo("no contact " + goneId));
        api().contentType(ContentType.JSON).body("{\"sourceId\":\"" + goneId + "\"}")
                .post("/api/contacts/" + keptId + "/merge").then().statusCode(404).body("error", equalTo("no contact " + goneId));
        api().get("/api/contacts/" + keptId).then().statusCode(200).body("name", equalTo("Kept"), "phones", hasSize(1));
    }

    @Test
    void unknownContactsAreNotFound() {
        api().get("/api/contacts/987654321987/export").then().statusCode(404).body("error", equalTo("no contact 987654321987"));
        api().delete("/api/contacts/987654321987").then().statusCode(404);
        api().delete("/api/contacts/not-a-number").then().statusCode(404);
    }

    /** The cursor of the newest event so far ("0" when there is none). */
    private static String lastCursor() {
        String cursor = "0";
        while (true) {
            List<Object> page = api().queryParam("after", cursor).queryParam("limit", 1000).get("/api/events").then()
                    .statusCode(200).extract().path("cursor");
            if (page.isEmpty()) {
                return cursor;
            }
            cursor = String.valueOf(page.get(page.size() - 1));
        }
    }

    /** The card's rows in {@code contact_key}, counted by kind. */
    private Map<String, Long> keysByKind(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select kind, count(*) from contact_key where contact_id = ?1 "
                    + "group by kind").setParameter(1, contactId).getResultList();
            rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
            return counts;
        });
    }

    private static void merge(String target, String source) {
        api().contentType(ContentType.JSON).body("{\"sourceId\":\"" + source + "\"}")
                .post("/api/contacts/" + target + "/merge").then().statusCode(200);
    }

    /** A new card: a web form from a person with a phone of their own; returns the card's id. */
    private static String newCard(String name) {
        String digits = Api.newMobileDigits();
        form("form", "{\"name\":\"" + name + "\",\"phone\":\"8" + digits + "\"}");
        return contactId("+7" + digits);
    }

    private static void form(String channel, String json) {
        given().contentType(ContentType.JSON).body(json).post("/hooks/" + channel).then().statusCode(200);
    }

    private static String contactId(String phone) {
        return api().queryParam("phone", phone).get("/api/contacts").then().statusCode(200).body("", hasSize(1))
                .extract().path("[0].id");
    }
}
