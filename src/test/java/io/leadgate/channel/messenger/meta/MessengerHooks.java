package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Inquiry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds hook requests and channels for the messenger adapter tests; signatures computed with javax.crypto. */
public final class MessengerHooks {

    private MessengerHooks() {
    }

    public static ChannelDefinition channel(Provider provider, Map<String, Object> settings) {
        return new ChannelDefinition("test-" + provider.id(), provider, true, "RU", "test-" + provider.id(), settings,
                Path.of("test.yaml"));
    }

    public static HookRequest post(byte[] body, Map<String, String> headers) {
        return post("", body, headers);
    }

    public static HookRequest post(String subPath, byte[] body, Map<String, String> headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("Content-Type", List.of("application/json"));
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        return new HookRequest("POST", subPath, Headers.of(all), null, body, "https://gw.example/hooks/test" + subPath,
                "127.0.0.1", Instant.now());
    }

    public static HookRequest get(String query) {
        return new HookRequest("GET", "", Headers.empty(), query, new byte[0],
                "https://gw.example/hooks/test?" + query, "127.0.0.1", Instant.now());
    }

    /** Parses an unsigned body: the mapping is tested apart from verification. */
    public static List<Inquiry> parse(ChannelAdapter adapter, ChannelDefinition channel, byte[] body)
            throws UnparseableException {
        return adapter.parse(post(body, Map.of()), channel);
    }

    /** Parses a project-made fixture ({@code facebook/echo.json}) without a signature. */
    public static List<Inquiry> parseFixture(ChannelAdapter adapter, ChannelDefinition channel, String fixture)
            throws UnparseableException {
        return parse(adapter, channel, fixture(fixture));
    }

    public static String hmacSha256Hex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with one byte changed. */
    public static byte[] changedByte(byte[] body) {
        byte[] copy = body.clone();
        int i = copy.length / 2;
        copy[i] = (byte) (copy[i] == 'x' ? 'y' : 'x');
        return copy;
    }

    /** A project-made fixture from {@code src/test/resources/fixtures/messenger/}. */
    public static byte[] fixture(String relative) {
        try (InputStream in = MessengerHooks.class.getResourceAsStream("/fixtures/messenger/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The only item of a delivery. */
    public static Inquiry single(List<Inquiry> items) {
        if (items.size() != 1) {
            throw new AssertionError("expected one item, got " + items.size() + ": " + items);
        }
        return items.get(0);
    }
}
