package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.messenger.DeepLinks;
import io.leadgate.channel.messenger.meta.MessagingPayload.Entry;
import io.leadgate.channel.messenger.meta.MessagingPayload.Event;
import io.leadgate.channel.messenger.meta.MessagingPayload.Message;
import io.leadgate.channel.messenger.meta.MessagingPayload.Receipt;
import io.leadgate.channel.messenger.meta.MessagingPayload.Referral;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.ThreadRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Messenger Platform events (Facebook Messenger, Instagram) to inquiries, one per {@code messaging[]} item.
 * Messages, postbacks (Get Started), opt-ins, referrals and reactions are leads; edits are updates; echoes of the
 * business's own messages, delivery and read receipts are ignored. Key: {@code mid}, else
 * {@code sender.id + ":" + timestamp}. Handover {@code standby[]} events and {@code changes[]} (comments, mentions)
 * are not read. Pure.
 */
public final class MessagingMapper {

    private static final List<String> MEDIA = List.of("image", "video", "audio", "file", "animated_image");

    private MessagingMapper() {
    }

    public static List<Inquiry> map(MetaEnvelope<Entry> envelope, String provider, String defaultRegion) {
        List<Inquiry> items = new ArrayList<>();
        for (Entry entry : envelope.entry()) {
            if (entry.messaging() == null) {
                continue;
            }
            for (Event event : entry.messaging()) {
                if (event != null) {
                    items.add(event(entry, event, provider, defaultRegion));
                }
            }
        }
        return items;
    }

    private static Inquiry event(Entry entry, Event event, String provider, String region) {
        String sender = event.sender() == null ? null : event.sender().id();
        String fallbackKey = sender == null || event.timestamp() == null ? null : sender + ":" + event.timestamp();
        Inquiry.Builder b = Inquiry.builder(ChannelFamily.MESSENGER, provider)
                .occurredAt(PayloadJson.epochMillis(event.timestamp()))
                .externalId(fallbackKey)
                .extra("entryId", entry.id())
                .extra("recipientId", event.recipient() == null ? null : event.recipient().id());
        if (event.message() != null && Boolean.TRUE.equals(event.message().isEcho())) {
            return b.kind(Kind.IGNORED, Reason.ECHO).externalId(event.message().mid()).build();
        }
        b.contact(sender == null ? null : new ContactInfoBuilder(region).handle(new Handle(provider, sender, null)).build());
        if (event.message() != null) {
            message(b, event.message());
        } else if (event.postback() != null) {
            var postback = event.postback();
            b.text(postback.title()).extra("postback", postback.payload()).attribution(referral(b, postback.referral()));
            if (postback.mid() != null) {
                b.externalId(postback.mid());
            }
        } else if (event.optin() != null) {
            var optin = event.optin();
            b.attribution(DeepLinks.decode(optin.ref())).extra("optinType", optin.type())
                    .extra("ref", optin.ref()).extra("optinPayload", optin.payload()).extra("userRef", optin.userRef());
        } else if (event.referral() != null) {
            b.attribution(referral(b, event.referral()));
        } else if (event.messageEdit() != null) {
            var edit = event.messageEdit();
            b.kind(Kind.UPDATE, Reason.EDITED_MESSAGE).text(edit.text()).extra("messageId", edit.mid())
                    .thread(new ThreadRef(List.of(), edit.mid() == null ? List.of() : List.of(edit.mid())))
                    .externalId(edit.mid() == null ? fallbackKey
                            : edit.mid() + ":edit:" + (edit.numEdit() != null ? edit.numEdit() : event.timestamp()));
        } else if (event.reaction() != null) {
            var reaction = event.reaction();
            boolean removed = "unreact".equals(reaction.action());
            b.kind(removed ? Kind.UPDATE : Kind.LEAD, removed ? Reason.REACTION_REMOVED : null)
                    .extra("reaction", reaction.emoji() != null ? reaction.emoji() : reaction.reaction())
                    .thread(replyTo(reaction.mid()));
        } else if (event.delivery() != null) {
            b.kind(Kind.IGNORED, Reason.DELIVERY_STATUS).externalId(receiptKey(event.delivery(), sender, "delivery"))
                    .extra("mids", event.delivery().mids() == null ? null : String.join(", ", event.delivery().mids()));
        } else if (event.read() != null) {
            b.kind(Kind.IGNORED, Reason.READ_RECEIPT).externalId(receiptKey(event.read(), sender, "read"));
        } else {
            b.kind(Kind.IGNORED, Reason.SERVICE_EVENT);
        }
        return b.build();
    }

