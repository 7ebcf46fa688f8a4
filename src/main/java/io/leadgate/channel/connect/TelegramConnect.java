package io.leadgate.channel.connect;

// Telegram Bot API: https://core.telegram.org/bots/api#setwebhook and #getwebhookinfo. Answers are
// {"ok":true,"result":…,"description":…} or {"ok":false,"error_code":401,"description":"Unauthorized"}.

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.connect.ConnectResult.State;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram: {@code setWebhook} with {@code url}, the channel's {@code secret-token} as {@code secret_token} and the
 * updates the adapter reads as {@code allowed_updates}, then {@code getWebhookInfo}. Needs {@code settings.bot-token}.
 */
final class TelegramConnect implements ProviderConnector {

    /** What the Telegram adapter reads (channel posts are ignored, so not asked for). */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");

    @Override
    public ConnectResult connect(ChannelDefinition channel, String hookUrl, Run run) {
        String token = ProviderConnector.required(channel, "bot-token", "the bot's token from @BotFather");
        String base = run.config().telegramUrl() + "/bot" + token + "/";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", hookUrl);
        body.put("secret_token", channel.setting("secret-token").orElse(""));
        body.put("allowed_updates", ALLOWED_UPDATES);
        Optional<ProviderHttp.Answer> set = run.call("setWebhook", () -> run.http().postJson(base + "setWebhook", Map.of(), body));
        if (set.isEmpty()) {
            return run.failed();
        }
        if (!set.get().json().path("ok").asBoolean(false)) {
            run.fail("setWebhook", error(set.get()));
            return run.failed();
        }
        run.ok("setWebhook", text(set.get().json().path("description")));
        Optional<ProviderHttp.Answer> info = run.call("getWebhookInfo",
                () -> run.http().postJson(base + "getWebhookInfo", Map.of(), Map.of()));
        if (info.isEmpty()) {
            return run.failed();
        }
        JsonNode json = info.get().json();
        if (!json.path("ok").asBoolean(false)) {
            run.fail("getWebhookInfo", error(info.get()));
            return run.failed();
        }
        JsonNode result = json.path("result");
        boolean matches = hookUrl.equals(result.path("url").asText(""));
        run.fact("urlMatches", matches);
        run.fact("pendingUpdateCount", result.path("pending_update_count").asLong(0));
        run.fact("lastErrorMessage", text(result.path("last_error_message")));
        run.fact("lastErrorDate", result.hasNonNull("last_error_date") ? result.get("last_error_date").asLong() : null);
        List<String> allowed = new java.util.ArrayList<>();
        result.path("allowed_updates").forEach(n -> allowed.add(n.asText()));
        run.fact("allowedUpdates", allowed);
        if (!matches) {
            run.fail("getWebhookInfo", "the bot's webhook is another URL");
            return run.failed();
        }
        run.ok("getWebhookInfo", null);
        return run.result(State.CONNECTED);
    }

    private static String error(ProviderHttp.Answer a) {
        JsonNode j = a.json();
        String code = j.hasNonNull("error_code") ? j.get("error_code").asText() : String.valueOf(a.status());
        String description = text(j.path("description"));
        return description == null ? "HTTP " + a.status() : code + " " + description;
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
