package io.leadgate.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Secret top-level fields leave a kept body; every other byte stays. */
class SecretScrubTest {

    private static String scrub(String body, String type, String... fields) {
        return new String(SecretScrub.body(body.getBytes(StandardCharsets.UTF_8), type, Set.of(fields)),
                StandardCharsets.UTF_8);
    }

    @Test
    void formPairsOfSecretNamesAreDroppedTheRestKeepsItsBytes() {
        assertEquals("Name=%D0%98%D0%B2%D0%B0%D0%BD&Phone=%2B7+916&tranid=1",
                scrub("Name=%D0%98%D0%B2%D0%B0%D0%BD&api_key=k3y&Phone=%2B7+916&tranid=1&API%5Fkey=again",
                        "application/x-www-form-urlencoded", "api_key"));
        assertEquals("a=1", scrub("api_key=k3y&a=1", "application/x-www-form-urlencoded", "api_key"));
        assertEquals("a=1&b", scrub("a=1&b", "application/x-www-form-urlencoded", "api_key"));
    }

    @Test
    void jsonValuesOfTopLevelSecretKeysAreMaskedNestedOnesAndSpacingStay() {
        String body = "{ \"name\" : \"Ann\",\n \"token\":\"s3cr3t\", \"auth\": {\"x\": [1, 2]},"
                + " \"fields\": {\"token\": \"nested\"}, \"n\": 12 }";
        assertEquals("{ \"name\" : \"Ann\",\n \"token\":\"***\", \"auth\": \"***\","
                        + " \"fields\": {\"token\": \"nested\"}, \"n\": 12 }",
                scrub(body, "application/json", "token", "auth"));
        assertEquals("{\"token\":\"***\",\"name\":\"Пётр\"}",
                scrub("{\"token\":12345,\"name\":\"Пётр\"}", "application/json", "token"));
    }

    @Test
    void otherBodiesAreKeptAsTheyAre() {
        assertEquals("{broken \"token\":\"x\"", scrub("{broken \"token\":\"x\"", "application/json", "token"));
        assertEquals("[{\"token\":\"x\"}]", scrub("[{\"token\":\"x\"}]", "application/json", "token"));
        assertEquals("token=x", scrub("token=x", "text/plain", "token"));
        assertEquals("token=x", scrub("token=x", "application/x-www-form-urlencoded"));
    }
}
