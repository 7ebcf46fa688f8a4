package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Races on the write path: one person posting many times at once is still one card and one lead. */
@QuarkusTest
class ConcurrencyTest {

    @Test
    void fiftySimultaneousPostsForOneNewPhoneGiveOneContactAndOneLead() throws Exception {
        String phone = "+7" + Api.newMobileDigits();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = "{\"phone\":\"" + phone + "\",\"message\":\"attempt " + i + "\"}";
                posts.add(() -> given().contentType(ContentType.JSON).body(body).post("/hooks/form").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then()
                .body("", hasSize(1)).extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/leads").then()
                .body("", hasSize(1)).body("[0].inquiryCount", equalTo(50));
        api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", hasSize(50));
    }

    @Test
    void fiftySimultaneousRedeliveriesAreOneInquiry() throws Exception {
        String phone = "+7" + Api.newMobileDigits();
        String body = "{\"phone\":\"" + phone + "\",\"message\":\"same\"}";
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<String> statuses = new ArrayList<>();
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                posts.add(() -> given().contentType(ContentType.JSON).body(body).post("/hooks/form")
                        .then().statusCode(200).extract().path("status"));
            }
            for (Future<String> status : pool.invokeAll(posts)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter("accepted"::equals).count());
        assertEquals(49, statuses.stream().filter("duplicate"::equals).count());
    }
}
