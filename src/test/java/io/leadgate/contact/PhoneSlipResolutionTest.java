package io.leadgate.contact;

import io.leadgate.jdbc.Writes;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.contact.IdentityResolutionTest.form;
import static io.leadgate.contact.IdentityResolutionTest.inquiry;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phone typing slips and digits as written, through the real form hook; hot keys and the near-key backfill. */
@QuarkusTest
class PhoneSlipResolutionTest {

    @Inject
    ContactKeys keys;

    @Inject
    NearKeyBackfill backfill;

    @Inject
    EntityManager em;

    @Test
    void returningClientWithTwoDigitsSwappedIsListedWithTheReason() {
        String digits = Api.newMobileDigits();
        String first = form("form", Map.of("name", "Ирина Соколова", "phone", "8 " + digits,
                "email", "irina." + digits + "@mail.example")).getString("contactId");
        JsonPath again = form("form", Map.of("name", "Irina Sokolova", "phone", "8 " + swap(digits),
                "email", "sokolova." + digits + "@mail.example"));
        assertNotEquals(first, again.getString("contactId"));
        inquiry(again).body("resolution.decision", equalTo("new"))
                .body("resolution.candidates[0].contactId", equalTo(first))
                .body("resolution.candidates[0].rule", equalTo("phone-transposition"))
                .body("resolution.candidates[0].reasons", contains("phone-transposition", "name-transliteration"))
                .body("resolution.candidates[0].score", equalTo(0.85f));
        api().queryParam("contactId", first).get("/api/contacts/duplicates").then()
                .body("find { it.rule == 'phone-transposition' }.contactIds", contains(first, again.getString("contactId")));
    }

    @Test
    void aNamesakeWithOneDigitReplacedIsNotListed() {
        String digits = Api.newMobileDigits();
        String first = form("form", Map.of("name", "Глеб Ракитин", "phone", "+7" + digits)).getString("contactId");
        String replaced = digits.substring(0, 9) + (char) ('0' + (digits.charAt(9) - '0' + 3) % 10);
        JsonPath namesake = form("form", Map.of("name", "Глеб Ракитин", "phone", "+7" + replaced));
        inquiry(namesake).body("resolution.decision", equalTo("new"))
                .rootPath("timeline.find { it.id == '" + namesake.getString("inquiryId") + "' }.resolution")
                .body("candidates.contactId", not(hasItem(first)));
        api().queryParam("contactId", first).queryParam("minScore", 0).get("/api/contacts/duplicates").then()
                .statusCode(200).body("", hasSize(0));

        // the same person one slip away is listed beside it: the name makes the swap strong, not the bare name
        JsonPath returning = form("form", Map.of("name", "Gleb Rakitin", "phone", "+7" + swap(digits)));
        inquiry(returning).rootPath("timeline.find { it.id == '" + returning.getString("inquiryId") + "' }.resolution")
                .body("candidates.contactId", contains(first))
                .body("candidates[0].rule", equalTo("phone-transposition"));
    }

    @Test
    void aNumberTypedUnderAnOverlappingCountryCodeMeetsTheCardBothWays() {
        String digits = "906" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String spaced = digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6, 8) + " "
                + digits.substring(8);
        String card = form("form", Map.of("name", "Лидия Ветрова", "phone", "+7 " + spaced)).getString("contactId");
        JsonPath overlap = form("form", Map.of("name", "Lidiya Vetrova", "phone", "+38 " + spaced));
        inquiry(overlap).body("resolution.candidates[0].contactId", equalTo(card))
                .body("resolution.candidates[0].rule", equalTo("phone-country-code"));

