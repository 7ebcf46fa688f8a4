package io.leadgate.channel;

import io.leadgate.policy.RepeatLead;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelPolicyReaderTest {

    private static final Path FILE = Path.of("channels/shop.yaml");

    @Test
    void defaultsWhenNothingIsSet() {
        ChannelPolicy p = read(Provider.WEBFORM, Map.of());
        assertEquals(List.of(), p.allowedOrigins());
        assertEquals(ChannelPolicy.DEFAULT_WEBFORM_RATE_LIMIT, p.rateLimit());
        assertEquals(Optional.empty(), p.repeatLead());
        assertTrue(p.exclusions().isEmpty());
        assertFalse(p.routing().dealsOnly());
        assertEquals(Optional.empty(), p.routing().pipeline());
        assertEquals(List.of(), p.routing().managers());
        assertEquals(ChannelPolicy.Attachments.DROP, p.attachments());
        assertEquals(ChannelPolicy.DEFAULT_MAX_ATTACHMENT_BYTES, p.maxAttachmentBytes());
        assertEquals(ChannelPolicy.Newsletters.LEAD, p.newsletters());
        assertEquals(ChannelPolicy.ThreadReplies.CLIENT, p.threadReplies());
    }

    @Test
    void readsEveryKeyTyped() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("allowed-origins", "https://shop.example, https://www.shop.example");
        s.put("rate-limit", "5");
        s.put("repeat-lead", "New");
        s.put("exclude", List.of("+7 495 123-45-67", "robot@shop.example", "*@Noreply.Example", "8 (916) 000-00-01"));
        s.put("deals-only", "yes");
        s.put("pipeline", "Sales");
        s.put("managers", List.of("anna", "boris"));
        s.put("attachments", "STORE");
        s.put("max-attachment-bytes", "1000");
        s.put("newsletters", "ignore");
        s.put("thread-replies", "Anyone");
        ChannelPolicy p = read(Provider.WEBFORM, s);
        assertEquals(ChannelPolicy.ThreadReplies.ANYONE, p.threadReplies());
        assertEquals(List.of("https://shop.example", "https://www.shop.example"), p.allowedOrigins());
        assertTrue(p.allowsOrigin("HTTPS://SHOP.EXAMPLE"));
        assertFalse(p.allowsOrigin("https://evil.example"));
        assertEquals(5, p.rateLimit());
        assertEquals(Optional.of(RepeatLead.NEW), p.repeatLead());
        assertTrue(p.exclusions().excludesPhone("+74951234567"));
        assertTrue(p.exclusions().excludesPhone("+79160000001"), "national numbers read in the channel's region");
        assertTrue(p.exclusions().excludesEmail("robot@shop.example"));
        assertTrue(p.exclusions().excludesEmail("x@noreply.example"));
        assertTrue(p.routing().dealsOnly());
        assertEquals(Optional.of("Sales"), p.routing().pipeline());
        assertEquals(List.of("anna", "boris"), p.routing().managers());
        assertEquals(ChannelPolicy.Attachments.STORE, p.attachments());
        assertEquals(1000, p.maxAttachmentBytes());
        assertEquals(ChannelPolicy.Newsletters.IGNORE, p.newsletters());
    }

    @Test
    void rateLimitNeverAppliesToServerToServerProviders() {
        assertEquals(0, read(Provider.TILDA, Map.of()).rateLimit());
        assertEquals(0, read(Provider.TELEGRAM, Map.of("rate-limit", "10")).rateLimit());
        assertEquals(0, read(Provider.WEBFORM, Map.of("rate-limit", "0")).rateLimit(), "0 switches it off");
    }

    @Test
    void wrongValuesNameFileAndKey() {
        assertKey("settings.repeat-lead", Map.of("repeat-lead", "sometimes"));
        assertKey("settings.rate-limit", Map.of("rate-limit", "lots"));
        assertKey("settings.rate-limit", Map.of("rate-limit", "-1"));
        assertKey("settings.deals-only", Map.of("deals-only", "perhaps"));
        assertKey("settings.attachments", Map.of("attachments", "keep-some"));
        assertKey("settings.max-attachment-bytes", Map.of("max-attachment-bytes", "0"));
        assertKey("settings.newsletters", Map.of("newsletters", "maybe"));
        assertKey("settings.thread-replies", Map.of("thread-replies", "colleagues"));
        assertKey("settings.managers", Map.of("managers", Map.of("a", "b")));
        assertKey("settings.pipeline", Map.of("pipeline", List.of("a", "b")));
    }

    @Test
    void badExclusionIsNamedByPositionNeverByValue() {
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> read(Provider.WEBFORM,
                Map.of("exclude", List.of("+74951234567", "secret-looking-value"))));
        assertEquals("settings.exclude", e.key());
        assertTrue(e.getMessage().contains("entry 2") && e.getMessage().contains("shop.yaml"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-looking-value"));
    }

    @Test
    void allowedOriginsAreOriginsAsABrowserWritesThem() {
        assertEquals(List.of("*", "https://shop.example", "http://127.0.0.1:8081", "http://[::1]:8080",
                        "https://магазин.example"),
                read(Provider.WEBFORM, Map.of("allowed-origins", List.of("*", "https://shop.example",
                        "http://127.0.0.1:8081", "http://[::1]:8080", "https://магазин.example"))).allowedOrigins());
        // none of these can ever equal a browser's Origin header: every cross-origin post would be refused silently
        for (String wrong : List.of("shop.example", "https://shop.example/", "https://shop.example/form",
                "https://shop.example?x=1", "https://*.shop.example", "//shop.example")) {
            ChannelFileException e = assertThrows(ChannelFileException.class, () -> read(Provider.WEBFORM,
                    Map.of("allowed-origins", List.of("https://ok.example", wrong))), wrong);
            assertEquals("settings.allowed-origins", e.key());
            assertTrue(e.getMessage().contains("entry 2"), e.getMessage());
        }
    }

    @Test
    void definitionBuiltWithoutAPolicyReadsItFromTheSettings() {
        ChannelDefinition d = new ChannelDefinition("shop", Provider.WEBFORM, true, "RU", "shop",
                Map.of("repeat-lead", "deal"), FILE);
        assertEquals(Optional.of(RepeatLead.DEAL), d.policy().repeatLead());
    }

    @Test
    void anotherSourceLabelKeepsThePolicyReadAtLoad() {
        ChannelDefinition d = new ChannelDefinition("shop", Provider.WEBFORM, true, "RU", "shop",
                Map.of("deals-only", "true", "managers", "anna, boris"), FILE);
        ChannelDefinition relabelled = d.withSource("phone-in");
        assertEquals("phone-in", relabelled.source());
        assertSame(d.policy(), relabelled.policy(), "read once when the channel loaded, not again per entry");
    }

    private static void assertKey(String key, Map<String, Object> settings) {
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> read(Provider.WEBFORM, settings));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains("shop.yaml"), e.getMessage());
    }

    private static ChannelPolicy read(Provider provider, Map<String, Object> settings) {
        return ChannelPolicyReader.read(FILE, provider, "RU", settings);
    }
}
