package io.leadgate.channel.messenger.facebook;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.messenger.meta.MessengerHooks;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.channel.messenger.meta.MessengerHooks.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Project-made Messenger cases written from the Messenger Platform webhook event reference. */
class FacebookFixturesTest {

    private static final FacebookAdapter ADAPTER = new FacebookAdapter();
    private static final ChannelDefinition CHANNEL = MessengerHooks.channel(Provider.FACEBOOK,
            Map.of("app-secret", "s", "verify-token", "v"));

    private static List<Inquiry> parse(String name) throws UnparseableException {
        return MessengerHooks.parseFixture(ADAPTER, CHANNEL, "facebook/" + name);
    }

    @Test
    void pagesOwnMessageIsAnIgnoredEcho() throws UnparseableException {
        Inquiry echo = single(parse("echo.json"));
        assertEquals(Kind.IGNORED, echo.kind());
        assertEquals(Reason.ECHO, echo.reason());
        assertEquals("m_echoAbCdEf123", echo.externalId());
        assertTrue(echo.contact().handles().isEmpty());
    }

    @Test
    void readAndDeliveryReceiptsAreIgnored() throws UnparseableException {
        List<Inquiry> items = parse("read_and_delivery.json");
        assertEquals(List.of(Reason.READ_RECEIPT, Reason.DELIVERY_STATUS), items.stream().map(Inquiry::reason).toList());
        assertTrue(items.stream().allMatch(i -> i.kind() == Kind.IGNORED));
        assertEquals("6543219876543210:read:1712000000400", items.get(0).externalId());
    }

    @Test
    void editedMessageIsAnUpdateWithItsOwnKey() throws UnparseableException {
        Inquiry edit = single(parse("message_edit.json"));
        assertEquals(Kind.UPDATE, edit.kind());
        assertEquals(Reason.EDITED_MESSAGE, edit.reason());
        assertEquals("m_clientMsg0001:edit:1", edit.externalId());
        assertEquals("Нужна доставка в Казань, не в Москву", edit.text());
        assertEquals(List.of("m_clientMsg0001"), edit.thread().references());
    }

    @Test
    void getStartedRefBecomesAttribution() throws UnparseableException {
        Inquiry start = single(parse("get_started_with_ref.json"));
        assertEquals(Kind.LEAD, start.kind());
        assertEquals("Get Started", start.text());
        assertEquals(Map.of("utm_source", "instagram_bio", "utm_campaign", "spring"), start.attribution().utm());
        assertEquals("utm_source=instagram_bio&utm_campaign=spring", start.extra().get("ref"));
        assertTrue(start.attribution().ad().isEmpty());
        assertEquals("6543219876543210:1712000003400", start.externalId());
    }

    @Test
    void adReferralAndOptinAreLeadsWithAttribution() throws UnparseableException {
        List<Inquiry> items = parse("ad_referral_and_optin.json");
        Inquiry ad = items.get(0);
        assertEquals(Kind.LEAD, ad.kind());
        assertEquals(Map.of("utm_campaign", "spring_sale"), ad.attribution().utm());
        assertEquals("23851234567890123", ad.attribution().ad().get("sourceId"));
        assertEquals("Весенняя распродажа", ad.attribution().ad().get("headline"));
        assertEquals("ADS", ad.attribution().ad().get("sourceType"));
        Inquiry optin = items.get(1);
        assertEquals(Kind.LEAD, optin.kind());
        assertEquals(Map.of("utm_campaign", "landing_form"), optin.attribution().utm());
        assertEquals("facebook:6543219876543211", optin.contact().handles().get(0).key());
    }

    @Test
    void replyAttachmentsLocationAndReaction() throws UnparseableException {
        List<Inquiry> items = parse("reply_and_reaction.json");
        Inquiry reply = items.get(0);
        assertEquals(List.of("m_echoAbCdEf123"), reply.thread().inReplyTo());
        assertEquals(List.of(new Attachment(null, null, null, "https://cdn.fbsbx.example/v/t59/brief.pdf")),
                reply.attachments());
        assertEquals("55.7558,37.6173", reply.extra().get("location"));
        Inquiry reaction = items.get(1);
        assertEquals(Kind.LEAD, reaction.kind());
        assertEquals("❤", reaction.extra().get("reaction"));
        assertEquals("6543219876543210:1712000005600", reaction.externalId());
    }
}