        String other = "905" + digits.substring(3);
        String otherSpaced = "905 " + spaced.substring(4);
        String writtenFirst = form("form", Map.of("name", "Зоя Ветрова", "phone", "+38 " + otherSpaced))
                .getString("contactId");
        JsonPath later = form("form", Map.of("name", "Зоя Ветрова", "phone", "8" + other));
        inquiry(later).body("resolution.candidates[0].contactId", equalTo(writtenFirst))
                .body("resolution.candidates[0].rule", equalTo("phone-country-code"));
    }

    @Test
    void hotKeysReturnAFixedNumberOfCards() {
        String surname = "Горячев" + letters();
        String base = Api.newMobileDigits();
        String hotNear = base.substring(0, 9); // every number below deletes to it
        Set<Long> hot = QuarkusTransaction.requiringNew().call(() -> {
            Set<Long> ids = new java.util.HashSet<>();
            for (int i = 0; i < 60; i++) {
                long id = card("Пётр " + surname);
                ids.add(id);
                keys.write(id, List.of(), List.of(), "Пётр " + surname);
                // the nine digits with one digit inserted somewhere: 60 numbers under one near key
                String phone = hotNear.substring(0, i % 10) + (char) ('0' + i / 10) + hotNear.substring(i % 10);
                keys.write(id, List.of("+7" + phone), List.of(), null);
            }
            return ids;
        });
        var byName = new MatchScorer.Details("Пётр " + surname, List.of("+7958" + base.substring(3)), List.of(),
                List.of());
        Set<Long> named = QuarkusTransaction.requiringNew().call(() -> keys.found(byName, true));
        assertEquals(ContactKeys.PER_KEY, named.stream().filter(hot::contains).count(),
                "sixty namesakes, one name key capped at " + ContactKeys.PER_KEY);
        List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> keys.candidates(byName, Set.of(), true));
        assertTrue(candidates.size() <= ContactKeys.MAX_CARDS, "scored " + candidates.size());

        var near = new MatchScorer.Details(null, List.of(), List.of(hotNear), List.of());
        Set<Long> neighbours = QuarkusTransaction.requiringNew().call(() -> keys.found(near, false));
        assertEquals(ContactKeys.PER_KEY, neighbours.stream().filter(hot::contains).count(),
                "sixty neighbours, one near key capped at " + ContactKeys.PER_KEY);
        assertTrue(neighbours.size() <= 2 * ContactKeys.PER_KEY, "one near key and one tail: " + neighbours.size());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> keys.candidates(near, Set.of(), false)).size()
                <= ContactKeys.MAX_CARDS);
    }

    @Test
    void aNewCardWritesEachKeyOnceAndAKnownCardKeepsItsKeys() {
        String digits = "916" + "11" + Api.newMobileDigits().substring(5); // a doubled digit: two deletions agree
        String other = digits.substring(0, 9) + (char) ('0' + (digits.charAt(9) - '0' + 1) % 10); // last digit differs
        List<String> phones = List.of("+7" + digits, "+7" + other);
        String email = "keys." + digits + "@mail.example";
        Set<String> expected = new HashSet<>(Set.of("phone-tail:" + digits, "phone-tail:" + other,
                "mailbox:" + BlockingKeys.mailbox(email), "name:" + NameKey.blockingKey("Олег Ключников")));
        for (String tail : List.of(digits, other)) {
            PhoneDrift.storedKeys(tail).forEach(near -> expected.add("phone-near:" + near));
        }
        assertTrue(expected.size() < 4 + 20, "the two phones share near keys and one repeats itself: "
                + expected.size());
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long card = card("Олег Ключников");
            Writes writes = new Writes();
            keys.write(card, phones, List.of(email), "Олег Ключников", true, writes);
            writes.send(em);
            return card;
        });
        assertEquals(expected, keysOf(id), "each key once, no conflict check needed");

        // the same card seen again with the same details and a new email: known keys are left alone
        String second = "second." + digits + "@mail.example";
        QuarkusTransaction.requiringNew().run(() -> keys.write(id, phones, List.of(email, second), "Олег Ключников"));
        expected.add("mailbox:" + BlockingKeys.mailbox(second));
        assertEquals(expected, keysOf(id));
    }

    private Set<String> keysOf(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select kind || ':' || key_value from contact_key where contact_id = ?1")
                    .setParameter(1, contactId).getResultList();
            Set<String> out = new HashSet<>();
            rows.forEach(row -> out.add(String.valueOf(row)));
            assertEquals(rows.size(), out.size(), "no key twice");
            return out;
        });
    }

    @Test
    void phonesStoredBeforeNearKeysGetThemBackfilled() {
        String digits = Api.newMobileDigits();
        long old = QuarkusTransaction.requiringNew().call(() -> {
            long id = card("Олеся Журавлёва");
            ContactIdentity phone = new ContactIdentity();
            phone.contactId = id;
            phone.kind = IdentityKind.PHONE;
            phone.identityValue = "+7" + digits;
            phone.createdAt = Instant.now();
            phone.persist();
            em.flush();
            em.createNativeQuery("update contact_key_backfill set after_id = ?1, done_at = null where kind = 'phone-near'")
                    .setParameter(1, phone.id - 1).executeUpdate();
            return id;
        });
        assertTrue(backfill.run() >= 1);
        JsonPath swapped = form("form", Map.of("name", "Олеся Журавлёва", "phone", "+7" + swap(digits)));
        inquiry(swapped).body("resolution.candidates[0].contactId", equalTo(String.valueOf(old)))
                .body("resolution.candidates[0].rule", equalTo("phone-transposition"));

        // the backfill wrote the tail with its near keys, so erasure finds them all
        assertEquals(List.of("phone-tail"), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select kind from contact_key where contact_id = ?1 and kind <> 'phone-near'")
                .setParameter(1, old).getResultList()));
        int erased = QuarkusTransaction.requiringNew().call(() -> keys.erase(old));
        assertEquals(1 + PhoneDrift.storedKeys(digits).size(), erased);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from contact_key where contact_id = ?1").setParameter(1, old).getSingleResult())
                .longValue()));
    }

    private static long card(String name) {
        Contact contact = new Contact();
        contact.name = name;
        contact.createdAt = Instant.now();
        contact.updatedAt = contact.createdAt;
        contact.persist();
        return contact.id;
    }

    /** Swaps the first two adjacent different digits after the operator code. */
    static String swap(String d) {
        for (int i = 3; i < d.length() - 1; i++) {
            if (d.charAt(i) != d.charAt(i + 1)) {
                return d.substring(0, i) + d.charAt(i + 1) + d.charAt(i) + d.substring(i + 2);
            }
        }
        return d.substring(0, 2) + d.charAt(2) + d.charAt(1) + d.substring(3);
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('а' + ThreadLocalRandom.current().nextInt(20)));
        }
        return s.toString();
    }
}
