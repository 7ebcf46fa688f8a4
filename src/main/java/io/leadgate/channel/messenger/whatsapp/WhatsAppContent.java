package io.leadgate.channel.messenger.whatsapp;

import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Media;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.Message;
import io.leadgate.channel.messenger.whatsapp.WhatsAppPayload.SharedContact;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.ThreadRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.leadgate.channel.messenger.whatsapp.WhatsAppMapper.nonNull;

/**
 * The content of one WhatsApp message by {@code type}: text, media (attachment: the media id as ref, the mime
 * type, the file name), location, shared contacts, reactions, orders, button presses (updates) and system notices
 * (ignored). Unknown and {@code unsupported} types stay leads without content.
 */
final class WhatsAppContent {

    private WhatsAppContent() {
    }

    static void fill(Inquiry.Builder b, Message m) {
        List<String> inReplyTo = new ArrayList<>();
        if (m.context() != null && m.context().id() != null) {
            inReplyTo.add(m.context().id());
        }
        String type = m.type() == null ? "" : m.type();
        switch (type) {
            case "text" -> b.text(m.text() == null ? null : m.text().body());
            case "image", "video", "audio", "document", "sticker" -> media(b, type, m);
            case "location" -> location(b, m.location());
            case "contacts" -> b.extra("sharedContacts", sharedContacts(m.contacts()));
            case "reaction" -> {
                var reaction = m.reaction();
                boolean removed = reaction == null || reaction.emoji() == null || reaction.emoji().isEmpty();
                b.kind(removed ? Kind.UPDATE : Kind.LEAD, removed ? Reason.REACTION_REMOVED : null)
                        .extra("reaction", removed ? null : reaction.emoji());
                if (reaction != null && reaction.messageId() != null) {
                    inReplyTo.add(reaction.messageId());
                }
            }
            case "interactive" -> interactive(b, m.interactive());
            case "button" -> {
                b.kind(Kind.UPDATE, Reason.BUTTON_REPLY);
                if (m.button() != null) {
                    b.text(m.button().text()).extra("payload", m.button().payload());
                }
            }
            case "order" -> order(b, m.order());
            case "system" -> b.kind(Kind.IGNORED, Reason.SERVICE_EVENT).text(m.system() == null ? null : m.system().body());
            default -> b.kind(Kind.LEAD, null); // unsupported, request_welcome, new types: a contact without content
        }
        b.thread(inReplyTo.isEmpty() ? ThreadRef.NONE : new ThreadRef(inReplyTo, List.of()));
    }

    private static void media(Inquiry.Builder b, String type, Message m) {
        Media media = switch (type) {
            case "image" -> m.image();
            case "video" -> m.video();
            case "audio" -> m.audio();
            case "document" -> m.document();
            default -> m.sticker();
        };
        if (media == null) {
            return;
        }
        b.text(media.caption()).attachment(new Attachment(media.filename(), media.mimeType(), null, media.id()));
        b.extra("voice", Boolean.TRUE.equals(media.voice()) ? "true" : null)
                .extra("animated", Boolean.TRUE.equals(media.animated()) ? "true" : null);
    }

    private static void location(Inquiry.Builder b, WhatsAppPayload.Location location) {
        if (location == null) {
            return;
        }
        b.extra("location", location.latitude() + "," + location.longitude())
                .extra("locationName", location.name())
                .extra("locationAddress", location.address())
                .extra("locationUrl", location.url());
    }

    private static void interactive(Inquiry.Builder b, WhatsAppPayload.Interactive interactive) {
        String type = interactive == null || interactive.type() == null ? "" : interactive.type();
        switch (type) {
            case "button_reply", "list_reply" -> {
                var reply = type.equals("button_reply") ? interactive.buttonReply() : interactive.listReply();
                b.kind(Kind.UPDATE, type.equals("button_reply") ? Reason.BUTTON_REPLY : Reason.LIST_REPLY);
                if (reply != null) {
                    b.text(reply.title()).extra("payload", reply.id()).extra("description", reply.description());
                }
            }
            case "nfm_reply" -> { // a completed WhatsApp Flow: a form the client filled in
                var flow = interactive.nfmReply();
                if (flow != null) {
                    b.text(flow.body()).extra("flowName", flow.name()).extra("flowResponse", flow.responseJson());
                }
            }
            default -> b.kind(Kind.UPDATE, Reason.INTERACTIVE);
        }
    }

    private static void order(Inquiry.Builder b, WhatsAppPayload.Order order) {
        if (order == null) {
            return;
        }
        b.text(order.text() == null || order.text().isBlank() ? null : order.text())
                .extra("catalogId", order.catalogId())
                .extra("order", nonNull(order.productItems()).stream()
                        .map(i -> i.productRetailerId() + " x" + i.quantity() + " @ " + i.itemPrice() + " " + i.currency())
                        .collect(Collectors.joining("; ")));
    }

    /** {@code Chandler Bing +15555555555 (CELL); Monica +16666666666 (HOME)}: other people, never the sender. */
    private static String sharedContacts(List<SharedContact> contacts) {
        String joined = nonNull(contacts).stream().map(WhatsAppContent::sharedContact)
                .filter(s -> !s.isBlank()).collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    private static String sharedContact(SharedContact c) {
        List<String> parts = new ArrayList<>();
        if (c.name() != null) {
            parts.add(c.name().formattedName() != null ? c.name().formattedName()
                    : String.join(" ", nonNull(java.util.Arrays.asList(c.name().firstName(), c.name().lastName()))));
        }
        for (var phone : nonNull(c.phones())) {
            String number = phone.phone() != null ? e164(phone.phone()) : phone.waId();
            parts.add(number + (phone.type() == null ? "" : " (" + phone.type() + ")"));
        }
        for (var email : nonNull(c.emails())) {
            parts.add(Objects.toString(email.email(), ""));
        }
        return String.join(" ", parts).strip();
    }

    private static String e164(String written) {
        return PhoneNormalizer.normalize(written, null) instanceof PhoneResult.Normalized n ? n.e164() : written.strip();
    }
}
