package io.leadgate.channel.connect;

// Avito API: https://developers.avito.ru/api-catalog/auth/documentation (POST /token, client_credentials) and
// https://developers.avito.ru/api-catalog/messenger/documentation (POST /messenger/v3/webhook {"url"} → {"ok":true};
// POST /messenger/v1/subscriptions → {"subscriptions":[{"url","version"}]}).

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.connect.ConnectResult.State;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Avito: takes an access token with the channel's {@code client-id} and {@code client-secret}, subscribes the hook
 * URL to messenger webhooks (v3), and checks that the subscriptions list holds it. With a {@code secret}, the URL
 * subscribed is {@code /hooks/{id}/{secret}} (Avito's subscription takes only a URL).
 */
final class AvitoConnect implements ProviderConnector {

    @Override
    public ConnectResult connect(ChannelDefinition channel, String hookUrl, Run run) {
        String clientId = ProviderConnector.required(channel, "client-id", "the API client id from Avito Pro settings");
        String clientSecret = ProviderConnector.required(channel, "client-secret", "the API client secret");
        String base = run.config().avitoUrl();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        Optional<ProviderHttp.Answer> token = run.call("token", () -> run.http().postForm(base + "/token", Map.of(), form));
        if (token.isEmpty()) {
            return run.failed();
        }
        String access = token.get().json().path("access_token").asText("");
        if (token.get().status() != 200 || access.isEmpty()) {
            run.fail("token", error(token.get()));
            return run.failed();
        }
        run.ok("token", null);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + access);
        Optional<ProviderHttp.Answer> sub = run.call("messenger/v3/webhook",
                () -> run.http().postJson(base + "/messenger/v3/webhook", auth, Map.of("url", hookUrl)));
        if (sub.isEmpty()) {
            return run.failed();
        }
        if (sub.get().status() != 200 || !sub.get().json().path("ok").asBoolean(false)) {
            run.fail("messenger/v3/webhook", error(sub.get()));
            return run.failed();
        }
        run.ok("messenger/v3/webhook", null);
        Optional<ProviderHttp.Answer> list = run.call("messenger/v1/subscriptions",
                () -> run.http().postJson(base + "/messenger/v1/subscriptions", auth, Map.of()));
        if (list.isEmpty()) {
            return run.failed();
        }
        boolean found = false;
        for (JsonNode s : list.get().json().path("subscriptions")) {
            found |= hookUrl.equals(s.path("url").asText());
        }
        run.fact("urlMatches", found);
        if (!found) {
            run.fail("messenger/v1/subscriptions", list.get().status() == 200
                    ? "the hook URL is not among the account's subscriptions" : error(list.get()));
            return run.failed();
        }
        run.ok("messenger/v1/subscriptions", null);
        return run.result(State.CONNECTED);
    }

    /** Avito answers errors as {"error":{"code":…,"message":…}} or, for /token, {"error":…,"error_description":…}. */
    private static String error(ProviderHttp.Answer a) {
        JsonNode e = a.json().path("error");
        if (e.isObject()) {
            return e.path("code").asText(String.valueOf(a.status())) + " " + e.path("message").asText("");
        }
        if (e.isTextual()) {
            return a.status() + " " + e.asText() + a.json().path("error_description").asText("").transform(
                    d -> d.isEmpty() ? "" : ": " + d);
        }
        return "HTTP " + a.status();
    }
}
