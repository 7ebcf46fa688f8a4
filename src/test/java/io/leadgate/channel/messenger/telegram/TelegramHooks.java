package io.leadgate.channel.messenger.telegram;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests, channels and fixtures for the Telegram tests. */
final class TelegramHooks {

    static final String TOKEN = "s3cr3t-Token_42";
    static final ChannelDefinition CHANNEL = new ChannelDefinition("tg", Provider.TELEGRAM, true, "RU", "tg",
            Map.of("secret-token", TOKEN), Path.of("test.yaml"));
    static final TelegramAdapter ADAPTER = new TelegramAdapter();

    private TelegramHooks() {
    }

    /** A webhook POST with the given secret-token header value (null: no header). */
    static HookRequest request(byte[] body, String token) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        if (token != null) {
            headers.put(TelegramAdapter.SECRET_HEADER, List.of(token));
        }
        return new HookRequest("POST", "", Headers.of(headers), null, body, "https://gw.example/hooks/tg",
                "127.0.0.1", Instant.now());
    }

    /** Parses one body with a valid token and returns its single inquiry. */
    static Inquiry parseOne(byte[] body) {
        try {
            List<Inquiry> items = ADAPTER.parse(request(body, TOKEN), CHANNEL);
            assertEquals(1, items.size(), "one inquiry per update");
            return items.get(0);
        } catch (UnparseableException e) {
            throw new AssertionError("unparseable: " + e.getMessage(), e);
        }
    }

    /** Asserts the item's kind and reason code. */
    static void assertKind(Inquiry item, Kind kind, String reason) {
        assertEquals(kind, item.kind());
        assertEquals(reason, Reason.codeOf(item.reason()));
    }

    static byte[] fixture(String name) {
        try (InputStream in = TelegramHooks.class.getResourceAsStream("/fixtures/messenger/telegram/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
