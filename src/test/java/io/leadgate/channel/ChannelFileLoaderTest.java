package io.leadgate.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelFileLoaderTest {

    @TempDir
    Path dir;

    private final ChannelFileLoader loader = new ChannelFileLoader(Map.of("TG_SECRET", "s3cret")::get);

    @Test
    void loadsDefaultsAndResolvesVariables() throws IOException {
        write("bot.yaml", "id: tg-bot\nprovider: telegram\nsettings:\n  secret-token: ${TG_SECRET}\n");
        ChannelDefinition c = loader.load(dir.resolve("bot.yaml"));
        assertEquals("tg-bot", c.id());
        assertEquals(Provider.TELEGRAM, c.provider());
        assertTrue(c.enabled());
        assertEquals("RU", c.defaultRegion());
        assertEquals("tg-bot", c.source());
        assertEquals("s3cret", c.setting("secret-token").orElseThrow());
        assertFalse(c.toString().contains("s3cret"), "secrets never printed");
    }

    @Test
    void unsetVariableNamesFileAndKey() throws IOException {
        write("bot.yaml", "id: tg-bot\nprovider: telegram\nsettings:\n  secret-token: ${NOT_SET_ANYWHERE}\n");
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("bot.yaml")));
        assertEquals("settings.secret-token", e.key());
        assertTrue(e.getMessage().contains("bot.yaml") && e.getMessage().contains("NOT_SET_ANYWHERE"), e.getMessage());
    }

    @Test
    void unknownProviderNamesFileAndKey() throws IOException {
        write("x.yml", "id: x\nprovider: carrier-pigeon\n");
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("x.yml")));
        assertEquals("provider", e.key());
        assertTrue(e.getMessage().contains("x.yml") && e.getMessage().contains("carrier-pigeon"));
    }

    @Test
    void missingRequiredKeys() throws IOException {
        write("a.yaml", "provider: webform\n");
        assertEquals("id", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("a.yaml"))).key());
        write("b.yaml", "id: b\n");
        assertEquals("provider", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("b.yaml"))).key());
        write("c.yaml", "id: c\nprovider: typeform\n");
        assertEquals("settings.secret", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("c.yaml"))).key());
    }

    @Test
    void invalidValues() throws IOException {
        write("a.yaml", "id: Bad_Id\nprovider: webform\n");
        assertEquals("id", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("a.yaml"))).key());
        write("b.yaml", "id: b\nprovider: webform\ndefault-region: XX\n");
        assertEquals("default-region", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("b.yaml"))).key());
        write("c.yaml", "id: c\nprovider: webform\nenabled: maybe\n");
        assertEquals("enabled", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("c.yaml"))).key());
        write("d.yaml", "id: d\nprovider: webform\nsetings: {}\n");
        assertEquals("setings", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("d.yaml"))).key());
        write("e.yaml", "id: e\nprovider: webform\nsettings:\n  rate-limit: lots\n");
        assertEquals("settings.rate-limit", assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("e.yaml"))).key());
        write("f.yaml", "- just\n- a list\n");
        assertTrue(assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("f.yaml"))).getMessage().contains("f.yaml"));
        write("g.yaml", "id: [unclosed\n");
        assertTrue(assertThrows(ChannelFileException.class, () -> loader.load(dir.resolve("g.yaml"))).getMessage().contains("YAML"));
    }

    @Test
    void duplicateIdsAcrossFiles() throws IOException {
        write("one.yaml", "id: same\nprovider: webform\n");
        write("two.yaml", "id: same\nprovider: tilda\n");
        write("notes.txt", "not a channel");
        Files.createDirectories(dir.resolve("examples"));
        write("examples/ignored.yaml", "id: [broken");
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("two.yaml") && e.getMessage().contains("one.yaml"), e.getMessage());
    }

    @Test
    void missingDirectoryHasNoChannels() {
        assertEquals(List.of(), loader.loadDirectory(dir.resolve("nope")));
    }

    /** The shipped examples (channels/examples) are valid channel files once their variables are set. */
    @Test
    void shippedExamplesAreValid() throws IOException {
        Path examples = Path.of("channels/examples");
        ChannelFileLoader permissive = new ChannelFileLoader(name -> "example-" + name.toLowerCase());
        List<Path> files;
        try (Stream<Path> s = Files.list(examples)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(Provider.values().length, files.size(), "one example per provider");
        for (Path file : files) {
            ChannelDefinition c = permissive.load(file);
            assertFalse(c.enabled(), file + " must ship disabled");
            assertEquals(file.getFileName().toString(), c.provider().id() + ".yaml");
        }
        ChannelDefinition demo = new ChannelFileLoader(System::getenv).load(Path.of("channels/demo-form.yaml"));
        assertTrue(demo.enabled());
        assertEquals(Provider.WEBFORM, demo.provider());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
