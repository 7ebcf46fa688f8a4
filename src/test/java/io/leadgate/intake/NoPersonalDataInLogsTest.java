package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A unique-key race on a new phone leaves no phone digits in any log record (driver error details included). */
@QuarkusTest
class NoPersonalDataInLogsTest {

    /** Every record any logger publishes, formatted with its parameters and its exception chain's messages. */
    static final class Capture extends Handler {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord r) {
            StringBuilder line = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null && t != t.getCause(); t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void twentyRacingPostsForOneNewPhoneLogNoDigitsOfIt() throws Exception {
        String digits = Api.newMobileDigits();
        String phone = "+7" + digits;
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "{\"phone\":\"" + phone + "\",\"message\":\"race " + i + "\"}";
                posts.add(() -> given().contentType(ContentType.JSON).body(body).post("/hooks/form").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
            root.removeHandler(capture);
        }
        api().queryParam("phone", phone).get("/api/contacts").then().body("", hasSize(1));
        String national = digits; // the ten digits after +7, however the number is written
        for (String line : capture.lines) {
            assertFalse(line.contains(national), "a log record names the phone: " + line);
        }
    }
}
