package io.leadgate.channel.telephony.mango;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.CallDirection;
import io.leadgate.inquiry.CallInfo;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.channel.telephony.TelephonyTesting;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.telephony.TelephonyTesting.channel;
import static io.leadgate.channel.telephony.TelephonyTesting.encode;
import static io.leadgate.channel.telephony.TelephonyTesting.form;
import static io.leadgate.channel.telephony.TelephonyTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXPECTED.md, telephony/mango-office: every sample in the folder. */
class MangoGoldenTest {

    static final MangoAdapter ADAPTER = new MangoAdapter();
    static final String KEY = "ntwc8o86aekb8dja2phoc1d1hpj215nf";
    static final String SALT = "test-salt";
    static final ChannelDefinition CHANNEL = channel(Provider.MANGO, "RU", Map.of("api-key", KEY, "api-salt", SALT));
    static final String URL = "https://leads.example.com/hooks/tel-mango";

    static String sample(String file) {
        return TelephonyTesting.sample("telephony/mango-office/" + file);
    }

    /** What Mango posts: the three form fields, signed independently of the code under test. */
    static HookRequest post(String subPath, String json) {
        return form(subPath, URL + subPath, encode("vpbx_api_key", KEY, "sign", sha256Hex(KEY + json + SALT),
                "json", json));
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Inquiry parse(HookRequest request) throws UnparseableException {
        return single(ADAPTER, CHANNEL, request);
    }

    @Test
    void everySampleOfTheFolderIsCovered() {
        assertEquals(List.of("captured-php__events_call_appeared_ivr.json",
                "captured-php__events_call_raw_post_values_concatenated.txt",
                "laravel-fixture__events_summary_missed.json"), TelephonyTesting.sampleNames("telephony/mango-office"));
    }

    @Test
    void appearedInIvrIsALeadFromTheCaller() throws UnparseableException {
        Inquiry i = parse(post("/events/call", sample("captured-php__events_call_appeared_ivr.json")));
        assertEquals(Kind.LEAD, i.kind());
        assertEquals(List.of("+79997356761"), i.contact().phones());
        assertEquals("+74994509495", i.extra().get("line"));
        assertEquals("ivr", i.extra().get("location"));
        assertEquals(new CallInfo("MzQ1Mzc1MzUxMzoxNjE=", CallDirection.IN, "Appeared", null), i.call().withoutDetails());
        assertEquals("MzQ1Mzc1MzUxMzoxNjE=:MToxMDA3MTYxNToxNjE6Nzc2MTY1NjA4OjE=:1", i.externalId());
        assertEquals(Instant.ofEpochSecond(1513707786), i.occurredAt());
    }

    @Test
    void rawPostValuesSplitIntoTheThreeFormFields() throws UnparseableException {
        String raw = sample("captured-php__events_call_raw_post_values_concatenated.txt");
        String key = raw.substring(0, 32);
        String sign = raw.substring(32, 96);
        String json = raw.substring(96);
        assertEquals(KEY, key);
        assertEquals("84728bcec48b2431d7569a86d2e7520184e931ea3a7bcb9852f71f0808bb3115", sign);
        assertEquals(sample("captured-php__events_call_appeared_ivr.json"), json);
        HookRequest request = form("/events/call", URL, encode("vpbx_api_key", key, "sign", sign, "json", json));
        MangoForm fields = MangoForm.of(request);
        assertEquals(new MangoForm(key, sign, json), fields, "fields read back exactly as posted");
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request, CHANNEL), "the real salt is unknown");
        assertEquals("Appeared", ADAPTER.parse(request, CHANNEL).get(0).call().event());
    }

    @Test
    void missedSummaryIsALeadWithTheLineKeptRaw() throws UnparseableException {
        Inquiry i = parse(post("/events/summary", sample("laravel-fixture__events_summary_missed.json")));
        assertEquals(Kind.LEAD, i.kind());
        assertEquals(List.of("+79197212620"), i.contact().phones());
        assertEquals("7800123456789", i.extra().get("line"), "13 digits: not a valid RU number, kept raw");
        assertEquals(new CallInfo("232wc3e3w3s222", CallDirection.IN, "summary", true), i.call().withoutDetails());
        assertEquals("232wc3e3w3s222:summary", i.externalId());
        assertEquals(Instant.ofEpochSecond(1399906990), i.occurredAt());
        assertEquals("1170", i.extra().get("cause"));
        assertEquals("1", i.extra().get("entryResult"));
        assertEquals("0", i.extra().get("duration"));
        assertTrue(i.contact().rawPhones().isEmpty(), "our line never goes to the contact");
    }
}
