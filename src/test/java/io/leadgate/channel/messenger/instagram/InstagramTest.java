package io.leadgate.channel.messenger.instagram;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadgate.channel.messenger.meta.MessengerHooks.fixture;
import static io.leadgate.channel.messenger.meta.MessengerHooks.hmacSha256Hex;
import static io.leadgate.channel.messenger.meta.MessengerHooks.post;
import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instagram messaging, from project-made fixtures in the documented {@code object: instagram} envelope. */
class InstagramTest {

    private static final InstagramAdapter ADAPTER = new InstagramAdapter();
    private static final ChannelDefinition CHANNEL = MessengerHooks.channel(Provider.INSTAGRAM,
            Map.of("app-secret", "ig-secret", "verify-token", "v"));

    private static List<Inquiry> parse(String name) throws UnparseableException {
        return MessengerHooks.parseFixture(ADAPTER, CHANNEL, "instagram/" + name);
    }

    @Test
    void signedTextMessageIsALead() throws UnparseableException {
        byte[] body = fixture("instagram/text.json");
        String signature = "sha256=" + hmacSha256Hex("ig-secret", body);
        assertEquals(Verification.VALID, ADAPTER.verify(post(body, Map.of("X-Hub-Signature-256", signature)), CHANNEL));
        Inquiry item = single(parse("text.json"));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals("instagram", item.provider());
        assertEquals("instagram:1254459154682919", item.contact().handles().get(0).key());
        assertEquals("Hi! Is the blue jacket still available?", item.text());
        assertEquals("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ0", item.externalId());
        assertEquals(Instant.ofEpochMilli(1712000009500L), item.occurredAt());
        assertEquals("17841405309211844", item.extra().get("recipientId"));
    }

    @Test
    void storyReplyEchoReadAndDeletion() throws UnparseableException {
        List<Inquiry> items = parse("story_reply_echo_read_deleted.json");
        assertEquals(4, items.size());
        Inquiry storyReply = items.get(0);
        assertEquals(Kind.LEAD, storyReply.kind());
        assertEquals("3312345678901234567", storyReply.extra().get("storyId"));
        assertEquals(List.of(new Attachment(null, "image/*", null,
                "https://lookaside.fbsbx.example/ig_messaging_cdn/?asset_id=1798")), storyReply.attachments());
        assertEquals(Reason.ECHO, items.get(1).reason());
        assertEquals(Reason.READ_RECEIPT, items.get(2).reason());
        assertEquals("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ2:read", items.get(2).externalId());
        Inquiry deleted = items.get(3);
        assertEquals(Kind.UPDATE, deleted.kind());
        assertEquals(Reason.DELETED_MESSAGE, deleted.reason());
        assertTrue(deleted.externalId().endsWith(":deleted"));
    }

    @Test
    void igMeLinkRefBecomesUtm() throws UnparseableException {
        Inquiry item = single(parse("igme_referral.json"));
        assertEquals(Kind.LEAD, item.kind());
        assertEquals(Map.of("utm_source", "site", "utm_medium", "button"), item.attribution().utm());
        assertEquals("IGME", item.extra().get("referralSource"));
    }
}
