package io.leadgate.contact;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.leadgate.contact.IdentityResolutionTest.form;
import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Merges racing each other and racing the write path. */
@QuarkusTest
class MergeConcurrencyTest {

    @Test
    void twoOppositeMergesAtOnceOneWinsAndTheOtherIsRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String a = form("form", Map.of("phone", "+7" + Api.newMobileDigits())).getString("contactId");
                String b = form("form", Map.of("phone", "+7" + Api.newMobileDigits())).getString("contactId");
                List<Future<Integer>> statuses = pool.invokeAll(List.of(merge(a, b), merge(b, a)));
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    codes.add(status.get());
                }
                assertEquals(List.of(200, 409), codes.stream().sorted().toList());
                String survivor = codes.get(0) == 200 ? a : b;
                String merged = survivor.equals(a) ? b : a;
                api().get("/api/contacts/" + merged).then().body("mergedInto", equalTo(survivor));
                api().get("/api/contacts/" + survivor).then().body("phones", hasSize(2));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void inquiriesRacingAMergeAllEndOnTheTarget() throws Exception {
        String targetPhone = "+7" + Api.newMobileDigits();
        String sourcePhone = "+7" + Api.newMobileDigits();
        String target = form("form", Map.of("phone", targetPhone)).getString("contactId");
        String source = form("form", Map.of("phone", sourcePhone)).getString("contactId");
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "{\"phone\":\"" + sourcePhone + "\",\"message\":\"race " + i + "\"}";
                work.add(() -> given().contentType(ContentType.JSON).body(body).post("/hooks/form").statusCode());
                if (i == 5) {
                    work.add(merge(target, source));
                }
            }
            for (Future<Integer> status : pool.invokeAll(work)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        api().queryParam("contactId", source).get("/api/inquiries").then().body("", hasSize(0));
        api().queryParam("contactId", target).get("/api/inquiries").then().body("", hasSize(22));
        api().queryParam("phone", sourcePhone).get("/api/contacts").then().body("", hasSize(1))
                .body("[0].id", equalTo(target));
    }

    @Test
    void simultaneousConflictingInquiriesListOneCandidatePair() throws Exception {
        String digits = Api.newMobileDigits();
        String email = "race." + digits + "@mail.example";
        String phoneCard = form("form", Map.of("name", "Павел Орлов", "phone", "+7" + digits)).getString("contactId");
        String emailCard = form("form", Map.of("name", "Pavel Orlov", "email", email)).getString("contactId");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String body = "{\"phone\":\"+7" + digits + "\",\"email\":\"" + email + "\",\"message\":\"both " + i + "\"}";
                posts.add(() -> given().contentType(ContentType.JSON).body(body).post("/hooks/form").then()
                        .statusCode(200).extract().path("contactId"));
            }
            for (Future<String> contact : pool.invokeAll(posts)) {
                assertEquals(phoneCard, contact.get());
            }
        } finally {
            pool.shutdown();
        }
        api().queryParam("contactId", emailCard).get("/api/contacts/duplicates").then().body("", hasSize(1));
    }

    private static Callable<Integer> merge(String target, String source) {
        return () -> api().contentType(ContentType.JSON).body("{\"sourceId\": \"" + source + "\"}")
                .post("/api/contacts/" + target + "/merge").statusCode();
    }
}
