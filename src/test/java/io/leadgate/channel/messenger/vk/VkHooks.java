package io.leadgate.channel.messenger.vk;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests, channels and fixtures for the VK tests. */
final class VkHooks {

    static final VkAdapter ADAPTER = new VkAdapter();
    /** The community of the vksdk samples: secret, confirmation code and group as EXPECTED.md says. */
    static final ChannelDefinition VKSDK = channel("secret_123456", "123456");

    private VkHooks() {
    }

    /** A channel with confirmation code {@code confirmation_123456}; null secret / group: not configured. */
    static ChannelDefinition channel(String secret, String groupId) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("confirmation", "confirmation_123456");
        if (secret != null) {
            settings.put("secret", secret);
        }
        if (groupId != null) {
            settings.put("group-id", groupId);
        }
        return new ChannelDefinition("vk", Provider.VK, true, "RU", "vk", settings, Path.of("vk.yaml"));
    }

    static HookRequest request(byte[] body) {
        return new HookRequest("POST", "", Headers.of(Map.of("Content-Type", List.of("application/json"))), null,
                body, "https://gw.example/hooks/vk", "127.0.0.1", Instant.now());
    }

    static Inquiry parseOne(byte[] body, ChannelDefinition channel) {
        try {
            List<Inquiry> items = ADAPTER.parse(request(body), channel);
            assertEquals(1, items.size(), "one inquiry per callback");
            return items.get(0);
        } catch (UnparseableException e) {
            throw new AssertionError("unparseable: " + e.getMessage(), e);
        }
    }

    /** The answer VK gets after the items were handled with {@code result}. */
    static HookReply reply(byte[] body, ChannelDefinition channel, HookOutcome.Result result) {
        return ADAPTER.reply(request(body), channel,
                new HookOutcome(null, List.of(new HookOutcome.Item(result, null, null, null))));
    }

    /** Asserts the item's kind and reason code. */
    static void assertKind(Inquiry item, Kind kind, String reason) {
        assertEquals(kind, item.kind());
        assertEquals(reason, Reason.codeOf(item.reason()));
    }

    static byte[] fixture(String name) {
        try (InputStream in = VkHooks.class.getResourceAsStream("/fixtures/messenger/vk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
