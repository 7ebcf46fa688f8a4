package io.leadgate.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.OutboxEvent;
import io.leadgate.events.EventTypes;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity resolution through the real hooks, with auto-merge off (the default). */
@QuarkusTest
class IdentityResolutionTest {

    static final String TG_SECRET = "tg-Secret_1";

    @Test
    void returningClientFromFormToTelegramToEmailLandsOnOneCardAndOneLead() {
        String digits = Api.newMobileDigits();
        String email = "client." + digits + "@mail.example";
        long tgUser = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        JsonPath form = form("form", Map.of("name", "Ирина Соколова", "phone", "8 (" + digits.substring(0, 3) + ") "
                + digits.substring(3), "email", email));
        String contactId = form.getString("contactId");
        String leadId = form.getString("leadId");

        telegramContact(tgUser, "7" + digits, "Irina", "Sokolova");
        JsonPath mail = given().contentType("message/rfc822").body(mail("Irina Sokolova <" + email + ">"))
                .post("/hooks/mail").then().statusCode(200).extract().jsonPath();

        api().get("/api/contacts/" + contactId).then().statusCode(200)
                .body("phones", contains("+7" + digits))
                .body("emails", contains(email))
                .body("handles.id", contains(String.valueOf(tgUser)))
                .body("leadIds", contains(leadId))
                .body("timeline", hasSize(3))
                .body("timeline.channelId", contains("form", "tg", "mail"))
                .body("timeline.resolution.decision", contains("new", "matched", "matched"));
        api().get("/api/leads/" + leadId).then().body("inquiryCount", equalTo(3));
        api().queryParam("handle", "telegram:" + tgUser).get("/api/contacts").then().body("[0].id", equalTo(contactId));
        api().queryParam("contactId", contactId).get("/api/inquiries").then()
                .body("[1].resolution.matchedBy", hasItem("phone:+7" + digits))
                .body("[2].resolution.matchedBy", hasItem("email:" + email));
        assertEquals(contactId, mail.getString("contactId"));
    }

