package io.leadgate.channel;

import io.leadgate.channel.email.imap.MailboxScheduler;
import io.leadgate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CONTRACT §2 from outside: an invalid file disables its channel only, and the directory is reloaded live. */
@QuarkusTest
@TestProfile(ChannelReloadTest.TempChannels.class)
class ChannelReloadTest {

    static final Path DIR = Path.of("target", "reload-test-channels");

    @Inject
    MailboxScheduler mailboxes;
    private static final Duration CONTRACT_DELAY = Duration.ofSeconds(15);

    /** A channels directory of its own, read again every second. */
    public static class TempChannels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(DIR);
                try (Stream<Path> old = Files.list(DIR)) {
                    for (Path p : old.toList()) {
                        Files.delete(p);
                    }
                }
                Files.writeString(DIR.resolve("live.yaml"), "id: live-form\nprovider: webform\n");
                Files.writeString(DIR.resolve("bot.yaml"),
                        "id: live-bot\nprovider: telegram\nsettings:\n  secret-token: tg-s3cret-never-shown\n");
                Files.writeString(DIR.resolve("broken.yaml"), "id: broken-bot\nprovider: telegram\nsettings:\n"
                        + "  secret-token: ${LEADGATE_TEST_VARIABLE_NOBODY_SETS}\n");
                Files.writeString(DIR.resolve("pigeon.yaml"), "id: pigeon\nprovider: carrier-pigeon\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("leadgate.channels.dir", DIR.toString(), "leadgate.channels.reload-interval", "1s");
        }
    }

    @Test
    void invalidFilesDisableOnlyTheirOwnChannel() {
        postForm("live-form", 200);
        postForm("broken-bot", 404);
        postForm("pigeon", 404);

        String body = api().get("/api/channels").then().statusCode(200).extract().asString();
        assertFalse(body.contains("tg-s3cret-never-shown"), "settings are never shown");
        JsonPath channels = JsonPath.from(body);
        assertEquals("active", channels.getString("find { it.id == 'live-form' }.state"));
        assertEquals("active", channels.getString("find { it.id == 'live-bot' }.state"));
        assertNull(channels.get("find { it.id == 'live-form' }.error"));
        assertEquals("invalid", channels.getString("find { it.id == 'broken-bot' }.state"));
        String error = channels.getString("find { it.id == 'broken-bot' }.error");
        assertTrue(error.contains("broken.yaml") && error.contains("settings.secret-token")
                && error.contains("LEADGATE_TEST_VARIABLE_NOBODY_SETS"), error);
        assertEquals("carrier-pigeon", channels.getString("find { it.id == 'pigeon' }.provider"));
        assertTrue(channels.getString("find { it.id == 'pigeon' }.error").contains("key 'provider'"));

        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("invalid broken-bot") && health.contains("broken.yaml"), health);
    }

    @Test
    void filesAddedChangedAndRemovedTakeEffectWithoutRestart() throws IOException {
        Path file = DIR.resolve("runtime.yaml");
        postForm("runtime-form", 404);

        Files.writeString(file, "id: runtime-form\nprovider: webform\n");
        awaitUntil("the added channel answers", () -> statusOf("runtime-form") == 200);
        assertEquals("active", stateOf("runtime-form"));

        Files.writeString(file, "id: runtime-form\nprovider: webform\nenabled: false\n");
        awaitUntil("the disabled channel answers 404", () -> statusOf("runtime-form") == 404);
        assertEquals("disabled", stateOf("runtime-form"));

        Files.writeString(file, "id: runtime-form\nprovider: webform\nsettings:\n  repeat-lead: sometimes\n");
        awaitUntil("the broken channel is listed invalid", () -> "invalid".equals(stateOf("runtime-form")));
        postForm("runtime-form", 404);

        Files.delete(file);
        awaitUntil("the removed channel is gone", () -> stateOf("runtime-form") == null);
        postForm("runtime-form", 404);
        postForm("live-form", 200);
    }

    @Test
    void mailboxesFollowTheFilesWhileRunning() throws IOException {
        Path file = DIR.resolve("runtime-mail.yaml");
        assertFalse(mailboxes.polledMailboxes().contains("runtime-mail"));

        // nothing listens on port 9: the rounds fail and back off, but the loop is there
        Files.writeString(file, "id: runtime-mail\nprovider: imap\nsettings:\n  host: 127.0.0.1\n  port: 9\n"
                + "  ssl: false\n  username: sales\n  password: pw\n");
        awaitUntil("the added mailbox is polled", () -> mailboxes.polledMailboxes().contains("runtime-mail"));

        Files.writeString(file, "id: runtime-mail\nprovider: imap\nenabled: false\nsettings:\n  host: 127.0.0.1\n"
                + "  port: 9\n  ssl: false\n  username: sales\n  password: pw\n");
        awaitUntil("the disabled mailbox is no longer polled", () -> !mailboxes.polledMailboxes().contains("runtime-mail"));

        Files.delete(file);
        awaitUntil("the removed mailbox is gone", () -> stateOf("runtime-mail") == null);
        assertFalse(mailboxes.polledMailboxes().contains("runtime-mail"));
    }

    private static void postForm(String channel, int status) {
        assertEquals(status, statusOf(channel), channel);
    }

    private static int statusOf(String channel) {
        return given().formParam("phone", "+7" + Api.newMobileDigits()).post("/hooks/" + channel).statusCode();
    }

    private static String stateOf(String id) {
        List<Map<String, Object>> channels = api().get("/api/channels").then().statusCode(200).extract().jsonPath()
                .getList("");
        return channels.stream().filter(c -> id.equals(c.get("id"))).map(c -> (String) c.get("state")).findFirst()
                .orElse(null);
    }

    /** Polls until the condition holds, failing after the contract's 15 seconds. */
    private static void awaitUntil(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(CONTRACT_DELAY);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + CONTRACT_DELAY.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
