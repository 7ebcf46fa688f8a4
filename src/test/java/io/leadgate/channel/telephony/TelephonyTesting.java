package io.leadgate.channel.telephony;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.testing.Conformance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests, channels and fixtures for the telephony tests. */
public final class TelephonyTesting {

    public static final String FORM = "application/x-www-form-urlencoded";

    private TelephonyTesting() {
    }

    public static ChannelDefinition channel(Provider provider, String region, Map<String, Object> settings) {
        return new ChannelDefinition("tel-" + provider.id(), provider, true, region, "tel-" + provider.id(), settings,
                Path.of("test.yaml"));
    }

    /** A POST with the given media type, sub-path, URL (its query becomes the request's query) and headers. */
    public static HookRequest post(String mediaType, String subPath, String url, byte[] body, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Content-Type", List.of(mediaType));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        int q = url == null ? -1 : url.indexOf('?');
        String query = q < 0 ? null : url.substring(q + 1);
        return new HookRequest("POST", subPath, Headers.of(h), query, body, url, "127.0.0.1", Instant.now());
    }

    public static HookRequest form(String subPath, String url, String body, String... headers) {
        return post(FORM, subPath, url, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static HookRequest get(String subPath, String url) {
        int q = url.indexOf('?');
        return new HookRequest("GET", subPath, Headers.empty(), q < 0 ? null : url.substring(q + 1), null, url,
                "127.0.0.1", Instant.now());
    }

    /** Form-encodes name/value pairs in the order given. */
    public static String encode(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** A project-made fixture under {@code src/test/resources/fixtures/telephony/}. */
    public static String fixture(String relative) {
        try (InputStream in = TelephonyTesting.class.getResourceAsStream("/fixtures/telephony/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A conformance sample as text, without the trailing newline. */
    public static String sample(String relative) {
        return new String(Conformance.bytes(relative), StandardCharsets.UTF_8).strip();
    }

    /** The file names of a conformance folder, sorted. */
    public static List<String> sampleNames(String folder) {
        return Conformance.files(folder, "").stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Verifies the request (must be valid) and parses it into exactly one item. */
    public static Inquiry single(ChannelAdapter adapter, ChannelDefinition channel, HookRequest request)
            throws UnparseableException {
        assertEquals(Verification.VALID, adapter.verify(request, channel));
        List<Inquiry> items = adapter.parse(request, channel);
        assertEquals(1, items.size());
        return items.get(0);
    }

    /** An HMAC computed with javax.crypto, independently of the code under test. */
    public static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replays requests through an adapter's vocabulary step and the shared mapper the way a call record would:
     * each event is mapped knowing the folded state of its call so far.
     */
    public static List<Inquiry> replay(CallEventAdapter adapter, ChannelDefinition channel, List<HookRequest> requests)
            throws UnparseableException {
        Map<String, CallState> calls = new HashMap<>();
        List<Inquiry> out = new ArrayList<>();
        for (HookRequest r : requests) {
            for (CallEvent e : adapter.events(r, channel)) {
                CallState prior = calls.getOrDefault(e.callId(), CallState.EMPTY);
                out.add(CallInquiryMapper.map(e, adapter.provider().id(), channel.defaultRegion(), prior));
                calls.put(e.callId(), prior.fold(e));
            }
        }
        return out;
    }

    /** The folded state of every call in the requests. */
    public static Map<String, CallState> states(CallEventAdapter adapter, ChannelDefinition channel,
                                                List<HookRequest> requests) throws UnparseableException {
        Map<String, CallState> calls = new HashMap<>();
        for (HookRequest r : requests) {
            for (CallEvent e : adapter.events(r, channel)) {
                calls.merge(e.callId(), CallState.EMPTY.fold(e), (a, b) -> a.fold(e));
            }
        }
        return calls;
    }
}
