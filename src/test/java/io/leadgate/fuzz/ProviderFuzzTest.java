package io.leadgate.fuzz;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HandshakeCapable;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.InboundAdapter;
import io.leadgate.channel.Provider;
import io.leadgate.channel.RejectedException;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.contact.IdentityResolver;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;
import io.leadgate.testing.Conformance;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded fuzzing of every provider: mutated bodies, headers, query strings and sub-paths of recorded deliveries go
 * through accepts → verify → (rejected) → parse → map to JSON and identity keys → reply, and GET handshakes. Only
 * {@link UnparseableException} and {@link RejectedException} may leave {@code parse}; nothing may leave the other steps; a seeded run is
 * repeatable (the seed is in the failure message). A small REST pass asserts that no mutated request gets a 5xx.
 */
@QuarkusTest
class ProviderFuzzTest {

    private static final long SEED = 20261123L;
    private static final int ITERATIONS = 400;
    private static final List<String> MEDIA_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=boundary", "message/rfc822", "text/plain; charset=utf-8",
            "application/json; charset=koi8-r", "text/plain; charset=bogus", "");
    private static final List<String> SUB_PATHS = List.of("", "/events/call", "/events/summary", "/events/recording",
            "/events/dtmf", "/events/sms", "/ping", "/x/..%2F..", "/" + "a".repeat(300));
    private static final List<String> SIGNATURE_HEADERS = List.of("X-Hub-Signature-256", "X-Telegram-Bot-Api-Secret-Token",
            "X-Twilio-Signature", "X-Viber-Content-Signature", "Typeform-Signature", "x-webflow-signature",
            "x-webflow-timestamp", "Signature", "X-Leadgate-Token", "X-Avito-Messenger-Signature");

    /** Seed folders per provider: project fixtures and the shared conformance corpus. */
    private static final Map<Provider, List<String>> SEEDS = new LinkedHashMap<>();

    static {
        SEEDS.put(Provider.WEBFORM, List.of("fixtures:webform/elementor"));
        SEEDS.put(Provider.TILDA, List.of("fixtures:webform/tilda"));
        SEEDS.put(Provider.TYPEFORM, List.of("fixtures:webform/typeform", "conformance:webforms/typeform"));
        SEEDS.put(Provider.WEBFLOW, List.of("fixtures:webform/webflow"));
        SEEDS.put(Provider.BITRIX24_FORM, List.of("fixtures:webform/bitrix24", "conformance:webforms/bitrix24"));
        SEEDS.put(Provider.TELEGRAM, List.of("fixtures:messenger/telegram", "conformance:messengers/telegram"));
        SEEDS.put(Provider.WHATSAPP, List.of("fixtures:messenger/whatsapp", "conformance:messengers/whatsapp"));
        SEEDS.put(Provider.FACEBOOK, List.of("fixtures:messenger/facebook", "conformance:messengers/facebook-messenger"));
        SEEDS.put(Provider.INSTAGRAM, List.of("fixtures:messenger/instagram"));
        SEEDS.put(Provider.VK, List.of("fixtures:messenger/vk", "conformance:messengers/vk"));
        SEEDS.put(Provider.VIBER, List.of("fixtures:messenger/viber", "conformance:messengers/viber"));
        SEEDS.put(Provider.AVITO, List.of("fixtures:messenger/avito"));
        SEEDS.put(Provider.TWILIO, List.of("fixtures:telephony/twilio", "conformance:telephony/twilio"));
        SEEDS.put(Provider.SIPGATE, List.of("fixtures:telephony/sipgate", "conformance:telephony/sipgate"));
        SEEDS.put(Provider.PLACETEL, List.of("fixtures:telephony/placetel", "conformance:telephony/placetel"));
        SEEDS.put(Provider.MANGO, List.of("fixtures:telephony/mango", "conformance:telephony/mango-office"));
        SEEDS.put(Provider.ZADARMA, List.of("fixtures:telephony/zadarma"));
        SEEDS.put(Provider.EMAIL, List.of("fixtures:email", "conformance:email"));
        SEEDS.put(Provider.IMAP, List.of("fixtures:email"));
    }

    @Inject
    @All
    List<InboundAdapter> adapters;

    @Test
    void webFormProvidersSurviveMutatedDeliveries() {
        fuzzFamily(ChannelFamily.WEBFORM);
    }

    @Test
    void messengerProvidersSurviveMutatedDeliveries() {
        fuzzFamily(ChannelFamily.MESSENGER);
    }

    @Test
    void telephonyProvidersSurviveMutatedDeliveries() {
        fuzzFamily(ChannelFamily.PHONE);
    }

    @Test
    void emailProvidersSurviveMutatedDeliveries() {
        fuzzFamily(ChannelFamily.EMAIL);
    }

    @Test
    void mutatedHookAndPreviewRequestsNeverGetA5xx() {
        // Channels of src/test/resources/channels without a per-minute limit other tests rely on.
        Map<String, Provider> hooks = Map.of("form", Provider.WEBFORM, "tg", Provider.TELEGRAM, "wa", Provider.WHATSAPP,
                "fb", Provider.FACEBOOK, "vk", Provider.VK, "viber", Provider.VIBER, "sipgate", Provider.SIPGATE,
                "placetel", Provider.PLACETEL, "mail", Provider.EMAIL);
        Map<String, Provider> previewOnly = Map.of("tilda", Provider.TILDA, "typeform", Provider.TYPEFORM,
                "b24", Provider.BITRIX24_FORM);
        Mutator mutator = new Mutator(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (var channel : new java.util.TreeMap<>(hooks).entrySet()) {
                List<Seed> seeds = seeds(channel.getValue());
                for (int i = 0; i < 6; i++) {
                    Seed seed = seeds.get(mutator.random().nextInt(seeds.size()));
                    byte[] body = mutator.mutate(seed.body(), seeds.get(mutator.random().nextInt(seeds.size())).body());
                    given().config(RAW).contentType(rest(seed)).body(body).post("/hooks/" + channel.getKey())
                            .then().statusCode(lessThan(500));
                }
            }
            Map<String, Provider> all = new java.util.TreeMap<>(hooks);
            all.putAll(previewOnly);
            for (var channel : all.entrySet()) {
                List<Seed> seeds = seeds(channel.getValue());
                for (int i = 0; i < 4; i++) {
                    Seed seed = seeds.get(mutator.random().nextInt(seeds.size()));
                    byte[] body = mutator.mutate(seed.body(), seed.body());
                    api().config(RAW).contentType(rest(seed)).body(body).post("/api/channels/" + channel.getKey() + "/preview")
                            .then().statusCode(lessThan(500));
                }
            }
        });
    }

    /** Bodies go out as the bytes they are, whatever the content type says. */
    private static final RestAssuredConfig RAW = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
            .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static String rest(Seed seed) {
        return seed.mediaType().startsWith("multipart/") ? "application/json" : seed.mediaType();
    }

    private void fuzzFamily(ChannelFamily family) {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Provider provider : SEEDS.keySet()) {
            if (provider.family() != family) {
                continue;
            }
            InboundAdapter adapter = adapters.stream().filter(a -> a.provider() == provider).findFirst()
                    .orElseThrow(() -> new AssertionError("no adapter for " + provider.id()));
            List<Seed> seeds = seeds(provider);
            assertTrue(!seeds.isEmpty(), "seeds for " + provider.id());
            ChannelDefinition channel = channel(provider);
            long seed = SEED ^ provider.ordinal();
            Mutator mutator = new Mutator(seed);
            runs += assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                int n = 0;
                for (int i = 0; i < ITERATIONS && failures.size() < 10; i++, n++) {
                    HookRequest request = request(mutator, seeds);
                    String failure = exercise(adapter, channel, request);
                    if (failure != null) {
                        failures.add(provider.id() + " seed " + seed + " iteration " + i + ": " + failure);
                    }
                }
                return n;
            }, provider.id() + " took too long");
        }
        assertTrue(runs > 0);
        assertEquals(List.of(), failures);
    }

    /**
     * Runs one request through an adapter (a polled one: parse and map only); returns a description of what escaped,
     * or null.
     */
    private static String exercise(InboundAdapter inbound, ChannelDefinition channel, HookRequest request) {
        String step = "accepts";
        try {
            ChannelAdapter adapter = inbound instanceof ChannelAdapter hook ? hook : null;
            if (adapter != null) {
                adapter.accepts(request.mediaType());
                step = "verify";
                Verification verification = adapter.verify(request, channel);
                if (!verification.valid()) {
                    step = "rejected";
                    check(adapter.rejected(request, channel, verification));
                }
            }
            step = "parse";
            List<Inquiry> items;
            try {
                items = inbound.parse(request, channel);
            } catch (UnparseableException | RejectedException expected) { // typed: answered 400, or 413/422 for abuse limits
                items = List.of();
            }
            step = "map";
            List<HookOutcome.Item> outcomes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                InquiryJson.toJson(items.get(i));
                IdentityResolver.keysOf(items.get(i).contact());
                HookOutcome.Result result = HookOutcome.Result.values()[i % HookOutcome.Result.values().length];
                outcomes.add(new HookOutcome.Item(result, 1000L + i, 2000L, 3000L));
            }
            if (adapter == null) {
                return null;
            }
            step = "reply";
            check(adapter.reply(request, channel, new HookOutcome(1L, outcomes)));
            if (adapter instanceof HandshakeCapable handshake) {
                step = "handshake";
                HookRequest get = new HookRequest("GET", request.subPath(), request.headers(), request.query(), null,
                        request.requestUrl(), "127.0.0.1", Instant.now());
                handshake.handshake(get, channel).ifPresent(ProviderFuzzTest::check);
            }
            return null;
        } catch (Throwable t) {
            StackTraceElement at = java.util.Arrays.stream(t.getStackTrace())
                    .filter(e -> e.getClassName().startsWith("io.leadgate.")).findFirst()
                    .orElse(t.getStackTrace().length == 0 ? null : t.getStackTrace()[0]);
            return step + " threw " + t.getClass().getName() + " at " + at;
        }
    }

    private static void check(HookReply reply) {
        if (reply == null || reply.status() < 100 || reply.status() >= 500) {
            throw new IllegalStateException("bad reply " + (reply == null ? null : reply.status()));
        }
    }

    private static HookRequest request(Mutator mutator, List<Seed> seeds) {
        Random random = mutator.random();
        Seed seed = seeds.get(random.nextInt(seeds.size()));
        Seed other = seeds.get(random.nextInt(seeds.size()));
        byte[] body = random.nextInt(10) == 0 ? seed.body() : mutator.mutate(seed.body(), other.body());
        Map<String, List<String>> headers = new HashMap<>();
        String mediaType = random.nextInt(4) == 0 ? MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size())) : seed.mediaType();
        if (!mediaType.isEmpty()) {
            headers.put("Content-Type", List.of(mediaType));
        }
        for (String name : SIGNATURE_HEADERS) {
            if (random.nextInt(3) == 0) {
                headers.put(name, List.of(mutator.headerValue("sha256=" + "0".repeat(64))));
            }
        }
        if (random.nextInt(4) == 0) {
            headers.put("Origin", List.of(mutator.headerValue("https://shop.example")));
        }
        String query = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "hub.mode=subscribe&hub.verify_token=x&hub.challenge=" + random.nextInt();
            case 2 -> "zd_echo=" + random.nextInt() + "&token=%zz";
            case 3 -> new String(mutator.mutate(Mutator.bytes("a=1&b=%D0%B0&c"), Mutator.bytes("=&")), StandardCharsets.ISO_8859_1);
            default -> "utm_source=x&utm_campaign=" + "y".repeat(random.nextInt(100));
        };
        String subPath = SUB_PATHS.get(random.nextInt(SUB_PATHS.size()));
        String url = "https://gw.example/hooks/fuzz" + subPath + (query == null ? "" : "?" + query);
        return new HookRequest("POST", subPath, Headers.of(headers), query, body, url, "127.0.0.1", Instant.now());
    }

    private static ChannelDefinition channel(Provider provider) {
        Map<String, Object> settings = new HashMap<>();
        provider.requiredSettings().forEach(key -> settings.put(key, "fuzz-" + key));
        return new ChannelDefinition("fuzz-" + provider.id(), provider, true, "RU", "fuzz", settings, Path.of("fuzz.yaml"));
    }

    record Seed(byte[] body, String mediaType) {
    }

    private static final Map<Provider, List<Seed>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Seed> seeds(Provider provider) {
        return CACHE.computeIfAbsent(provider, p -> {
            List<Seed> seeds = new ArrayList<>();
            for (String source : SEEDS.get(p)) {
                String[] parts = source.split(":", 2);
                Path dir = parts[0].equals("fixtures") ? Path.of("src/test/resources/fixtures", parts[1])
                        : Conformance.dir().resolve(parts[1]);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        seeds.add(new Seed(Files.readAllBytes(file), mediaType(p, file.getFileName().toString())));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (p == Provider.MANGO) {
                // Mango posts its JSON as the form field json, beside vpbx_api_key and sign.
                List<Seed> forms = seeds.stream().map(s -> new Seed(Mutator.bytes("vpbx_api_key=fuzz-api-key&sign="
                        + "0".repeat(64) + "&json=" + java.net.URLEncoder.encode(new String(s.body(), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8)), "application/x-www-form-urlencoded")).toList();
                seeds.addAll(forms);
            }
            if (p == Provider.WEBFORM) {
                seeds.add(new Seed(Mutator.bytes("name=Anna&phone=8+916+123-45-67&email=a%40b.c&message=hi&utm_source=x"),
                        "application/x-www-form-urlencoded"));
                seeds.add(new Seed(Mutator.bytes("{\"name\":\"Anna\",\"phone\":\"+79161234567\",\"fields\":{\"a\":[1,2]}}"),
                        "application/json"));
                seeds.add(new Seed(Mutator.bytes("--boundary\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n"
                        + "+79161234567\r\n--boundary--\r\n"), "multipart/form-data; boundary=boundary"));
            }
            return List.copyOf(seeds);
        });
    }

    private static String mediaType(Provider provider, String file) {
        if (provider.family() == ChannelFamily.EMAIL) {
            return "message/rfc822";
        }
        if (file.endsWith(".json") || file.endsWith(".jsonl")) {
            return "application/json";
        }
        return "application/x-www-form-urlencoded";
    }
}
