package io.leadgate.channel.messenger.viber;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.messenger.meta.MessengerHooks.changedByte;
import static io.leadgate.channel.messenger.meta.MessengerHooks.fixture;
import static io.leadgate.channel.messenger.meta.MessengerHooks.hmacSha256Hex;
import static io.leadgate.channel.messenger.meta.MessengerHooks.post;
import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static io.leadgate.channel.messenger.meta.MessengerHooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Viber: the EXPECTED.md row, signature checks and project-made callbacks from the REST bot API reference. */
class ViberTest {

    private static final String SAMPLE = "messengers/viber/viber-bot-python__unicode_request.json";
    private static final String TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
    private static final ViberAdapter ADAPTER = new ViberAdapter();
    private static final ChannelDefinition CHANNEL = MessengerHooks.channel(Provider.VIBER, Map.of("auth-token", TOKEN));

    private static Inquiry parse(byte[] body) throws UnparseableException {
        return single(MessengerHooks.parse(ADAPTER, CHANNEL, body));
    }

    private static Verification verify(byte[] body, Map<String, String> headers) {
        return ADAPTER.verify(post(body, headers), CHANNEL);
    }

    @Test
    void everySampleIsCovered() {
        List<Path> files = Conformance.files("messengers/viber", ".json");
        assertEquals(List.of("viber-bot-python__unicode_request.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void unicodeMessageGivesExpectedFacts() throws UnparseableException {
        Inquiry item = parse(Conformance.bytes(SAMPLE));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("viber", item.provider());
        assertEquals("4912661846655238145", item.externalId());
        assertEquals("viber:01234567890A=", item.contact().handles().get(0).key());
        assertEquals("ふで都急ぼちラり面関ごル期販ずラ否裁ぞるめ数努むや正記味てょ", item.contact().name());
        assertEquals("批封廟根縄華勢田郎報株聞。変宝長独部鉱内出殺反提似惑金参勧車査真測。見名基現画府日室事集百藤米。"
                + "発目本当党考万名東拓学早職表治月佐。町要静子呉遊推写間確長無読死覧件一盛治融。", item.text());
        assertEquals("אל תעקוב אחרי!", item.extra().get("trackingData"));
        assertEquals(Instant.ofEpochMilli(1457764197627L), item.occurredAt());
        assertTrue(item.contact().phones().isEmpty());
    }

    @Test
    void acceptsValidSignature() {
        byte[] body = Conformance.bytes(SAMPLE);
        assertEquals(Verification.VALID, verify(body, Map.of("X-Viber-Content-Signature", hmacSha256Hex(TOKEN, body))));
    }

    @Test
    void rejectsChangedByte() {
        byte[] body = Conformance.bytes(SAMPLE);
        assertEquals(Verification.BAD_SIGNATURE,
                verify(changedByte(body), Map.of("X-Viber-Content-Signature", hmacSha256Hex(TOKEN, body))));
    }

    @Test
    void rejectsWrongSecret() {
        byte[] body = Conformance.bytes(SAMPLE);
        assertEquals(Verification.BAD_SIGNATURE,
                verify(body, Map.of("X-Viber-Content-Signature", hmacSha256Hex("other-token", body))));
    }

    @Test
    void missingHeaderIsMissing() {
        assertEquals(Verification.MISSING, verify(Conformance.bytes(SAMPLE), Map.of()));
    }

    @Test
    void queryLikeContextBecomesUtmAndClickIds() throws UnparseableException {
        Inquiry item = parse(fixture("viber/conversation_started_utm.json"));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("5741311803571721087", item.externalId());
        assertEquals("Ирина Ковалёва", item.contact().name());
        assertEquals(Map.of("utm_source", "yandex", "utm_medium", "cpc", "utm_campaign", "spring"), item.attribution().utm());
        assertEquals(Map.of("yclid", "987654321"), item.attribution().clickIds());
        assertEquals("utm_source=yandex&utm_medium=cpc&utm_campaign=spring&yclid=987654321", item.extra().get("context"));
    }

    @Test
    void bareContextIsKeptAsCampaign() throws UnparseableException {
        Inquiry item = parse(fixture("viber/conversation_started_bare_context.json"));
        assertEquals(Map.of("utm_campaign", "winter_promo"), item.attribution().utm());
        assertEquals("true", item.extra().get("subscribed"));
    }

    @Test
    void subscribedIsALead() throws UnparseableException {
        Inquiry item = parse(fixture("viber/subscribed.json"));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("5741311803571721089", item.externalId());
        assertEquals("John McClane", item.contact().name());
    }

    @Test
    void receiptsAndServiceEventsAreIgnored() throws UnparseableException {
        String[] lines = new String(fixture("viber/receipts_and_service.jsonl"), StandardCharsets.UTF_8).split("\n");
        List<String> reasons = new java.util.ArrayList<>();
        for (String line : lines) {
            Inquiry item = parse(utf8(line));
            assertEquals(Kind.IGNORED, item.kind(), line);
            reasons.add(Reason.codeOf(item.reason()));
        }
        assertEquals(List.of("delivery-status", "read-receipt", "delivery-status", "service-event", "service-event"), reasons);
        assertEquals("5741311803571721090:delivered", parse(utf8(lines[0])).externalId());
        assertEquals("5741311803571721090:seen", parse(utf8(lines[1])).externalId());
    }

    @Test
    void tokensBeyondDoublePrecisionAreKeptExactly() throws UnparseableException {
        Inquiry item = parse(fixture("viber/picture_message.json"));
        assertEquals("18446744073709551615", item.externalId());
        assertEquals(List.of(new Attachment("IMG_2041.jpg", null, 184326L,
                "https://dl-media.viber.example/5/share/2/long/vibes/icon/image/0x0/95e0/5688fdffdaa6.jpg")), item.attachments());
        assertEquals("Вот фото поломки", item.text());
    }

    @Test
    void sharedContactStaysOutOfTheSendersContact() throws UnparseableException {
        Inquiry item = parse(fixture("viber/contact_message.json"));
        assertEquals("Пётр Иванов +79161234567", item.extra().get("sharedContacts"));
        assertTrue(item.contact().phones().isEmpty());
        assertEquals("lead-form-step-2", item.extra().get("trackingData"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"timestamp\":1}", ""})
    void refusesBodiesThatAreNotCallbacks(String body) {
        assertThrows(UnparseableException.class, () -> ADAPTER.parse(post(utf8(body), Map.of()), CHANNEL));
    }

    @Test
    void repliesPlain200() {
        var reply = ADAPTER.reply(post(new byte[0], Map.of()), CHANNEL, new HookOutcome(null, List.of()));
        assertEquals(200, reply.status());
    }
}
