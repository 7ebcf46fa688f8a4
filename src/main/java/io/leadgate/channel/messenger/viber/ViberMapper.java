package io.leadgate.channel.messenger.viber;

import io.leadgate.channel.messenger.DeepLinks;
import io.leadgate.channel.messenger.meta.PayloadJson;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.List;

/**
 * Maps a Viber callback to one inquiry. {@code message}, {@code conversation_started} and {@code subscribed} are
 * leads; {@code delivered}, {@code seen}, {@code failed} are ignored receipts; {@code webhook},
 * {@code unsubscribed} and unknown events are ignored service events. Key: {@code message_token} (receipts:
 * {@code message_token + ":" + event}).
 *
 * <p>The {@code context} of {@code conversation_started} (the {@code context=} parameter of a
 * {@code viber://pa?chatURI=…&context=…} deep link) is read as attribution by {@link DeepLinks}: a
 * query-string-like value ({@code utm_source=vk&utm_campaign=spring}) gives its UTM keys and click ids, a bare
 * value ({@code spring}) is kept as {@code utm_campaign}; the raw value is always in {@code extra.context}. Pure.
 */
public final class ViberMapper {

    static final String PROVIDER = "viber";
    private static final List<String> MEDIA = List.of("picture", "video", "file");

    private ViberMapper() {
    }

    public static Inquiry map(ViberPayload p, String defaultRegion) {
        String event = p.event() == null ? "" : p.event();
        Inquiry.Builder b = Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER)
                .externalId(p.messageToken())
                .occurredAt(PayloadJson.epochMillis(p.timestamp()))
                .extra("event", event)
                .extra("chatHostname", p.chatHostname());
        switch (event) {
            case "message" -> {
                person(b, p.sender(), defaultRegion);
                message(b, p.message());
            }
            case "conversation_started" -> {
                person(b, p.user(), defaultRegion);
                b.attribution(DeepLinks.decode(p.context())).extra("context", p.context())
                        .extra("conversationType", p.type())
                        .extra("subscribed", p.subscribed() == null ? null : p.subscribed().toString());
            }
            case "subscribed" -> {
                person(b, p.user(), defaultRegion);
                if (p.messageToken() == null && p.user() != null) {
                    b.externalId(p.user().id() + ":subscribed:" + p.timestamp());
                }
            }
            case "delivered", "failed" -> receipt(b, p, Reason.DELIVERY_STATUS).extra("failure", p.desc());
            case "seen" -> receipt(b, p, Reason.READ_RECEIPT);
            default -> receipt(b, p, Reason.SERVICE_EVENT); // webhook, unsubscribed, client_status, …
        }
        return b.build();
    }

    private static Inquiry.Builder receipt(Inquiry.Builder b, ViberPayload p, Reason reason) {
        return b.kind(Kind.IGNORED, reason).extra("userId", p.userId())
                .externalId(p.messageToken() == null ? null : p.messageToken() + ":" + p.event());
    }

    private static void person(Inquiry.Builder b, ViberPayload.User user, String region) {
        if (user == null || user.id() == null) {
            return;
        }
        b.contact(new ContactInfoBuilder(region).name(user.name()).handle(new Handle(PROVIDER, user.id(), null)).build())
                .extra("country", user.country()).extra("language", user.language());
    }

    private static void message(Inquiry.Builder b, ViberPayload.Message m) {
        if (m == null) {
            return;
        }
        b.text(m.text()).extra("messageType", m.type()).extra("trackingData", m.trackingData());
        if (MEDIA.contains(m.type()) && m.media() != null) {
            b.attachment(new Attachment(m.fileName(), null, m.size(), m.media()));
        } else if ("url".equals(m.type())) {
            b.extra("url", m.media());
        }
        if (m.contact() != null) { // a shared contact card: not necessarily the sender's own number
            b.extra("sharedContacts", (m.contact().name() == null ? "" : m.contact().name() + " ")
                    + m.contact().phoneNumber());
        }
        if (m.location() != null) {
            b.extra("location", m.location().lat() + "," + m.location().lon());
        }
        b.extra("stickerId", m.stickerId());
    }
}
