package io.leadgate.channel.messenger.avito;

import io.leadgate.channel.messenger.meta.PayloadJson;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.Map;
import java.util.Optional;

/**
 * Maps an Avito webhook to one inquiry. A client's message is a lead from handle {@code ("avito", author_id)}
 * with the listing ({@code item_id}) as the ad it came from; the account's own messages (author = the value's
 * {@code user_id} or the configured {@code user-id}) are ignored echoes; {@code system} messages and other payload
 * types are ignored service events. Key: {@code value.id}. Pure.
 */
public final class AvitoMapper {

    static final String PROVIDER = "avito";

    private AvitoMapper() {
    }

    /** @param ownUserId the account's own Avito user id from the channel settings, when configured */
    public static Inquiry map(AvitoPayload p, String defaultRegion, Optional<String> ownUserId) {
        Inquiry.Builder b = Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER).extra("webhookId", p.id());
        AvitoPayload.Value v = p.payload().value();
        if (!"message".equals(p.payload().type()) || v == null) {
            return b.kind(Kind.IGNORED, Reason.SERVICE_EVENT).externalId(p.id())
                    .occurredAt(PayloadJson.epochSeconds(p.timestamp()))
                    .extra("payloadType", p.payload().type()).build();
        }
        b.externalId(v.id())
                .occurredAt(PayloadJson.epochSeconds(v.created() != null ? v.created() : p.timestamp()))
                .extra("chatId", v.chatId())
                .extra("chatType", v.chatType())
                .extra("messageType", v.type())
                .extra("itemId", v.itemId());
        if (v.itemId() != null && !v.itemId().isBlank()) {
            b.attribution(new Attribution(Map.of(), Map.of(), null, null, Map.of("sourceId", v.itemId())));
        }
        String author = v.authorId();
        if (author != null && (author.equals(v.userId()) || author.equals(ownUserId.orElse(null)))) {
            return b.kind(Kind.IGNORED, Reason.ECHO).build();
        }
        if ("system".equals(v.type())) { // Avito's own notices in the chat (author 0)
            return b.kind(Kind.IGNORED, Reason.SERVICE_EVENT).text(v.content() == null ? null : v.content().text()).build();
        }
        if (author != null && !author.isBlank() && !author.equals("0")) {
            b.contact(new ContactInfoBuilder(defaultRegion).handle(new Handle(PROVIDER, author, null)).build());
        }
        if ("deleted".equals(v.type())) {
            b.kind(Kind.UPDATE, Reason.DELETED_MESSAGE);
        }
        content(b, v.content());
        return b.build();
    }

    private static void content(Inquiry.Builder b, AvitoPayload.Content c) {
        if (c == null) {
            return;
        }
        b.text(c.text());
        if (c.image() != null && c.image().sizes() != null && !c.image().sizes().isEmpty()) {
            Map<String, String> sizes = c.image().sizes();
            b.attachment(new Attachment(null, "image/*", null, sizes.getOrDefault("1280x960", sizes.values().iterator().next())));
        }
        if (c.link() != null) {
            b.text(c.text() != null ? c.text() : c.link().text()).extra("url", c.link().url());
        }
        if (c.location() != null) {
            b.extra("location", c.location().lat() + "," + c.location().lon()).extra("locationName", c.location().title())
                    .extra("locationAddress", c.location().text());
        }
        if (c.voice() != null && c.voice().voiceId() != null) {
            b.attachment(new Attachment(null, null, null, c.voice().voiceId())).extra("voice", "true");
        }
        if (c.item() != null) {
            b.extra("sharedItem", c.item().title()).extra("sharedItemUrl", c.item().itemUrl());
        }
    }
}
