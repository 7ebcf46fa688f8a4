package io.leadgate.ops;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics move with hook calls; every request has a request id, in the answer and in the logs. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void inquiryCounterMovesAfterAHookCall() {
        String series = "leadgate_inquiries_total{channel=\"form-de\",kind=\"lead\",provider=\"webform\"}";
        double before = value(series);
        given().contentType(ContentType.JSON).body("{\"phone\":\"+7" + Api.newMobileDigits() + "\"}").post("/hooks/form-de")
                .then().statusCode(200);
        assertEquals(before + 1, value(series));
        assertTrue(metrics().contains("leadgate_intake_write_seconds_bucket"), "write-path histogram");
    }

    @Test
    void verificationFailuresAreCounted() {
        String series = "leadgate_hook_rejected_total{channel=\"form-token\",reason=\"bad_signature\"}";
        double before = value(series);
        given().formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/form-token/wrong").then().statusCode(401);
        assertEquals(before + 1, value(series));
    }

    @Test
    void requestIdIsEchoedOrMadeAndNeverTakenUnsafe() {
        given().header("X-Request-Id", "abc-123.x").get("/hooks/nope").then().header("X-Request-Id", equalTo("abc-123.x"));
        Api.api().get("/api/leads").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id\" {").get("/api/leads").then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void securityLogLinesCarryTheRequestIdAndNoPersonalData() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                }
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger security = Logger.getLogger("io.leadgate.security");
        security.addHandler(handler);
        try {
            String phone = "+7" + Api.newMobileDigits();
            given().header("X-Request-Id", "req-log-42").formParam("phone", phone).post("/hooks/form-token/wrong")
                    .then().statusCode(401);
            assertFalse(records.isEmpty(), "a security line was logged");
            ExtLogRecord record = (ExtLogRecord) records.get(0);
            assertEquals("req-log-42", record.getMdc(RequestIds.MDC_KEY));
            assertFalse(record.getFormattedMessage().contains(phone.substring(2)));
        } finally {
            security.removeHandler(handler);
        }
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
