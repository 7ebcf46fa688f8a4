package io.leadgate.channel.messenger.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.leadgate.channel.messenger.meta.MessengerHooks.hmacSha256Hex;
import static io.leadgate.channel.messenger.meta.MessengerHooks.post;
import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EXPECTED.md rows for messengers/whatsapp, over every sample and every value of the pywa collections. */
class WhatsAppGoldenTest {

    private static final String FOLDER = "messengers/whatsapp/";
    private static final String SECRET = "wa-app-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WhatsAppAdapter ADAPTER = new WhatsAppAdapter();
    private static final ChannelDefinition CHANNEL = MessengerHooks.channel(Provider.WHATSAPP,
            Map.of("app-secret", SECRET, "verify-token", "vt"));

    /** file, kind, reason, contact name, E.164 phone, text, externalId. */
    record Row(String file, Kind kind, String reason, String name, String phone, String text, String externalId) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Row> rows() {
        String name = "Test Name";
        String phone = "+972987654321";
        return List.of(
                new Row("pywa__message__text.json", Kind.LEAD, null, name, phone, "Body Text", "wamid.xyzxyz"),
                new Row("pywa__message__contacts.json", Kind.LEAD, null, name, phone, null, "wamid.xyzxyz"),
                new Row("pywa__message__reply.json", Kind.LEAD, null, name, phone, "replied text", "wamid.xyzxyz"),
                new Row("pywa__message__referral.json", Kind.LEAD, null, name, phone, "BODY", "wamid.ID"),
                new Row("pywa__message__image.json", Kind.LEAD, null, name, phone, null, "wamid.xyzxyz"),
                new Row("pywa__message__current_location.json", Kind.LEAD, null, name, phone, null, "wamid.xyzxyz"),
                new Row("pywa__message__forwarded.json", Kind.LEAD, null, name, phone, "forwarded text", "wamid.xyzxyz"),
                new Row("pywa__message__unsupported.json", Kind.LEAD, null, name, phone, null, "wamid.xyzxyz"),
                new Row("pywa__callback_button__button.json", Kind.UPDATE, "button-reply", name, phone, "title", "wamid.xyzxyz"),
                new Row("pywa__callback_button__quick_reply.json", Kind.UPDATE, "button-reply", name, phone, "title", "wamid.xsidjw"),
                new Row("pywa__callback_selection__callback.json", Kind.UPDATE, "list-reply", name, phone, "title", "wamid.zyzxyz"),
                new Row("pywa__message_status__sent.json", Kind.IGNORED, "delivery-status", null, phone, null, "wamid.xyzxyz:sent"),
                new Row("pywa__message_status__delivered.json", Kind.IGNORED, "delivery-status", null, phone, null, "wamid.xyzxyz:delivered"),
                new Row("pywa__message_status__read.json", Kind.IGNORED, "delivery-status", null, phone, null, "wamid.xyzxyz:read"),
                new Row("pywa__message_status__failed.json", Kind.IGNORED, "delivery-status", null, phone, null, "wamid.xyzxyz:failed"));
    }

    private static Inquiry item(String file) throws UnparseableException {
        return single(MessengerHooks.parse(ADAPTER, CHANNEL, Conformance.bytes(FOLDER + file)));
    }