    private static void message(Inquiry.Builder b, Message m) {
        if (m.mid() != null) {
            b.externalId(m.mid());
        }
        if (Boolean.TRUE.equals(m.isDeleted())) {
            b.kind(Kind.UPDATE, Reason.DELETED_MESSAGE).extra("messageId", m.mid())
                    .externalId(m.mid() == null ? null : m.mid() + ":deleted");
            return;
        }
        b.text(m.text()).thread(replyTo(m.replyTo() == null ? null : m.replyTo().mid()))
                .attribution(referral(b, m.referral()));
        if (m.quickReply() != null) {
            b.extra("quickReply", m.quickReply().payload());
        }
        if (m.replyTo() != null && m.replyTo().story() != null) {
            b.extra("storyReplyUrl", m.replyTo().story().url()).extra("storyId", m.replyTo().story().id());
        }
        if (Boolean.TRUE.equals(m.isUnsupported())) {
            b.extra("unsupported", "true");
        }
        for (MessagingPayload.Attachment a : m.attachments() == null ? List.<MessagingPayload.Attachment>of() : m.attachments()) {
            if (a == null) {
                continue;
            }
            var payload = a.payload();
            String url = payload == null ? null : payload.url();
            if (payload != null && payload.coordinates() != null) {
                b.extra("location", payload.coordinates().lat() + "," + payload.coordinates().lng());
            } else if (MEDIA.contains(a.type()) && url != null) {
                b.attachment(new Attachment(null, mediaRange(a.type()), null, url));
            } else if (url != null) {
                b.extra("shared", a.type() + " " + url);
            }
            if (payload != null) {
                b.extra("stickerId", payload.stickerId());
            }
        }
    }

    /** Ad facts, the {@code ref} parameter and the referring page of a referral. */
    private static Attribution referral(Inquiry.Builder b, Referral r) {
        if (r == null) {
            return Attribution.NONE;
        }
        b.extra("ref", r.ref()).extra("referralSource", r.source()).extra("referralType", r.type());
        Attribution fromRef = DeepLinks.decode(r.ref());
        Map<String, String> ad = new LinkedHashMap<>();
        putIfPresent(ad, "sourceId", r.adId());
        if (r.adsContextData() != null) {
            putIfPresent(ad, "headline", r.adsContextData().adTitle());
            putIfPresent(ad, "imageUrl", r.adsContextData().photoUrl());
            putIfPresent(ad, "videoUrl", r.adsContextData().videoUrl());
            putIfPresent(ad, "postId", r.adsContextData().postId());
        }
        if (!ad.isEmpty()) {
            putIfPresent(ad, "sourceType", r.source());
        }
        return new Attribution(fromRef.utm(), fromRef.clickIds(), r.refererUri(), null, ad);
    }

    private static String receiptKey(Receipt receipt, String sender, String what) {
        if (receipt.mids() != null && !receipt.mids().isEmpty()) {
            return receipt.mids().get(0) + ":" + what;
        }
        if (receipt.mid() != null) {
            return receipt.mid() + ":" + what;
        }
        return sender == null ? null : sender + ":" + what + ":" + receipt.watermark();
    }

    private static ThreadRef replyTo(String mid) {
        return mid == null ? ThreadRef.NONE : new ThreadRef(List.of(mid), List.of());
    }

    private static String mediaRange(String type) {
        return switch (type) {
            case "image", "animated_image" -> "image/*";
            case "video" -> "video/*";
            case "audio" -> "audio/*";
            default -> null;
        };
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
