package io.leadgate.channel.connect;

// VK API, Callback API management: https://dev.vk.com/ru/method/groups.getCallbackConfirmationCode,
// groups.getCallbackServers, groups.addCallbackServer, groups.editCallbackServer, groups.setCallbackSettings.
// Methods are POST <base>/method/<name> with access_token and v; answers {"response":…} or
// {"error":{"error_code":5,"error_msg":"User authorization failed: …"}} (HTTP 200 either way).

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.connect.ConnectResult.State;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VK: reads the community's confirmation code (an API channel takes it into {@code settings.confirmation}; a file
 * channel whose code differs is told which code to write), adds a Callback API server for the hook URL (or edits
 * the one already there) with the channel's {@code secret} as {@code secret_key}, turns on the events the adapter
 * reads, and reports the server's status. Needs {@code settings.access-token} (a community token with the manage
 * right) and {@code settings.group-id}.
 */
final class VkConnect implements ProviderConnector {

    /** Server title shown in the community's settings (VK allows at most 14 characters). */
    static final String TITLE = "Leadgate";
    /** The events the VK adapter reads. */
    static final String[] EVENTS = {"message_new", "message_reply", "message_edit", "message_event", "message_allow",
            "message_deny"};

    /** Stores a setting of an API channel; false for a file channel, which cannot be changed here. */
    interface SettingWriter {
        boolean put(String channelId, String key, String value);
    }

    private final SettingWriter writer;

    VkConnect(SettingWriter writer) {
        this.writer = writer;
    }

    @Override
    public ConnectResult connect(ChannelDefinition channel, String hookUrl, Run run) {
        String token = ProviderConnector.required(channel, "access-token",
                "a community access token with the 'manage' right");
        String group = ProviderConnector.required(channel, "group-id", "the community's numeric id").strip();
        Optional<JsonNode> code = method(run, token, "groups.getCallbackConfirmationCode", Map.of("group_id", group));
        if (code.isEmpty()) {
            return run.failed();
        }
        String confirmation = code.get().path("code").asText("");
        run.fact("confirmationCode", confirmation);
        if (!confirmation.equals(channel.setting("confirmation").orElse(""))) {
            if (!writer.put(channel.id(), "confirmation", confirmation)) {
                run.fail("groups.getCallbackConfirmationCode", "the community's confirmation code is " + confirmation
                        + ": write it as settings.confirmation in the channel file, then connect again");
                return run.failed();
            }
            run.fact("confirmationUpdated", true);
        }
        Optional<JsonNode> servers = method(run, token, "groups.getCallbackServers", Map.of("group_id", group));
        if (servers.isEmpty()) {
            return run.failed();
        }
        Long serverId = null;
        for (JsonNode item : servers.get().path("items")) {
            if (hookUrl.equals(item.path("url").asText())) {
                serverId = item.path("id").asLong();
            }
        }
        Map<String, String> server = new LinkedHashMap<>();
        server.put("group_id", group);
        server.put("url", hookUrl);
        server.put("title", TITLE);
        channel.setting("secret").filter(s -> !s.isBlank()).ifPresent(s -> server.put("secret_key", s));
        if (serverId == null) {
            Optional<JsonNode> added = method(run, token, "groups.addCallbackServer", server);
            if (added.isEmpty()) {
                return run.failed();
            }
            serverId = added.get().path("server_id").asLong();
        } else {
            server.put("server_id", String.valueOf(serverId));
            if (method(run, token, "groups.editCallbackServer", server).isEmpty()) {
                return run.failed();
            }
        }
        run.fact("serverId", serverId);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("group_id", group);
        settings.put("server_id", String.valueOf(serverId));
        settings.put("api_version", run.config().vkVersion());
        for (String event : EVENTS) {
            settings.put(event, "1");
        }
        if (method(run, token, "groups.setCallbackSettings", settings).isEmpty()) {
            return run.failed();
        }
        Optional<JsonNode> after = method(run, token, "groups.getCallbackServers",
                Map.of("group_id", group, "server_ids", String.valueOf(serverId)));
        if (after.isEmpty()) {
            return run.failed();
        }
        String status = null;
        for (JsonNode item : after.get().path("items")) {
            if (item.path("id").asLong() == serverId) {
                status = item.path("status").asText(null);
            }
        }
        run.fact("serverStatus", status); // unconfigured | failed | wait | ok
        if ("failed".equals(status)) {
            run.fail("groups.getCallbackServers", "VK could not confirm the server (status failed): is the hook "
                    + "reachable and its confirmation code right?");
            return run.failed();
        }
        return run.result(State.CONNECTED);
    }

    /** Calls a VK method; its {@code response}, or empty with a failed step. */
    private static Optional<JsonNode> method(Run run, String token, String name, Map<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>(params);
        form.put("access_token", token);
        form.put("v", run.config().vkVersion());
        Optional<ProviderHttp.Answer> answer = run.call(name,
                () -> run.http().postForm(run.config().vkUrl() + "/method/" + name, Map.of(), form));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = answer.get().json();
        if (json.has("error") || !json.has("response")) {
            JsonNode e = json.path("error");
            run.fail(name, e.isMissingNode() ? "HTTP " + answer.get().status()
                    : e.path("error_code").asText() + " " + e.path("error_msg").asText(""));
            return Optional.empty();
        }
        run.ok(name, null);
        return Optional.of(json.path("response"));
    }
}