    @Test
    void everySampleHasAnExpectedRow() {
        Set<String> expected = rows().stream().map(Row::file).collect(Collectors.toSet());
        List<Path> files = Conformance.files(FOLDER, ".json");
        assertFalse(files.isEmpty());
        files.forEach(f -> assertTrue(expected.contains(f.getFileName().toString()), "no expectation for " + f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sampleGivesExpectedFacts(Row row) throws UnparseableException {
        byte[] body = Conformance.bytes(FOLDER + row.file());
        String signature = "sha256=" + hmacSha256Hex(SECRET, body);
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, Map.of("X-Hub-Signature-256", signature)), CHANNEL));
        Inquiry item = item(row.file());
        assertEquals(ChannelFamily.MESSENGER, item.channel());
        assertEquals("whatsapp", item.provider());
        assertEquals(row.kind(), item.kind());
        assertEquals(row.reason(), Reason.codeOf(item.reason()));
        assertEquals(row.externalId(), item.externalId());
        assertEquals(row.text(), item.text());
        assertEquals(row.name(), item.contact().name());
        assertEquals(List.of(row.phone()), item.contact().phones());
        assertEquals(List.of(), item.contact().rawPhones());
        assertEquals("whatsapp:972987654321", item.contact().handles().get(0).key());
        assertNotNull(item.occurredAt());
        assertEquals("1122334455667", item.extra().get("businessPhoneNumberId"));
        assertEquals("972123456789", item.extra().get("businessDisplayPhoneNumber"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void businessLineNeverBecomesTheContact(Row row) throws UnparseableException {
        Inquiry item = item(row.file());
        assertFalse(item.contact().phones().contains("+972123456789"));
        assertFalse(item.contact().phones().contains("+1122334455667"));
    }

    @Test
    void textCarriesTimeAndNoAttribution() throws UnparseableException {
        Inquiry item = item("pywa__message__text.json");
        assertEquals(Instant.ofEpochSecond(1697043223), item.occurredAt());
        assertTrue(item.attribution().isEmpty());
        assertTrue(item.thread().isEmpty());
    }

    @Test
    void sharedContactsGoToExtraNotToTheSender() throws UnparseableException {
        Inquiry item = item("pywa__message__contacts.json");
        assertEquals("Chandler Bing +15555555555 (CELL); Monica +16666666666 (HOME); Rachel Green +17777777777 (WORK)",
                item.extra().get("sharedContacts"));
        assertEquals(List.of("+972987654321"), item.contact().phones());
    }

    @Test
    void replyKeepsTheQuotedMessage() throws UnparseableException {
        assertEquals(List.of("wamid.xyzxyz=="), item("pywa__message__reply.json").thread().inReplyTo());
    }

    @Test
    void clickToWhatsAppAdBecomesAdAttribution() throws UnparseableException {
        var attribution = item("pywa__message__referral.json").attribution();
        assertEquals("ADID", attribution.ad().get("sourceId"));
        assertEquals("ad or post", attribution.ad().get("sourceType"));
        assertEquals("AD_OR_POST_FB_URL", attribution.ad().get("sourceUrl"));
        assertEquals("AD_TITLE", attribution.ad().get("headline"));
        assertEquals("AD_DESCRIPTION", attribution.ad().get("body"));
        assertEquals("CTWA_CLID", attribution.ad().get("ctwaClid"));
        assertEquals(Map.of("ctwa_clid", "CTWA_CLID"), attribution.clickIds());
        assertTrue(attribution.utm().isEmpty());
    }

    @Test
    void imageIsAnAttachmentWithMediaIdAndMimeType() throws UnparseableException {
        assertEquals(List.of(new Attachment(null, "image/jpeg", null, "65463453")),
                item("pywa__message__image.json").attachments());
    }

    @Test
    void locationAndForwardedFlagGoToExtra() throws UnparseableException {
        Inquiry item = item("pywa__message__current_location.json");
        assertEquals("12.25089,43.90539", item.extra().get("location"));
        assertEquals("true", item.extra().get("forwarded"));
        assertEquals("true", item("pywa__message__forwarded.json").extra().get("forwarded"));
    }

    @Test
    void unsupportedMessageKeepsTheError() throws UnparseableException {
        Inquiry item = item("pywa__message__unsupported.json");
        assertTrue(item.extra().get("errors").startsWith("131051"));
        assertTrue(item.attachments().isEmpty());
    }

    @Test
    void buttonPressesAreUpdatesWithPayload() throws UnparseableException {
        Inquiry button = item("pywa__callback_button__button.json");
        assertEquals("callback_data", button.extra().get("payload"));
        assertEquals(List.of("wamid.xyzxyz"), button.thread().inReplyTo());
        assertEquals("5467539754836534", button.extra().get("wabaId"));
        assertEquals("callback_data", item("pywa__callback_button__quick_reply.json").extra().get("payload"));
        assertEquals("callback_data", item("pywa__callback_selection__callback.json").extra().get("payload"));
    }

    @Test
    void statusesKeepStatusAndErrors() throws UnparseableException {
        Inquiry sent = item("pywa__message_status__sent.json");
        assertEquals("7270432eae37498234f4444b35ffc5", sent.extra().get("conversationId"));
        assertEquals("service", sent.extra().get("pricingCategory"));
        assertTrue(item("pywa__message_status__failed.json").extra().get("errors").startsWith("130472"));
    }

    static Stream<Arguments> collectionValues() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path file : Conformance.files(FOLDER + "pywa-collections", ".json")) {
            JsonNode root = JSON.readTree(file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String collection = file.getFileName().toString().replace("pywa__", "").replace(".json", "");
                out.add(Arguments.of(collection + "/" + e.getKey(), JSON.writeValueAsBytes(e.getValue())));
            }
        }
        return out.stream();
    }

    /** Kinds that differ from the collection's default (message → lead, callbacks → update, status → ignored). */
    private static final Map<String, Kind> KIND_EXCEPTIONS = Map.of(
            "message/unreaction_empty", Kind.UPDATE,
            "message/unreaction_no_emoji", Kind.UPDATE,
            "message/interactive_message_with_err", Kind.UPDATE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("collectionValues")
    void everyCollectionValueParsesToOneKeyedItem(String name, byte[] body) throws UnparseableException {
        String signature = "sha256=" + hmacSha256Hex(SECRET, body);
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, Map.of("X-Hub-Signature-256", signature)), CHANNEL));
        Inquiry item = single(MessengerHooks.parse(ADAPTER, CHANNEL, body));
        Kind expected = KIND_EXCEPTIONS.getOrDefault(name, name.startsWith("message_status/") ? Kind.IGNORED
                : name.startsWith("message/") ? Kind.LEAD : Kind.UPDATE);
        assertEquals(expected, item.kind());
        assertNotNull(item.externalId());
        assertNotNull(item.occurredAt());
        if (!name.startsWith("message_status/")) {
            assertEquals("Test Name", item.contact().name());
            assertEquals(List.of("+972987654321"), item.contact().phones());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void extractedSampleEqualsItsCollectionValue(Row row) throws IOException, UnparseableException {
        String[] parts = row.file().replace(".json", "").split("__");
        JsonNode value = JSON.readTree(Conformance.file(FOLDER + "pywa-collections/pywa__" + parts[1] + ".json").toFile())
                .get(parts[2]);
        Inquiry fromCollection = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(value)));
        assertEquals(InquiryJson.toJson(item(row.file())), InquiryJson.toJson(fromCollection));
    }

    @Test
    void mediaOfEveryKindBecomesAnAttachment() throws Exception {
        Map<String, Attachment> expected = Map.of(
                "video", new Attachment(null, "video/mp4", null, "765756756"),
                "document", new Attachment("filename.pdf", "application/pdf", null, "1234567890987654321"),
                "voice", new Attachment(null, "audio/ogg; codecs=opus", null, "1234567890987654321"),
                "animated_sticker", new Attachment(null, "image/webp", null, "1234567890987654321"));
        JsonNode collection = JSON.readTree(Conformance.file(FOLDER + "pywa-collections/pywa__message.json").toFile());
        for (var e : expected.entrySet()) {
            Inquiry item = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(collection.get(e.getKey()))));
            assertEquals(List.of(e.getValue()), item.attachments(), e.getKey());
        }
        Inquiry video = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(collection.get("video"))));
        assertEquals("caption", video.text());
    }

    @Test
    void reactionsOrdersAndNamedLocationsKeepTheirFacts() throws Exception {
        JsonNode collection = JSON.readTree(Conformance.file(FOLDER + "pywa-collections/pywa__message.json").toFile());
        Inquiry reaction = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(collection.get("reaction"))));
        assertEquals("😮", reaction.extra().get("reaction"));
        assertEquals(List.of("wamid.yzxyzx="), reaction.thread().inReplyTo());
        Inquiry removed = single(MessengerHooks.parse(ADAPTER, CHANNEL,
                JSON.writeValueAsBytes(collection.get("unreaction_empty"))));
        assertEquals(Reason.REACTION_REMOVED, removed.reason());
        Inquiry order = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(collection.get("order"))));
        assertNull(order.text());
        assertTrue(order.extra().get("order").startsWith("HAMBURGER x3 @ 30 ILS"));
        Inquiry place = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(collection.get("chosen_location"))));
        assertEquals("Facebook HQ", place.extra().get("locationName"));
        assertEquals("37.4611978,-122.2164385", place.extra().get("location"));
    }

    @Test
    void groupStatusHasNoPersonAsContact() throws Exception {
        JsonNode collection = JSON.readTree(Conformance.file(FOLDER + "pywa-collections/pywa__message_status.json").toFile());
        Inquiry group = single(MessengerHooks.parse(ADAPTER, CHANNEL, JSON.writeValueAsBytes(collection.get("group"))));
        assertFalse(group.contact().identifiable());
        assertEquals("<WHATSAPP_MESSAGE_ID>:read", group.externalId());
    }
}
