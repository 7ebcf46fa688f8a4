package io.leadgate.channel.connect;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** One WireMock standing in for the Telegram, Viber, VK and Avito APIs (each under its own base path). */
public class ProviderWireMock implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "leadgate.connect.telegram-url", server.baseUrl() + "/telegram",
                "leadgate.connect.viber-url", server.baseUrl() + "/viber",
                "leadgate.connect.vk-url", server.baseUrl() + "/vk",
                "leadgate.connect.avito-url", server.baseUrl() + "/avito",
                "leadgate.connect.timeout", "3s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
