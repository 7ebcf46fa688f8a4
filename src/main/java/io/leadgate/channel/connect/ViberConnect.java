package io.leadgate.channel.connect;

// Viber REST API: https://developers.viber.com/docs/api/rest-bot-api/#setting-a-webhook and #get-account-info.
// Every answer is HTTP 200 with {"status":0,"status_message":"ok",…}; a non-zero status is the failure
// (2 invalidAuthToken, 1 invalidUrl, …).

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.connect.ConnectResult.State;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Viber: {@code set_webhook} with the channel's {@code auth-token} in {@code X-Viber-Auth-Token}, the URL and the
 * event types the adapter makes leads of ({@code message} and {@code webhook} always come), then
 * {@code get_account_info} to read the webhook Viber holds. Viber calls the URL with a {@code webhook} event while
 * it sets it, so the channel must be active and reachable.
 */
final class ViberConnect implements ProviderConnector {

    static final String AUTH_HEADER = "X-Viber-Auth-Token";
    static final List<String> EVENT_TYPES = List.of("subscribed", "conversation_started");

    @Override
    public ConnectResult connect(ChannelDefinition channel, String hookUrl, Run run) {
        Map<String, String> auth = Map.of(AUTH_HEADER, ProviderConnector.required(channel, "auth-token",
                "the bot's token from the Viber admin panel"));
        String base = run.config().viberUrl() + "/pa/";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", hookUrl);
        body.put("event_types", EVENT_TYPES);
        body.put("send_name", true);
        body.put("send_photo", false);
        Optional<ProviderHttp.Answer> set = run.call("set_webhook", () -> run.http().postJson(base + "set_webhook", auth, body));
        if (set.isEmpty()) {
            return run.failed();
        }
        if (!ok(set.get())) {
            run.fail("set_webhook", error(set.get()));
            return run.failed();
        }
        run.ok("set_webhook", TelegramConnect.text(set.get().json().path("status_message")));
        List<String> events = new java.util.ArrayList<>();
        set.get().json().path("event_types").forEach(n -> events.add(n.asText()));
        run.fact("eventTypes", events);
        Optional<ProviderHttp.Answer> info = run.call("get_account_info",
                () -> run.http().postJson(base + "get_account_info", auth, Map.of()));
        if (info.isEmpty()) {
            return run.failed();
        }
        if (!ok(info.get())) {
            run.fail("get_account_info", error(info.get()));
            return run.failed();
        }
        boolean matches = hookUrl.equals(info.get().json().path("webhook").asText(""));
        run.fact("urlMatches", matches);
        run.fact("accountName", TelegramConnect.text(info.get().json().path("name")));
        if (!matches) {
            run.fail("get_account_info", "the account's webhook is another URL");
            return run.failed();
        }
        run.ok("get_account_info", null);
        return run.result(State.CONNECTED);
    }

    private static boolean ok(ProviderHttp.Answer a) {
        return a.status() == 200 && a.json().path("status").asInt(-1) == 0;
    }

    private static String error(ProviderHttp.Answer a) {
        JsonNode j = a.json();
        return j.has("status") ? j.path("status").asText() + " " + j.path("status_message").asText("")
                : "HTTP " + a.status();
    }
}
