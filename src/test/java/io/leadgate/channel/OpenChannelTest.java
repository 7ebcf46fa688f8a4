package io.leadgate.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A channel without its optional secret is open: it says so once at load, without any secret value. */
class OpenChannelTest {

    @TempDir
    Path dir;

    @Test
    void channelsWithoutTheirOptionalSecretAreOpen() throws IOException {
        write("a.yaml", "id: anon\nprovider: webform\n");
        write("b.yaml", "id: tokened\nprovider: webform\nsettings:\n  token: s3cret-token\n");
        write("c.yaml", "id: blank\nprovider: webform\nsettings:\n  token: ' '\n");
        write("d.yaml", "id: bot\nprovider: telegram\nsettings:\n  secret-token: s3cret-bot\n");
        write("e.yaml", "id: paused\nprovider: webform\nenabled: false\n");
        List<String> warnings = new ArrayList<>();
        ChannelRegistry registry = new ChannelRegistry(dir, new ChannelFileLoader(name -> null),
                List.of(new FakeAdapter(Provider.WEBFORM), new FakeAdapter(Provider.TELEGRAM)));
        capturing(warnings, () -> {
            registry.reload();
            write("f.yaml", "id: late\nprovider: webform\n");
            registry.reload(); // a reload warns about the new channel only
        });

        Map<String, Boolean> open = new java.util.TreeMap<>();
        registry.all().forEach(d -> open.put(d.id(), d.open()));
        assertEquals(Map.of("anon", true, "tokened", false, "blank", true, "bot", false, "paused", true, "late", true), open);
        List<String> openWarnings = warnings.stream().filter(w -> w.contains("verification: open")).toList();
        assertEquals(3, openWarnings.size(), "anon, blank and late, once each (a disabled channel takes no posts): "
                + openWarnings);
        assertTrue(openWarnings.stream().anyMatch(w -> w.contains("anon")));
        assertTrue(openWarnings.stream().anyMatch(w -> w.contains("late")));
        assertFalse(warnings.stream().anyMatch(w -> w.contains("s3cret")), "no secret value in any log");
    }

    @Test
    void providersWithAnOptionalSecretNameIt() {
        assertEquals("token", Provider.WEBFORM.optionalSecret().orElseThrow());
        assertEquals("token", Provider.TILDA.optionalSecret().orElseThrow());
        assertEquals("token", Provider.EMAIL.optionalSecret().orElseThrow());
        assertEquals("secret", Provider.VK.optionalSecret().orElseThrow());
        assertEquals("secret", Provider.AVITO.optionalSecret().orElseThrow());
        assertTrue(Provider.TYPEFORM.optionalSecret().isEmpty(), "its secret is required");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void capturing(List<String> lines, IoAction action) throws IOException {
        Logger root = Logger.getLogger("");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    Object[] p = r.getParameters();
                    String text = r.getMessage();
                    if (p != null) {
                        try {
                            text = String.format(text, p);
                        } catch (RuntimeException e) {
                            text = text + " " + java.util.Arrays.toString(p);
                        }
                    }
                    synchronized (lines) {
                        lines.add(text);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        try {
            action.run();
        } finally {
            root.removeHandler(handler);
        }
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private record FakeAdapter(Provider provider) implements ChannelAdapter {
        @Override
        public boolean accepts(String mediaType) {
            return true;
        }

        @Override
        public Verification verify(HookRequest request, ChannelDefinition channel) {
            return Verification.VALID;
        }

        @Override
        public List<io.leadgate.inquiry.Inquiry> parse(HookRequest request, ChannelDefinition channel) {
            return List.of();
        }

        @Override
        public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
            return HookReply.json(200, "{}");
        }
    }
}
