package io.leadgate.channel;

import io.leadgate.inquiry.ChannelFamily;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Every provider a channel file may name, with its family and the settings it cannot do without. */
public enum Provider {
    WEBFORM("webform", ChannelFamily.WEBFORM),
    TILDA("tilda", ChannelFamily.WEBFORM),
    TYPEFORM("typeform", ChannelFamily.WEBFORM, "secret"),
    WEBFLOW("webflow", ChannelFamily.WEBFORM, "secret"),
    BITRIX24_FORM("bitrix24-form", ChannelFamily.WEBFORM, "token"),
    TELEGRAM("telegram", ChannelFamily.MESSENGER, "secret-token"),
    WHATSAPP("whatsapp", ChannelFamily.MESSENGER, "app-secret", "verify-token"),
    FACEBOOK("facebook", ChannelFamily.MESSENGER, "app-secret", "verify-token"),
    INSTAGRAM("instagram", ChannelFamily.MESSENGER, "app-secret", "verify-token"),
    VK("vk", ChannelFamily.MESSENGER, "confirmation"),
    VIBER("viber", ChannelFamily.MESSENGER, "auth-token"),
    AVITO("avito", ChannelFamily.MESSENGER),
    TWILIO("twilio", ChannelFamily.PHONE, "auth-token"),
    SIPGATE("sipgate", ChannelFamily.PHONE, "token"),
    PLACETEL("placetel", ChannelFamily.PHONE, "token"),
    MANGO("mango", ChannelFamily.PHONE, "api-key", "api-salt"),
    ZADARMA("zadarma", ChannelFamily.PHONE, "api-secret"),
    EMAIL("email", ChannelFamily.EMAIL),
    IMAP("imap", ChannelFamily.EMAIL, "host", "username", "password");

    private final String id;
    private final ChannelFamily family;
    private final Set<String> requiredSettings;

    Provider(String id, ChannelFamily family, String... requiredSettings) {
        this.id = id;
        this.family = family;
        this.requiredSettings = Set.of(requiredSettings);
    }

    /** The name used in channel files and preview JSON. */
    public String id() {
        return id;
    }

    public ChannelFamily family() {
        return family;
    }

    public Set<String> requiredSettings() {
        return requiredSettings;
    }

    /**
     * The setting holding this provider's optional secret (a token or shared secret the provider sends back); a
     * channel without it accepts unauthenticated posts and is shown as {@code open}. Empty: the provider's secret is
     * required, or it has none to check.
     */
    public Optional<String> optionalSecret() {
        return switch (this) {
            case WEBFORM, TILDA, EMAIL -> Optional.of("token");
            case VK, AVITO -> Optional.of("secret");
            default -> Optional.empty();
        };
    }

    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
