package io.leadgate.channel.store;

import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.connect.ChannelApiProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channels created, changed, switched and deleted through {@code /api/channels}, stored with sealed secrets. */
@QuarkusTest
@TestProfile(ChannelApiProfile.class)
class ChannelApiTest {

    private static final String SECRET = "Tg_S3cret-api";
    private static final String UPDATE = "{\"update_id\": %d, \"message\": {\"message_id\": 1, \"date\": 1700000000, "
            + "\"chat\": {\"id\": 4242, \"type\": \"private\"}, \"from\": {\"id\": 4242, \"is_bot\": false, "
            + "\"first_name\": \"Ann\"}, \"text\": \"hello\"}}";

    @Inject
    ChannelRegistry registry;
    @Inject
    ChannelStore store;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "leadgate.channel.key")
    String currentKey;

    static String newId(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    static String telegram(String id, String secret) {
        return "{\"id\":\"" + id + "\",\"provider\":\"telegram\",\"source\":\"bot\",\"settings\":{\"secret-token\":\""
                + secret + "\",\"bot-token\":\"123456:ABC-bot\",\"keep-chats\":\"false\"}}";
    }

    static int hook(String id, String secret) {
        return given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", secret)
                .body(UPDATE.formatted(ThreadLocalRandom.current().nextLong(1, 2_000_000_000L)))
                .post("/hooks/" + id).then().extract().statusCode();
    }

    @Test
    void createdChannelServesItsHookAtOnceAndNeverShowsItsSecrets() {
        String id = newId("tg");
        String created = api().contentType(ContentType.JSON).body(telegram(id, SECRET)).post("/api/channels")
                .then().statusCode(201)
                .header("Location", containsString("/api/channels/" + id))
                .body("origin", equalTo("api")).body("state", equalTo("active")).body("provider", equalTo("telegram"))
                .body("source", equalTo("bot")).body("hookPath", equalTo("/hooks/" + id))
                .body("secrets.secret-token", equalTo("set")).body("secrets.bot-token", equalTo("set"))
                .body("settings.keep-chats", equalTo("false"))
                .extract().asString();
        assertFalse(created.contains(SECRET) || created.contains("ABC-bot"));
        String list = api().get("/api/channels").then().statusCode(200)
                .body("find { it.id == 'tg' }.origin", equalTo("file"))
                .body("find { it.id == '" + id + "' }.origin", equalTo("api")).extract().asString();
        assertFalse(list.contains(SECRET));
        assertEquals(200, hook(id, SECRET));
        assertEquals(401, hook(id, "wrong"));
        api().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .body(UPDATE.formatted(7)).post("/api/channels/" + id + "/preview").then().statusCode(200)
                .body("verified", equalTo(true)).body("items[0].text", equalTo("hello"));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select settings, secrets, key_id from api_channel where id = ?1").setParameter(1, id).getSingleResult());
        assertFalse(row[0].toString().contains(SECRET), "secret settings are not in the open column");
        assertFalse(row[1].toString().contains(SECRET), "sealed");
        assertEquals(store.keys().currentId().orElseThrow(), row[2]);
    }

    @Test
    void definitionsAreCheckedByTheChannelFileRules() {
        api().contentType(ContentType.JSON).body("{\"id\":\"" + newId("x") + "\",\"provider\":\"nope\"}")
                .post("/api/channels").then().statusCode(400)
                .body("error", containsString("key 'provider'")).body("error", containsString("unknown provider 'nope'"));
        api().contentType(ContentType.JSON).body("{\"id\":\"" + newId("x") + "\",\"provider\":\"telegram\",\"settings\":{}}")
                .post("/api/channels").then().statusCode(400)
                .body("error", containsString("key 'settings.secret-token'"))
                .body("error", containsString("required by provider 'telegram'"));
        api().contentType(ContentType.JSON).body(telegram(newId("x"), "not allowed!"))
                .post("/api/channels").then().statusCode(400)
                .body("error", containsString("key 'settings.secret-token'"))
                .body("error", not(containsString("not allowed!")));
        api().contentType(ContentType.JSON).body("{\"id\":\"Bad Id\",\"provider\":\"webform\"}")
                .post("/api/channels").then().statusCode(400).body("error", containsString("key 'id'"));
        api().contentType(ContentType.JSON).body("{\"id\":\"" + newId("x") + "\",\"provider\":\"webform\",\"color\":1}")
                .post("/api/channels").then().statusCode(400).body("error", containsString("key 'color'"));
        api().contentType(ContentType.JSON).body("{\"id\":\"" + newId("x") + "\",\"provider\":\"webform\","
                        + "\"default-region\":\"XX\"}")
                .post("/api/channels").then().statusCode(400).body("error", containsString("key 'default-region'"));
        api().contentType(ContentType.JSON).body("not json").post("/api/channels").then().statusCode(400);
    }

    @Test
    void takenIdsConflict() {
        api().contentType(ContentType.JSON).body(telegram("tg", SECRET)).post("/api/channels").then().statusCode(409)
                .body("error", containsString("channel file"));
        String id = newId("tg");
        api().contentType(ContentType.JSON).body(telegram(id, SECRET)).post("/api/channels").then().statusCode(201);
        api().contentType(ContentType.JSON).body(telegram(id, SECRET)).post("/api/channels").then().statusCode(409)
                .body("error", containsString("already exists"));
    }

    @Test
    void fileChannelsAreReadOnly() {
        api().contentType(ContentType.JSON).body("{\"enabled\":false}").patch("/api/channels/tg").then().statusCode(409)
                .body("error", containsString("read-only"));
        api().post("/api/channels/tg/disable").then().statusCode(409).body("error", containsString("channel file"));
        api().delete("/api/channels/tg").then().statusCode(409);
        api().get("/api/channels/tg").then().statusCode(200).body("state", equalTo("active")).body("origin", equalTo("file"));
        api().delete("/api/channels/" + newId("none")).then().statusCode(404);
    }

    @Test
    void switchChangeReplaceAndDelete() {
        String id = newId("tg");
        api().contentType(ContentType.JSON).body(telegram(id, SECRET)).post("/api/channels").then().statusCode(201);
        api().post("/api/channels/" + id + "/disable").then().statusCode(200).body("state", equalTo("disabled"));
        assertEquals(404, hook(id, SECRET));
        api().post("/api/channels/" + id + "/enable").then().statusCode(200).body("state", equalTo("active"));
        assertEquals(200, hook(id, SECRET));

        api().contentType(ContentType.JSON).body("{\"settings\":{\"secret-token\":\"New_S3cret\"}}")
                .patch("/api/channels/" + id).then().statusCode(200).body("source", equalTo("bot"));
        assertEquals(401, hook(id, SECRET));
        assertEquals(200, hook(id, "New_S3cret"));

        // PUT replaces the definition; secrets it leaves out keep their values, open settings it leaves out go
        api().contentType(ContentType.JSON).body("{\"provider\":\"telegram\",\"source\":\"ads\",\"settings\":{}}")
                .put("/api/channels/" + id).then().statusCode(200)
                .body("source", equalTo("ads")).body("settings.keep-chats", nullValue())
                .body("secrets.bot-token", equalTo("set"));
        assertEquals(200, hook(id, "New_S3cret"));
        api().contentType(ContentType.JSON).body("{\"settings\":{\"secret-token\":null}}")
                .patch("/api/channels/" + id).then().statusCode(400).body("error", containsString("settings.secret-token"));
        api().contentType(ContentType.JSON).body("{\"id\":\"other\"}").patch("/api/channels/" + id).then().statusCode(400);

        api().delete("/api/channels/" + id).then().statusCode(204);
        assertEquals(404, hook(id, "New_S3cret"));
        api().get("/api/channels/" + id).then().statusCode(404);
    }

    @Test
    void anotherReplicasWriteTakesEffectAtTheNextPoll() {
        String id = newId("form");
        // written straight to the table, as another replica would: this one's registry has not been told
        store.insert(new ChannelStore.Definition(id, "webform", true, "DE", null, Map.of("token", "f0rm-t0ken"), 0));
        assertTrue(registry.find(id).isEmpty());
        registry.poll();
        assertEquals("DE", registry.find(id).orElseThrow().definition().defaultRegion());
        ChannelStore.Definition stored = store.find(id).orElseThrow();
        store.update(new ChannelStore.Definition(id, "webform", false, "DE", null, stored.settings(), stored.version()));
        registry.poll();
        assertTrue(registry.find(id).isEmpty());
        assertTrue(registry.all().stream().anyMatch(d -> d.id().equals(id) && !d.enabled()));
    }

    @Test
    void rowsSealedUnderAnOldKeyAreInvalidUntilTheKeyIsListedThenResealed() {
        String oldKey = ChannelKeys.generate();
        String id = newId("tg");
        new ChannelStore(ChannelKeys.of(Optional.of(oldKey), List.of()), Clock.systemUTC())
                .insert(new ChannelStore.Definition(id, "telegram", true, "RU", null, Map.of("secret-token", SECRET), 0));
        registry.poll();
        api().get("/api/channels/" + id).then().statusCode(200).body("state", equalTo("invalid"))
                .body("error", containsString("leadgate.channel.old-keys"));
        assertEquals(404, hook(id, SECRET));

        ChannelStore rotating = new ChannelStore(ChannelKeys.of(Optional.of(currentKey), List.of(oldKey)), Clock.systemUTC());
        assertTrue(rotating.rotate() >= 1);
        registry.poll();
        api().get("/api/channels/" + id).then().statusCode(200).body("state", equalTo("active"));
        assertEquals(200, hook(id, SECRET));
    }

    @Test
    void withoutAKeySecretsAreRefusedAndOtherChannelsTaken() {
        ChannelAdmin keyless = new ChannelAdmin(new ChannelStore(ChannelKeys.of(Optional.empty(), List.of()),
                Clock.systemUTC()), registry);
        ChannelRefusedException e = assertThrows(ChannelRefusedException.class, () -> keyless.create(
                new java.util.LinkedHashMap<>(Map.of("id", newId("tg"), "provider", "telegram",
                        "settings", Map.of("secret-token", SECRET)))));
        assertEquals(ChannelRefusedException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("LEADGATE_CHANNEL_KEY"));
        String id = keyless.create(new java.util.LinkedHashMap<>(Map.of("id", newId("form"), "provider", "webform")));
        assertTrue(registry.find(id).isPresent());
    }
}
