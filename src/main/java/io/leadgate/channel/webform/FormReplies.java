package io.leadgate.channel.webform;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;

import java.util.Locale;
import java.util.Map;

/**
 * How a form post is answered: a browser's plain HTML post gets a 303 to the channel's {@code redirect} (or a
 * short thank-you page), a script's XHR / fetch / JSON post gets JSON.
 */
public final class FormReplies {

    /** The webform setting that lets an anonymous post's answer carry the stored ids (default false). */
    public static final String REPLY_IDS = "reply-ids";

    private FormReplies() {
    }

    public static boolean wantsHtml(HookRequest request) {
        if (request.headers().first("X-Requested-With").isPresent() || request.mediaType().contains("json")) {
            return false;
        }
        String accept = request.headers().first("Accept").orElse("").toLowerCase(Locale.ROOT);
        return accept.contains("text/html");
    }

    public static HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        if (wantsHtml(request)) {
            return channel.setting("redirect")
                    .map(url -> new HookReply(303, null, null, Map.of("Location", url)))
                    .orElseGet(() -> new HookReply(200, "text/html; charset=utf-8",
                            "<!doctype html><meta charset=utf-8><title>Thank you</title>"
                                    + "<p>Thank you! Your request has been received.</p>", Map.of()));
        }
        return HookReply.json(200, json(outcome, showsIds(channel)));
    }

    /**
     * Whether a form post's answer may name the stored inquiry, lead and contact: only on a channel whose posts carry
     * its {@code token} (a server that knows the secret), or that asks for it with {@code reply-ids: true}. An
     * anonymous browser gets the status alone: internal ids would let anyone enumerate and probe the records.
     */
    static boolean showsIds(ChannelDefinition channel) {
        return channel.setting("token").filter(t -> !t.isBlank()).isPresent()
                || channel.setting(REPLY_IDS).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /** {@code {"status": "accepted|duplicate|ignored", "inquiryId": "…", "leadId": "…", "contactId": "…"}} */
    public static String json(HookOutcome outcome) {
        return json(outcome, true);
    }

    /** {@code {"status": …}}, with the ids only when {@code withIds}. */
    public static String json(HookOutcome outcome, boolean withIds) {
        HookOutcome.Item item = outcome.items().isEmpty() ? null : outcome.items().get(0);
        String status = item == null || item.result() == HookOutcome.Result.IGNORED ? "ignored"
                : item.result() == HookOutcome.Result.DUPLICATE ? "duplicate" : "accepted";
        StringBuilder json = new StringBuilder("{\"status\":\"").append(status).append('"');
        if (item != null && withIds) {
            appendId(json, "inquiryId", item.inquiryId());
            appendId(json, "leadId", item.leadId());
            appendId(json, "contactId", item.contactId());
        }
        return json.append('}').toString();
    }

    private static void appendId(StringBuilder json, String name, Long id) {
        if (id != null) {
            json.append(",\"").append(name).append("\":\"").append(id).append('"');
        }
    }
}
