package io.leadgate.channel.messenger.telegram;

import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rows of EXPECTED.md "messengers/telegram" for every sample in the folder. The tg-docs samples all carry
 * update_id 10000: each is parsed on its own, as an independent case.
 */
class TelegramGoldenTest {

    private static final String FOLDER = "messengers/telegram";
    private static final Handle TEST_USER = new Handle("telegram", "1111111", "Testusername");
    private static final Handle ZAMMAD_USER = new Handle("telegram", "111111", "Testusername");
    private static final String TEST_NAME = "Test Firstname Test Lastname";
    private static final Instant DOCS_DATE = Instant.ofEpochSecond(1441645532);

    static Stream<String> samples() {
        return Conformance.files(FOLDER, ".json").stream().map(p -> p.getFileName().toString());
    }

    @Test
    void folderHasTheTenDocumentedSamples() {
        assertEquals(10, samples().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsVerifiedWithTheSecretToken(String file) {
        byte[] body = Conformance.bytes(FOLDER + "/" + file);
        assertTrue(TelegramHooks.ADAPTER.verify(TelegramHooks.request(body, TelegramHooks.TOKEN),
                TelegramHooks.CHANNEL).valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesTheExpectedFacts(String file) {
        Inquiry i = TelegramHooks.parseOne(Conformance.bytes(FOLDER + "/" + file));
        assertEquals("telegram", i.provider());
        assertTrue(i.contact().phones().isEmpty() && i.contact().rawPhones().isEmpty(), "no sample carries a phone");
        assertTrue(i.attribution().isEmpty(), "no sample carries a deep-link payload");
        switch (file) {
            case "tg-docs__message_text_start.json" -> {
                expect(i, Kind.LEAD, TEST_NAME, TEST_USER, "/start", "10000");
                assertEquals(DOCS_DATE, i.occurredAt());
                assertEquals("1365", i.extra().get("messageId"));
                assertNull(i.extra().get("chatId"), "a private chat is the user: no chat extra");
            }
            case "tg-docs__message_forwarded.json" -> {
                expect(i, Kind.LEAD, TEST_NAME, TEST_USER, "/start", "10000");
                assertEquals("true", i.extra().get("forwarded"));
                assertFalse(i.contact().handles().stream().anyMatch(h -> h.id().equals("222222")),
                        "forward_from is not the contact");
            }
            case "tg-docs__message_reply.json" -> {
                expect(i, Kind.LEAD, TEST_NAME, TEST_USER, "/start", "10000");
                assertEquals(List.of("1111112:1334"), i.thread().inReplyTo());
                assertEquals("1111112:1334", i.extra().get("replyTo"));
            }
            case "tg-docs__message_document.json" -> {
                expect(i, Kind.LEAD, TEST_NAME, TEST_USER, null, "10000");
                assertEquals(List.of(new Attachment("Testfile.pdf", "application/pdf", 536392L,
                        "AwADBAADbXXXXXXXXXXXGBdhD2l6_XX")), i.attachments());
            }
            case "tg-docs__callback_query.json" -> {
                expect(i, Kind.UPDATE, TEST_NAME, TEST_USER, "Data from button callback", "4382bfdwdsb323b2d9");
                assertEquals(Reason.BUTTON_PRESS, i.reason());
                assertEquals("1234csdbsk4839", i.extra().get("inlineMessageId"));
                assertNull(i.extra().get("chatId"), "no message: no chat");
            }
            case "telegrambots-java__Update.json" -> {
                expect(i, Kind.LEAD, TEST_NAME, TEST_USER, "Bold and italics", "10000");
                assertEquals("edited_message, callback_query, inline_query, chosen_inline_result",
                        i.extra().get("ignoredPayloads"));
                assertEquals(List.of("Testfile.pdf", "audio/mpeg", "audio/ogg"),
                        i.attachments().stream().map(a -> a.name() != null ? a.name() : a.contentType()).toList());
                assertEquals(List.of("1111112:1334"), i.thread().inReplyTo());
            }
            case "zammad__private_start.json" -> expect(i, Kind.LEAD, TEST_NAME, ZAMMAD_USER, "/start", "1");
            case "zammad__private_text.json" ->
                    expect(i, Kind.LEAD, TEST_NAME, ZAMMAD_USER, "Hello, I need your Help", "5");
            case "zammad__channel_text.json" -> {
                expect(i, Kind.IGNORED, null, null, "Hello, I need your Help", "10001");
                assertEquals(Reason.CHANNEL_POST, i.reason());
                assertEquals(Map.of("chatId", "123456789", "chatType", "channel", "chatTitle", "ZBotChannel",
                        "messageId", "1365"), i.extra());
            }
            case "captured-php-comment__supergroup_text.json" -> {
                expect(i, Kind.LEAD, "Matsumoto. CXA", new Handle("telegram", "526634663", "MatsumotoX"),
                        "Hi p bot", "145511648");
                assertEquals("-1001319789908", i.extra().get("chatId"));
                assertEquals("supergroup", i.extra().get("chatType"));
                assertEquals("CXABottesting", i.extra().get("chatTitle"));
                assertEquals(Instant.ofEpochSecond(1529445769), i.occurredAt());
            }
            default -> fail("no expectation written for " + file);
        }
    }

    private static void expect(Inquiry i, Kind kind, String name, Handle handle, String text, String externalId) {
        assertEquals(kind, i.kind());
        assertEquals(name, i.contact().name());
        assertEquals(handle == null ? List.of() : List.of(handle), i.contact().handles());
        assertEquals(text, i.text());
        assertEquals(externalId, i.externalId());
        if (kind == Kind.LEAD) {
            assertNull(i.reason());
        }
    }
}