    @Test
    void conflictingIdentitiesAttachToTheStrongestCardAndListACandidate() {
        String digits = Api.newMobileDigits();
        String email = "anna." + digits + "@mail.example";
        String phoneCard = form("form", Map.of("name", "Анна Петрова", "phone", "+7" + digits)).getString("contactId");
        String emailCard = form("form", Map.of("name", "Anna Petrova", "email", email)).getString("contactId");
        assertNotEquals(phoneCard, emailCard);

        JsonPath both = form("form", Map.of("name", "Анна Петрова", "phone", "+7" + digits, "email", email));
        assertEquals(phoneCard, both.getString("contactId"), "the older card wins a tie");
        inquiry(both).body("resolution.decision", equalTo("conflict"))
                .body("resolution.conflictingContactIds", contains(emailCard))
                .body("resolution.candidates[0].contactId", equalTo(emailCard))
                .body("resolution.candidates[0].rule", equalTo("shared-identity"))
                .body("resolution.candidates[0].reasons", hasItem("name-transliteration"))
                .body("resolution.merges", hasSize(0));
        api().get("/api/contacts/" + emailCard).then().body("emails", contains(email)).body("mergedInto", nullValue());
        api().queryParam("contactId", emailCard).get("/api/contacts/duplicates").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].contactIds", containsInAnyOrder(phoneCard, emailCard))
                .body("[0].score", equalTo(1.0f))
                .body("[0].reasons", hasItem("shared-identity"));
    }

    @Test
    void fuzzyCandidatesAreScoredWithReasonsAndNotMergedByDefault() {
        String digits = Api.newMobileDigits();
        String ru = form("form", Map.of("name", "Александр Кузнецов", "phone", "+7" + digits)).getString("contactId");
        // the German form reads the same national number as German: +49 916…
        JsonPath de = form("form-de", Map.of("name", "Alexander Kuznetsov", "phone", digits));
        assertNotEquals(ru, de.getString("contactId"));
        inquiry(de)
                .body("resolution.decision", equalTo("new"))
                .body("resolution.candidates[0].contactId", equalTo(ru))
                .body("resolution.candidates[0].rule", equalTo("phone-country-code"))
                .body("resolution.candidates[0].reasons", contains("phone-country-code", "name-transliteration"));

        String gmail = "kate.smirnova." + digits + "@gmail.com";
        String first = form("form", Map.of("name", "Екатерина Смирнова", "email", gmail)).getString("contactId");
        JsonPath variant = form("form", Map.of("name", "Катя Смирнова",
                "email", gmail.replace("kate.smirnova.", "katesmirnova").replace("@", "+promo@")));
        inquiry(variant)
                .body("resolution.candidates[0].contactId", equalTo(first))
                .body("resolution.candidates[0].rule", equalTo("email-mailbox"))
                .body("resolution.candidates[0].reasons", hasItem("name-diminutive"));
        api().queryParam("contactId", first).get("/api/contacts/duplicates").then()
                .body("[0].contactIds", containsInAnyOrder(first, variant.getString("contactId")))
                .body("[0].rule", equalTo("email-mailbox"));
    }

    @jakarta.inject.Inject
    KeyBackfill backfill;

    @Test
    void cardsStoredBeforeFuzzyMatchingGetTheirKeysBackfilled() {
        String digits = Api.newMobileDigits();
        long old = QuarkusTransaction.requiringNew().call(() -> {
            java.time.Instant now = java.time.Instant.now();
            Contact contact = new Contact();
            contact.name = "Игорь Белов";
            contact.createdAt = now;
            contact.updatedAt = now;
            contact.persist();
            ContactIdentity phone = new ContactIdentity();
            phone.contactId = contact.id;
            phone.kind = IdentityKind.PHONE;
            phone.identityValue = "+7" + digits;
            phone.createdAt = now;
            phone.persist();
            return contact.id;
        });
        assertTrue(backfill.writeAfter(old - 1) >= 1);
        JsonPath de = form("form-de", Map.of("name", "Igor Belov", "phone", digits));
        inquiry(de).body("resolution.candidates[0].contactId", equalTo(String.valueOf(old)))
                .body("resolution.candidates[0].rule", equalTo("phone-country-code"));
    }

    @Test
    void mergeAndUndoRestoreBothCardsExactly() {
        String digits = Api.newMobileDigits();
        String email = "merge." + digits + "@mail.example";
        JsonPath a = form("form", Map.of("name", "Олег Морозов", "phone", "+7" + digits));
        JsonPath b = form("form", Map.of("email", email, "message", "second card"));
        String target = a.getString("contactId");
        String source = b.getString("contactId");
        String targetBefore = api().get("/api/contacts/" + target).then().statusCode(200).extract().asString();
        String sourceBefore = api().get("/api/contacts/" + source).then().statusCode(200).extract().asString();

        JsonPath merge = api().contentType(ContentType.JSON).body("{\"sourceId\": \"" + source + "\"}")
                .post("/api/contacts/" + target + "/merge").then().statusCode(200)
                .body("targetId", equalTo(target)).body("sourceId", equalTo(source)).body("origin", equalTo("api"))
                .extract().jsonPath();
        String mergeId = merge.getString("id");
        api().get("/api/contacts/" + target).then()
                .body("phones", contains("+7" + digits)).body("emails", contains(email))
                .body("leadIds", contains(a.getString("leadId"), b.getString("leadId")))
                .body("timeline.id", contains(a.getString("inquiryId"), b.getString("inquiryId")));
        api().get("/api/contacts/" + source).then().body("mergedInto", equalTo(target)).body("emails", hasSize(0));
        api().queryParam("email", email).get("/api/contacts").then().body("[0].id", equalTo(target));
        api().queryParam("contactId", source).get("/api/leads").then().body("", hasSize(0));
        api().get("/api/merges/" + mergeId).then().body("undoneAt", nullValue());
        assertEquals(1, events(EventTypes.CONTACT_MERGED, target));
        // a new inquiry by the source's address now goes to the target
        assertEquals(target, form("form", Map.of("email", email)).getString("contactId"));
        String afterNew = api().get("/api/contacts/" + target).then().extract().path("timeline[2].id");

        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200).body("undoneAt", org.hamcrest.Matchers.notNullValue());
        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(409);
        JsonPath targetAfter = api().get("/api/contacts/" + target).then().extract().jsonPath();
        assertEquals(JsonPath.from(targetBefore).getMap(""), targetAfter.getMap(""));
        JsonPath sourceAfter = api().get("/api/contacts/" + source).then().extract().jsonPath();
        // the source is as it was, plus the inquiry that arrived by its address while merged (it follows the address)
        Map<String, Object> expected = new java.util.HashMap<>(JsonPath.from(sourceBefore).getMap(""));
        Map<String, Object> actual = new java.util.HashMap<>(sourceAfter.getMap(""));
        List<?> timeline = (List<?>) actual.remove("timeline");
        List<?> timelineBefore = (List<?>) expected.remove("timeline");
        expected.remove("updatedAt");
        actual.remove("updatedAt");
        assertEquals(expected, actual);
        assertEquals(timelineBefore.size() + 1, timeline.size());
        assertEquals(java.util.Set.of(b.getString("inquiryId"), afterNew),
                java.util.Set.copyOf(sourceAfter.getList("timeline.id", String.class)));
        assertEquals(1, events(EventTypes.CONTACT_UNMERGED, target));
        api().get("/api/merges?contactId=" + source).then().body("", hasSize(1)).body("[0].id", equalTo(mergeId));
    }

    /** Merges recorded before inquiries, leads and calls moved through their own participants keep their undo. */
    @Test
    void undoReadsMergesRecordedInTheEarlierSnapshotShape() {
        String digits = Api.newMobileDigits();
        String email = "legacy." + digits + "@mail.example";
        JsonPath a = form("form", Map.of("phone", "+7" + digits));
        JsonPath b = form("form", Map.of("email", email));
        String target = a.getString("contactId");
        String source = b.getString("contactId");
        String mergeId = api().contentType(ContentType.JSON).body("{\"sourceId\": \"" + source + "\"}")
                .post("/api/contacts/" + target + "/merge").then().statusCode(200).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> { // the earlier shape: every moved table under "moved"
            ContactMerge merge = ContactMerge.findById(Long.valueOf(mergeId));
            try {
                ObjectNode snapshot = (ObjectNode) new ObjectMapper().readTree(merge.snapshot);
                ObjectNode participants = (ObjectNode) snapshot.get("participants");
                for (String table : List.of("inquiry", "lead", "call_record")) {
                    ((ObjectNode) snapshot.get("moved")).set(table, participants.remove(table));
                }
                merge.snapshot = snapshot.toString();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        api().queryParam("contactId", source).get("/api/leads").then().body("", hasSize(0));

        api().post("/api/merges/" + mergeId + "/undo").then().statusCode(200);
        api().queryParam("contactId", source).get("/api/leads").then().body("id", contains(b.getString("leadId")));
        api().get("/api/contacts/" + source).then().body("emails", contains(email))
                .body("timeline.id", contains(b.getString("inquiryId")));
        api().get("/api/contacts/" + target).then().body("leadIds", contains(a.getString("leadId")));
    }

    @Test
    void mergeRefusesNonsense() {
        String c = form("form", Map.of("phone", "+7" + Api.newMobileDigits())).getString("contactId");
        api().contentType(ContentType.JSON).body("{\"sourceId\": \"" + c + "\"}").post("/api/contacts/" + c + "/merge")
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"sourceId\": \"999999999999\"}").post("/api/contacts/" + c + "/merge")
                .then().statusCode(404);
        api().contentType(ContentType.JSON).body("{}").post("/api/contacts/" + c + "/merge").then().statusCode(400)
                .body("error", equalTo("sourceId must be a contact id"));
        api().post("/api/merges/999999999999/undo").then().statusCode(404);
    }

    @Test
    void excludedNumbersAndAddressesNeverBecomeContacts() {
        // global list (application.properties %test) and the channel's own list (form-exclude.yaml)
        JsonPath own = form("form-exclude", Map.of("name", "Test", "phone", "+7 495 000-00-02", "message", "test"));
        assertEquals("accepted", own.getString("status"));
        assertEquals(null, own.getString("contactId"));
        assertEquals(null, own.getString("leadId"));
        String path = "find { it.id == '" + own.getString("inquiryId") + "' }.resolution";
        api().queryParam("channelId", "form-exclude").queryParam("limit", 1000).get("/api/inquiries").then()
                .body(path + ".decision", equalTo("excluded")).body(path + ".excluded", contains("phone"));
        api().queryParam("phone", "+74950000002").get("/api/contacts").then().body("", hasSize(0));
        JsonPath global = form("form", Map.of("phone", "+7 (495) 000-00-01", "email", "Robot@Shop-Robot.example"));
        assertEquals(null, global.getString("contactId"));
        api().queryParam("phone", "+74950000001").get("/api/contacts").then().body("", hasSize(0));

        String digits = Api.newMobileDigits();
        JsonPath mixed = form("form-exclude", Map.of("phone", "+7" + digits, "email", "noreply@shop-robot.example"));
        api().get("/api/contacts/" + mixed.getString("contactId")).then()
                .body("phones", contains("+7" + digits)).body("emails", hasSize(0));
        JsonPath domain = form("form", Map.of("phone", "+7" + Api.newMobileDigits(), "email", "mailer@robots.example"));
        api().get("/api/contacts/" + domain.getString("contactId")).then().body("emails", hasSize(0));
        api().queryParam("email", "noreply@shop-robot.example").get("/api/contacts").then().body("", hasSize(0));
    }

    @Test
    void repeatLeadPolicyAttachNewAndDealWithoutDealSupport() {
        String attach = "+7" + Api.newMobileDigits();
        JsonPath a1 = form("form", Map.of("phone", attach));
        JsonPath a2 = form("form", Map.of("phone", attach));
        assertEquals(a1.getString("leadId"), a2.getString("leadId"));

        String repeat = "+7" + Api.newMobileDigits();
        JsonPath n1 = form("form-repeat-new", Map.of("phone", repeat));
        JsonPath n2 = form("form-repeat-new", Map.of("phone", repeat));
        assertEquals(n1.getString("contactId"), n2.getString("contactId"));
        assertNotEquals(n1.getString("leadId"), n2.getString("leadId"));
        api().get("/api/leads/" + n1.getString("leadId")).then().body("returningClient", equalTo(false))
                .body("inquiryCount", equalTo(1));
        api().get("/api/leads/" + n2.getString("leadId")).then().body("returningClient", equalTo(true))
                .body("inquiryCount", equalTo(1)).body("contactId", equalTo(n1.getString("contactId")));
        // another channel's default policy still attaches to the newest open lead
        assertEquals(n2.getString("leadId"), form("form", Map.of("phone", repeat)).getString("leadId"));

        // no open deal yet: deal attaches to the open lead
        String deal = "+7" + Api.newMobileDigits();
        JsonPath d1 = form("form-repeat-deal", Map.of("phone", deal));
        JsonPath d2 = form("form-repeat-deal", Map.of("phone", deal));
        assertEquals(d1.getString("leadId"), d2.getString("leadId"));
        api().get("/api/leads/" + d1.getString("leadId")).then().body("inquiryCount", equalTo(2));
    }

    @Test
    void repeatLeadPolicyDealJoinsTheClientsOpenDeal() {
        String phone = "+7" + Api.newMobileDigits();
        JsonPath first = form("form-repeat-deal", Map.of("phone", phone));
        String dealId = api().contentType(ContentType.JSON).body("{}")
                .post("/api/leads/" + first.getString("leadId") + "/convert").then().statusCode(200)
                .extract().path("dealId");
        // the converted lead is closed, yet the open deal's lead takes the returning client's inquiry
        JsonPath again = form("form-repeat-deal", Map.of("phone", phone));
        assertEquals(first.getString("leadId"), again.getString("leadId"));
        api().get("/api/deals?contactId=" + first.getString("contactId")).then()
                .body("size()", equalTo(1)).body("[0].id", equalTo(dealId));
        // the default policy opens a new lead instead, as the converted lead is no longer open
        assertNotEquals(first.getString("leadId"), form("form", Map.of("phone", phone)).getString("leadId"));
    }

    /** The stored inquiry of a hook answer, from its contact's timeline. */
    static io.restassured.response.ValidatableResponse inquiry(JsonPath answer) {
        return api().get("/api/contacts/" + answer.getString("contactId")).then().statusCode(200)
                .rootPath("timeline.find { it.id == '" + answer.getString("inquiryId") + "' }");
    }

    /** Posts a form; a random message keeps equal fields from being taken for a redelivery. */
    static JsonPath form(String channel, Map<String, String> fields) {
        Map<String, String> body = new java.util.HashMap<>(fields);
        body.putIfAbsent("message", "m" + ThreadLocalRandom.current().nextLong());
        return given().contentType(ContentType.JSON).body(body).post("/hooks/" + channel).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath telegramContact(long userId, String phoneDigits, String first, String last) {
        long updateId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000L);
        String body = "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": 20, \"from\": {\"id\": " + userId
                + ", \"is_bot\": false, \"first_name\": \"" + first + "\", \"last_name\": \"" + last + "\"}, "
                + "\"chat\": {\"id\": " + userId + ", \"type\": \"private\"}, \"date\": 1717001000, "
                + "\"contact\": {\"phone_number\": \"" + phoneDigits + "\", \"first_name\": \"" + first + "\", "
                + "\"user_id\": " + userId + "}}}";
        return given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", TG_SECRET).body(body)
                .post("/hooks/tg").then().statusCode(200).extract().jsonPath();
    }

    static byte[] mail(String from) {
        String id = "m" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "@client.example";
        return ("From: " + from + "\r\nTo: sales@example.com\r\nSubject: Price\r\nMessage-ID: <" + id + ">\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "What about the price?\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static long events(String type, String contactId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("type = ?1 and contactId = ?2", type, Long.parseLong(contactId)));
    }
}
