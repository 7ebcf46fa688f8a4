package io.leadgate.channel.messenger.telegram;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.messenger.telegram.TelegramHooks.ADAPTER;
import static io.leadgate.channel.messenger.telegram.TelegramHooks.CHANNEL;
import static io.leadgate.channel.messenger.telegram.TelegramHooks.TOKEN;
import static io.leadgate.channel.messenger.telegram.TelegramHooks.fixture;
import static io.leadgate.channel.messenger.telegram.TelegramHooks.parseOne;
import static io.leadgate.channel.messenger.telegram.TelegramHooks.request;
import static io.leadgate.channel.messenger.telegram.TelegramHooks.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramAdapterTest {

    private static final byte[] TEXT = fixture("edited_message.json");
    private static final Handle ANNA = new Handle("telegram", "424242", "anna_s");

    @Test
    void acceptsTheConfiguredSecretToken() {
        assertEquals(Verification.VALID, ADAPTER.verify(request(TEXT, TOKEN), CHANNEL));
    }

    @Test
    void rejectsAWrongSecretToken() {
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request(TEXT, TOKEN + "x"), CHANNEL));
        assertEquals(Verification.BAD_SIGNATURE, ADAPTER.verify(request(TEXT, "s3cr3t-Token_43"), CHANNEL));
    }

    @Test
    void rejectsARequestWithoutTheSecretTokenHeader() {
        assertEquals(Verification.MISSING, ADAPTER.verify(request(TEXT, null), CHANNEL));
    }

    @Test
    void answersEmptyJsonAlsoForARedelivery() {
        for (HookOutcome.Result result : HookOutcome.Result.values()) {
            HookReply reply = ADAPTER.reply(request(TEXT, TOKEN), CHANNEL,
                    new HookOutcome(1L, List.of(new HookOutcome.Item(result, null, null, null))));
            assertEquals(200, reply.status());
            assertEquals("{}", reply.body());
        }
    }

    @Test
    void readsOnlyJson() {
        assertTrue(ADAPTER.accepts("application/json"));
        assertTrue(!ADAPTER.accepts("application/x-www-form-urlencoded"));
    }

    @Test
    void refusesASecretTokenTelegramCannotSend() {
        ChannelDefinition bad = new ChannelDefinition("tg", Provider.TELEGRAM, true, "RU", "tg",
                Map.of("secret-token", "has spaces!"), Path.of("tg.yaml"));
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> ADAPTER.validate(bad));
        assertTrue(e.getMessage().contains("settings.secret-token"));
        ADAPTER.validate(CHANNEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"message\":{\"text\":\"hi\"}}", "{\"update_id\":\"x\"}",
            "{\"update_id\":1,\"message\":\"text\"}", "{\"update_id\":1,\"message\":{\"from\":[1]}}"})
    void bodiesThatAreNotUpdatesAreUnparseable(String body) {
        assertThrows(UnparseableException.class,
                () -> ADAPTER.parse(request(body.getBytes(StandardCharsets.UTF_8), TOKEN), CHANNEL));
    }

    @Test
    void base64DeepLinkGivesUtmAttribution() {
        Inquiry i = parseOne(fixture("start_deep_link_base64.json"));
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Анна Смирнова", i.contact().name());
        assertEquals(Map.of("utm_source", "vk", "utm_medium", "cpc", "utm_campaign", "spring"), i.attribution().utm());
        assertEquals("dXRtX3NvdXJjZT12ayZ1dG1fbWVkaXVtPWNwYyZ1dG1fY2FtcGFpZ249c3ByaW5n", i.extra().get("startPayload"));
    }

    @Test
    void keyValueDeepLinkGivesUtmAttribution() {
        Inquiry i = parseOne(fixture("start_deep_link_pairs.json"));
        assertEquals(Map.of("utm_source", "google", "utm_medium", "cpc", "utm_campaign", "spring-sale"),
                i.attribution().utm());
    }

    @Test
    void otherDeepLinkIsACampaign() {
        Inquiry i = parseOne(fixture("start_deep_link_campaign.json"));
        assertEquals(Map.of("utm_campaign", "promo_2024"), i.attribution().utm());
        assertEquals("Boris", i.contact().name());
    }

    @Test
    void ownSharedContactGivesTheSenderAPhone() {
        Inquiry i = parseOne(fixture("contact_own.json"));
        assertEquals(Kind.LEAD, i.kind());
        assertEquals(List.of("+79161234567"), i.contact().phones());
        assertEquals(List.of(new Handle("telegram", "555001", "ipetrov")), i.contact().handles());
        assertNull(i.extra().get("sharedContact"));
    }

    @Test
    void thirdPartyContactCardIsNotTheSendersPhone() {
        Inquiry i = parseOne(fixture("contact_third_party.json"));
        assertTrue(i.contact().phones().isEmpty());
        assertEquals("Ivan Petrov", i.contact().name());
        assertEquals("Olga Sidorova +79031112233 (telegram 777002)", i.extra().get("sharedContact"));
    }

    @Test
    void blockedBotInPrivateChatIsIgnoredWithTheUsersHandle() {
        Inquiry i = parseOne(fixture("my_chat_member_kicked.json"));
        assertKind(i, Kind.IGNORED, "bot-blocked");
        assertEquals(List.of(new Handle("telegram", "555001", "ipetrov")), i.contact().handles());
        assertEquals("700020", i.externalId());
    }

    @Test
    void botAddedToGroupIsAServiceEvent() {
        Inquiry i = parseOne(fixture("my_chat_member_added_to_group.json"));
        assertKind(i, Kind.IGNORED, "service-event");
        assertEquals("-1001234567890", i.extra().get("chatId"));
    }

    @Test
    void editedMessageIsAnUpdateNeverASecondLead() {
        Inquiry i = parseOne(TEXT);
        assertKind(i, Kind.UPDATE, "edited-message");
        assertEquals("700030", i.externalId());
        assertEquals("12", i.extra().get("messageId"));
        assertEquals("Нужна доставка в Казань", i.text());
        assertEquals(Instant.ofEpochSecond(1717000500), i.occurredAt());
        assertEquals(List.of(new Handle("telegram", "424242", "anna_s")), i.contact().handles());
        assertTrue(i.attribution().isEmpty());
    }

    @Test
    void groupPhotoKeepsChatCaptionLargestSizeAndReply() {
        Inquiry i = parseOne(fixture("photo_caption_group_reply.json"));
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Carl Meyer", i.contact().name());
        assertEquals("Is this one in stock?", i.text());
        assertEquals(List.of(new Attachment(null, null, 84512L, "AgACAgIAAxkBAAIBlarge")), i.attachments());
        assertEquals(List.of("-4012345678:299"), i.thread().inReplyTo());
        assertEquals("group", i.extra().get("chatType"));
        assertEquals("Kunden", i.extra().get("chatTitle"));
    }

    @Test
    void forwardOriginIsNotTheContact() {
        Inquiry i = parseOne(fixture("forward_origin.json"));
        assertEquals(List.of(new Handle("telegram", "424245", "dana")), i.contact().handles());
        assertEquals("Dana", i.contact().name());
        assertEquals("true", i.extra().get("forwarded"));
    }

    @Test
    void groupServiceMessageIsIgnored() {
        Inquiry i = parseOne(fixture("group_new_members.json"));
        assertKind(i, Kind.IGNORED, "service-event");
    }

    @Test
    void callbackFromAGroupMessageRefersToThatMessage() {
        Inquiry i = parseOne(fixture("callback_query_group.json"));
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals("3819573251938572001", i.externalId());
        assertEquals("callback:yes", i.text());
        assertEquals(List.of("-4012345678:303"), i.thread().inReplyTo());
        assertEquals("-4012345678", i.extra().get("chatId"));
        assertEquals(List.of(new Handle("telegram", "424244", "cmeyer")), i.contact().handles());
    }

    @Test
    void unsupportedUpdateTypeIsIgnored() {
        Inquiry i = parseOne(fixture("message_reaction.json"));
        assertKind(i, Kind.IGNORED, "unsupported-update");
        assertEquals("message_reaction", i.extra().get("updateType"));
    }

    @Test
    void updateWithoutPayloadIsIgnored() {
        Inquiry i = parseOne("{\"update_id\": 5, \"bid\": \"1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals("5", i.externalId());
    }

    @Test
    void messageOfAnotherBotIsIgnored() {
        Inquiry i = parseOne(("{\"update_id\":9,\"message\":{\"message_id\":1,\"date\":1,\"text\":\"hi\","
                + "\"from\":{\"id\":5,\"is_bot\":true,\"first_name\":\"B\"},\"chat\":{\"id\":-5,\"type\":\"group\"}}}")
                .getBytes(StandardCharsets.UTF_8));
        assertKind(i, Kind.IGNORED, "bot-message");
    }

    @Test
    void deepLinkIsReadOnlyFromANewMessage() {
        Inquiry i = parseOne(("{\"update_id\":10,\"edited_message\":{\"message_id\":2,\"date\":1,\"edit_date\":2,"
                + "\"text\":\"/start utm_source-google\",\"from\":{\"id\":424242,\"first_name\":\"Анна\","
                + "\"username\":\"anna_s\"},\"chat\":{\"id\":424242,\"type\":\"private\"}}}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.UPDATE, i.kind());
        assertEquals(List.of(ANNA), i.contact().handles());
        assertTrue(i.attribution().isEmpty());
    }
}
