package io.leadgate.channel.connect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where "connect" calls the providers' registration APIs, {@code leadgate.connect.*} (tests point them at WireMock). */
@ConfigMapping(prefix = "leadgate.connect")
public interface ConnectConfig {

    /** The gateway's public base URL ({@code LEADGATE_CONNECT_PUBLIC_URL}); a connect request may give its own. */
    Optional<String> publicUrl();

    /** Telegram Bot API base; methods are called as {@code <base>/bot<token>/<method>}. */
    @WithDefault("https://api.telegram.org")
    String telegramUrl();

    /** Viber REST API base ({@code <base>/pa/set_webhook}). */
    @WithDefault("https://chatapi.viber.com")
    String viberUrl();

    /** VK API base ({@code <base>/method/<name>}). */
    @WithDefault("https://api.vk.com")
    String vkUrl();

    /** The VK API version sent as {@code v} and set for the Callback API server. */
    @WithDefault("5.199")
    String vkVersion();

    /** Avito API base ({@code <base>/token}, {@code <base>/messenger/v3/webhook}). */
    @WithDefault("https://api.avito.ru")
    String avitoUrl();

    /** Timeout of each call to a provider. */
    @WithDefault("10s")
    Duration timeout();
}
