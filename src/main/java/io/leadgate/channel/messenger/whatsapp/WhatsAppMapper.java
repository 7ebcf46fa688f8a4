package io.leadgate.channel.messenger.whatsapp;

import io.leadgate.channel.messenger.meta.MetaEnvelope;
import io.leadgate.channel.messenger.meta.PayloadJson;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Change;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Entry;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.ErrorInfo;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Message;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Profile;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Referral;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Status;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Value;
import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Maps a WhatsApp Cloud API delivery to inquiries: one per {@code messages[]} item (key: the wamid) and one ignored
 * item per {@code statuses[]} item (key: {@code id + ":" + status}), across every entry and change. The sender is
 * the handle {@code ("whatsapp", wa_id)} with the phone read from {@code wa_id} and the profile name; the business
 * line stays in {@code extra}. Pure.
 */
public final class WhatsAppMapper {

    static final String PROVIDER = "whatsapp";

    private WhatsAppMapper() {
    }

    public static List<Inquiry> map(MetaEnvelope<Entry> envelope, String defaultRegion) {
        List<Inquiry> items = new ArrayList<>();
        for (Entry entry : envelope.entry()) {
            for (Change change : nonNull(entry.changes())) {
                Value value = change.value();
                if (value == null || (nonNull(value.messages()).isEmpty() && nonNull(value.statuses()).isEmpty())) {
                    items.add(line(Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER), entry, value)
                            .kind(Kind.IGNORED, Reason.SERVICE_EVENT).extra("field", change.field()).build());
                    continue;
                }
                for (Message message : nonNull(value.messages())) {
                    items.add(message(entry, value, message, defaultRegion));
                }
                for (Status status : nonNull(value.statuses())) {
                    items.add(status(entry, value, status, defaultRegion));
                }
            }
        }
        return items;
    }

    private static Inquiry message(Entry entry, Value value, Message m, String region) {
        Inquiry.Builder b = line(Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER), entry, value)
                .externalId(m.id())
                .occurredAt(PayloadJson.epochSeconds(m.timestamp()))
                .contact(sender(value, m, region))
                .attribution(referral(m.referral()))
                .extra("messageType", m.type());
        if (m.context() != null) {
            b.extra("forwarded", Boolean.TRUE.equals(m.context().forwarded())
                    || Boolean.TRUE.equals(m.context().frequentlyForwarded()) ? "true" : null);
            b.extra("frequentlyForwarded", Boolean.TRUE.equals(m.context().frequentlyForwarded()) ? "true" : null);
        }
        WhatsAppContent.fill(b, m);
        b.extra("errors", errors(m.errors())).extra("errors", errors(value.errors()));
        return b.build();
    }

    private static Inquiry status(Entry entry, Value value, Status s, String region) {
        boolean group = "group".equals(s.recipientType());
        return line(Inquiry.builder(ChannelFamily.MESSENGER, PROVIDER), entry, value)
                .kind(Kind.IGNORED, Reason.DELIVERY_STATUS)
                .externalId(s.id() + ":" + s.status())
                .occurredAt(PayloadJson.epochSeconds(s.timestamp()))
                .contact(group ? null : person(s.recipientId(), null, null, region))
                .extra("status", s.status())
                .extra("messageId", s.id())
                .extra("recipientId", s.recipientId())
                .extra("recipientType", s.recipientType())
                .extra("conversationId", s.conversation() == null ? null : s.conversation().id())
                .extra("pricingCategory", s.pricing() == null ? null : s.pricing().category())
                .extra("errors", errors(s.errors()))
                .build();
    }

    /** The business line and account the delivery belongs to: never part of the contact. */
    private static Inquiry.Builder line(Inquiry.Builder b, Entry entry, Value value) {
        var metadata = value == null ? null : value.metadata();
        return b.extra("wabaId", entry.id())
                .extra("businessPhoneNumberId", metadata == null ? null : metadata.phoneNumberId())
                .extra("businessDisplayPhoneNumber", metadata == null ? null : metadata.displayPhoneNumber());
    }

    /** The sender, named from the {@code contacts[]} profile with the same {@code wa_id} (or {@code user_id}). */
    private static ContactInfo sender(Value value, Message m, String region) {
        Profile profile = nonNull(value.contacts()).stream()
                .filter(p -> (m.from() != null && m.from().equals(p.waId()))
                        || (m.fromUserId() != null && m.fromUserId().equals(p.userId())))
                .findFirst().orElse(null);
        String name = profile == null || profile.profile() == null ? null : profile.profile().name();
        String username = profile == null || profile.profile() == null ? null : profile.profile().username();
        String id = m.from() != null ? m.from() : m.fromUserId();
        return person(id, name, username, region);
    }

    private static ContactInfo person(String id, String name, String username, String region) {
        if (id == null || id.isBlank()) {
            return null;
        }
        ContactInfoBuilder contact = new ContactInfoBuilder(region).name(name);
        if (PayloadJson.digits(id)) {
            contact.internationalPhone(id);
        }
        return contact.handle(new Handle(PROVIDER, id, username)).build();
    }

    /** A click-to-WhatsApp ad: the ad facts and the {@code ctwa_clid} click id. */
    private static Attribution referral(Referral r) {
        if (r == null) {
            return Attribution.NONE;
        }
        Map<String, String> ad = new LinkedHashMap<>();
        put(ad, "sourceId", r.sourceId());
        put(ad, "sourceType", r.sourceType());
        put(ad, "sourceUrl", r.sourceUrl());
        put(ad, "headline", r.headline());
        put(ad, "body", r.body());
        put(ad, "mediaType", r.mediaType());
        put(ad, "ctwaClid", r.ctwaClid());
        Map<String, String> clickIds = r.ctwaClid() == null ? Map.of() : Map.of("ctwa_clid", r.ctwaClid());
        return new Attribution(Map.of(), clickIds, null, null, ad);
    }

    private static String errors(List<ErrorInfo> errors) {
        String joined = nonNull(errors).stream().map(e -> e.code() + " " + Objects.toString(e.title(), "").strip())
                .map(String::strip).collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
