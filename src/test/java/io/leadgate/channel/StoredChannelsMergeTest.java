package io.leadgate.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channels from a {@link ChannelSource} merged with the files into the registry's snapshot, without Quarkus. */
class StoredChannelsMergeTest {

    @TempDir
    Path dir;

    private final List<ChannelFile> stored = new ArrayList<>();
    private boolean storeDown;

    private ChannelRegistry registry() {
        ChannelSource source = () -> {
            if (storeDown) {
                throw new IllegalStateException("database unavailable");
            }
            return List.copyOf(stored);
        };
        return new ChannelRegistry(dir, new ChannelFileLoader(name -> null), List.of(new FakeAdapter(Provider.WEBFORM),
                new FakeAdapter(Provider.TELEGRAM)), source);
    }

    private static ChannelFile api(String id, Provider provider, boolean enabled, Map<String, Object> settings) {
        Path path = ChannelOrigin.apiPath(id);
        return new ChannelFile.Valid(path, new ChannelDefinition(id, provider, enabled, "RU", id, settings, path));
    }

    @Test
    void storedChannelsServeBesideFilesAndFollowTheStore() throws IOException {
        Files.writeString(dir.resolve("form.yaml"), "id: form\nprovider: webform\n");
        stored.add(api("bot", Provider.TELEGRAM, true, Map.of("secret-token", "s")));
        ChannelRegistry registry = registry();
        assertTrue(registry.reload());
        assertTrue(registry.find("form").isPresent());
        assertTrue(registry.find("bot").isPresent());
        assertEquals(ChannelOrigin.API, ChannelOrigin.of(registry.find("bot").get().definition().file()));
        assertEquals(ChannelOrigin.FILE, ChannelOrigin.of(registry.find("form").get().definition().file()));
        assertFalse(registry.poll(), "nothing changed");

        stored.set(0, api("bot", Provider.TELEGRAM, false, Map.of("secret-token", "s")));
        assertTrue(registry.poll(), "a stored change is taken at the next poll, without settling");
        assertTrue(registry.find("bot").isEmpty());

        stored.clear();
        assertTrue(registry.reloadStored());
        assertTrue(registry.statuses().stream().noneMatch(s -> s.id().equals("bot")));
    }

    @Test
    void aFileKeepsItsIdAndTheStoredTwinIsInvalid() throws IOException {
        Files.writeString(dir.resolve("form.yaml"), "id: form\nprovider: webform\n");
        stored.add(api("form", Provider.WEBFORM, true, Map.of()));
        ChannelRegistry registry = registry();
        registry.reload();
        ChannelStatus twin = registry.statuses().stream()
                .filter(s -> s.id().equals("form") && ChannelOrigin.of(s.file()) == ChannelOrigin.API).findFirst().orElseThrow();
        assertEquals(ChannelState.INVALID, twin.state());
        assertTrue(twin.error().startsWith("channel api:form, key 'id'"), twin.error());
        assertEquals(dir.resolve("form.yaml"), registry.find("form").orElseThrow().definition().file());
    }

    @Test
    void adapterRefusalMakesAStoredChannelInvalid() {
        stored.add(api("bad", Provider.WEBFORM, true, Map.of("refuse", "yes")));
        ChannelRegistry registry = registry();
        registry.reload();
        assertTrue(registry.find("bad").isEmpty());
        assertTrue(registry.statuses().get(0).error().contains("key 'settings.refuse'"));
        assertFalse(registry.poll(), "an unchanged refused channel is no change");
    }

    @Test
    void anUnreadableStoreKeepsThePreviousChannels() {
        stored.add(api("bot", Provider.TELEGRAM, true, Map.of("secret-token", "s")));
        ChannelRegistry registry = registry();
        registry.reload();
        storeDown = true;
        assertFalse(registry.poll());
        assertTrue(registry.find("bot").isPresent());
    }
}
