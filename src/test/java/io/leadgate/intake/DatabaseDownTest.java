package io.leadgate.intake;

import io.leadgate.testing.Api;
import io.leadgate.testing.TcpProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database becomes unreachable (the gateway talks to PostgreSQL through a proxy the test cuts): hooks answer
 * 503 so the provider retries, readiness goes down, and both recover by themselves when the database is back.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseDownTest.Proxy.class, restrictToAnnotatedClass = true)
class DatabaseDownTest {

    /** Starts the proxy before the application and points the datasource at it. */
    public static class Proxy implements QuarkusTestResourceLifecycleManager {
        static TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = new TcpProxy(5432);
            try {
                int port = proxy.start();
                return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/test",
                        "quarkus.datasource.jdbc.acquisition-timeout", "2S");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    @Test
    void unreachableDatabaseGives503AndRecovers() throws Exception {
        String phone = "+7" + Api.newMobileDigits();
        post(phone, "before").then().statusCode(200);

        Proxy.proxy.cut();
        try {
            post(phone, "during").then().statusCode(503).header("Retry-After", "5");
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            Proxy.proxy.restore();
        }

        int status = 0;
        for (int i = 0; i < 40 && status != 200; i++) { // the pool replaces its dead connections
            status = post(phone, "after").statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        assertEquals(200, status);
        String contactId = api().queryParam("phone", phone).get("/api/contacts").then().extract().path("[0].id");
        api().queryParam("contactId", contactId).get("/api/inquiries").then().body("", hasSize(2));
    }

    private static io.restassured.response.Response post(String phone, String message) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"message\":\"" + message + "\"}")
                .post("/hooks/form");
    }
}
