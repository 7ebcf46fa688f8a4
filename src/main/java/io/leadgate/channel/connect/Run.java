package io.leadgate.channel.connect;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.connect.ConnectResult.State;
import io.leadgate.channel.connect.ConnectResult.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One "connect" of one channel: the provider calls made so far, what was learnt, and the result. Not thread-safe. */
final class Run {

    /** A call to the provider. */
    interface Call {
        ProviderHttp.Answer send() throws ProviderHttp.UnreachableException;
    }

    private final ChannelDefinition channel;
    private final String shownUrl;
    private final ProviderHttp http;
    private final ConnectConfig config;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    Run(ChannelDefinition channel, String shownUrl, ProviderHttp http, ConnectConfig config) {
        this.channel = channel;
        this.shownUrl = shownUrl;
        this.http = http;
        this.config = config;
    }

    ProviderHttp http() {
        return http;
    }

    ConnectConfig config() {
        return config;
    }

    /** Makes a call; empty (and a failed step) when the provider cannot be reached. */
    Optional<ProviderHttp.Answer> call(String name, Call call) {
        try {
            return Optional.of(call.send());
        } catch (ProviderHttp.UnreachableException e) {
            steps.add(new Step(name, false, e.getMessage()));
            return Optional.empty();
        }
    }

    void ok(String call, String detail) {
        steps.add(new Step(call, true, detail));
    }

    void fail(String call, String detail) {
        steps.add(new Step(call, false, detail));
    }

    void fact(String name, Object value) {
        facts.put(name, value);
    }

    ConnectResult result(State state) {
        return new ConnectResult(channel.id(), channel.provider().id(), state, shownUrl, List.copyOf(steps),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts)));
    }

    ConnectResult failed() {
        return result(State.FAILED);
    }
}
