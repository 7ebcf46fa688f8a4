package io.leadgate.ops;

import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Behind a trusted proxy the client address comes from X-Forwarded-For, so each client has its own rate limit. */
@QuarkusTest
@TestProfile(TrustedProxyTest.TrustingLoopback.class)
class TrustedProxyTest {

    /** Trusts the test client's own address as a proxy. */
    public static class TrustingLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void forwardedForFromATrustedProxyIsTheRateLimitKey() {
        String first = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 120);
        String second = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 120);
        post(first, 200);
        post(second, 200);
        post(first, 429);
    }

    private static void post(String client, int status) {
        given().header("X-Forwarded-For", client).formParam("phone", "+7" + Api.newMobileDigits())
                .post("/hooks/form-xff").then().statusCode(status);
    }
}
