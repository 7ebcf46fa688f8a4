package io.leadgate.channel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-file validity and reload of the channels directory, without Quarkus. */
class ChannelRegistryTest {

    @TempDir
    Path dir;

    private ChannelRegistry registry;

    @BeforeEach
    void registry() {
        registry = new ChannelRegistry(dir, new ChannelFileLoader(Map.of("TG_SECRET", "s3cret-value")::get),
                List.of(new FakeAdapter(Provider.WEBFORM), new FakeAdapter(Provider.TELEGRAM)));
    }

    @Test
    void invalidFilesStandBesideValidOnes() throws IOException {
        write("a-form.yaml", "id: form\nprovider: webform\n");
        write("b-bot.yaml", "id: bot\nprovider: telegram\nsettings:\n  secret-token: ${TG_SECRET}\n");
        write("c-pigeon.yaml", "id: pigeon\nprovider: carrier-pigeon\n");
        write("d-nokey.yaml", "id: nokey\nprovider: telegram\n");
        write("e-unset.yaml", "id: unset\nprovider: telegram\nsettings:\n  secret-token: ${NOT_SET_ANYWHERE}\n");
        write("f-broken.yaml", "id: [unclosed\n");
        write("g-off.yaml", "id: paused\nprovider: webform\nenabled: false\n");
        write("h-viber.yaml", "id: viber\nprovider: viber\nsettings:\n  auth-token: x\n");
        assertTrue(registry.reload());

        assertTrue(registry.find("form").isPresent());
        assertTrue(registry.find("bot").isPresent());
        for (String id : List.of("pigeon", "nokey", "unset", "f-broken", "paused", "viber")) {
            assertTrue(registry.find(id).isEmpty(), id + " is not served");
        }
        assertState("form", ChannelState.ACTIVE, null);
        assertState("paused", ChannelState.DISABLED, null);
        assertState("pigeon", ChannelState.INVALID, "c-pigeon.yaml, key 'provider'");
        assertState("nokey", ChannelState.INVALID, "d-nokey.yaml, key 'settings.secret-token'");
        assertState("unset", ChannelState.INVALID, "e-unset.yaml, key 'settings.secret-token'");
        assertState("f-broken", ChannelState.INVALID, "f-broken.yaml");
        assertState("viber", ChannelState.INVALID, "h-viber.yaml, key 'provider'");
        assertEquals("carrier-pigeon", status("pigeon").provider());
        assertTrue(registry.statuses().stream().noneMatch(s -> String.valueOf(s.error()).contains("s3cret-value")));
    }

    @Test
    void addedChangedAndRemovedFilesTakeEffectOnReload() throws IOException {
        write("form.yaml", "id: form\nprovider: webform\nsettings:\n  rate-limit: 5\n");
        registry.reload();
        Channel before = registry.find("form").orElseThrow();
        assertFalse(registry.reload(), "nothing changed");
        assertSame(before.definition(), registry.find("form").orElseThrow().definition(), "unchanged file, same definition");

        write("bot.yaml", "id: bot\nprovider: telegram\nsettings:\n  secret-token: x\n");
        write("form.yaml", "id: form\nprovider: webform\nsettings:\n  rate-limit: 7\n");
        assertTrue(registry.reload());
        assertTrue(registry.find("bot").isPresent(), "added");
        assertEquals(7, registry.find("form").orElseThrow().definition().policy().rateLimit(), "changed");
        assertEquals(5, before.definition().policy().rateLimit(), "a request holding the old definition keeps it whole");

        write("form.yaml", "id: form\nprovider: webform\nsettings:\n  rate-limit: many\n");
        registry.reload();
        assertTrue(registry.find("form").isEmpty(), "a file made invalid disables its channel");
        assertState("form", ChannelState.INVALID, "key 'settings.rate-limit'");

        Files.delete(dir.resolve("bot.yaml"));
        assertTrue(registry.reload());
        assertTrue(registry.find("bot").isEmpty(), "removed");
        assertTrue(registry.statuses().stream().noneMatch(s -> s.id().equals("bot")));
    }

    @Test
    void pollingTakesNewContentOnlyOnceItStaysTheSame() throws IOException {
        write("form.yaml", "id: form\nprovider: webform\nsettings:\n  rate-limit: 5\n");
        assertFalse(registry.poll(), "seen once: maybe still being written");
        assertTrue(registry.find("form").isEmpty());
        assertTrue(registry.poll(), "the same on the next poll: taken");
        assertTrue(registry.find("form").isPresent());

        write("form.yaml", "id: form\nprovider: webform\n");
        assertFalse(registry.poll());
        assertEquals(5, registry.find("form").orElseThrow().definition().policy().rateLimit(), "old definition kept");
        write("form.yaml", "id: form\nprovider: webform\nsettings:\n  rate-limit: 9\n");
        assertFalse(registry.poll(), "changed again since the last poll: still not taken");
        assertTrue(registry.poll());
        assertEquals(9, registry.find("form").orElseThrow().definition().policy().rateLimit());

        Files.delete(dir.resolve("form.yaml"));
        assertTrue(registry.poll(), "a removed file goes at once");
        assertTrue(registry.find("form").isEmpty());
    }

    @Test
    void theFirstFileByNameKeepsADuplicatedId() throws IOException {
        write("one.yaml", "id: same\nprovider: webform\n");
        write("two.yaml", "id: same\nprovider: telegram\nsettings:\n  secret-token: x\n");
        registry.reload();
        assertEquals(Provider.WEBFORM, registry.find("same").orElseThrow().definition().provider());
        ChannelStatus second = registry.statuses().get(1);
        assertEquals(ChannelState.INVALID, second.state());
        assertTrue(second.error().contains("two.yaml") && second.error().contains("one.yaml"), second.error());
    }

    @Test
    void anAdapterRefusingASettingMakesTheChannelInvalid() throws IOException {
        write("form.yaml", "id: form\nprovider: webform\nsettings:\n  refuse: yes\n");
        registry.reload();
        assertTrue(registry.find("form").isEmpty());
        assertState("form", ChannelState.INVALID, "key 'settings.refuse'");
    }

    @Test
    void aMissingDirectoryHasNoChannels() {
        ChannelRegistry none = new ChannelRegistry(dir.resolve("nope"), new ChannelFileLoader(name -> null), List.of());
        none.reload();
        assertEquals(List.of(), none.statuses());
    }

    private void assertState(String id, ChannelState state, String errorPart) {
        ChannelStatus status = status(id);
        assertEquals(state, status.state(), id);
        if (errorPart == null) {
            assertNull(status.error());
        } else {
            assertTrue(status.error().contains(errorPart), status.error());
        }
    }

    private ChannelStatus status(String id) {
        return registry.statuses().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no status for " + id + " in " + registry.statuses()));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
