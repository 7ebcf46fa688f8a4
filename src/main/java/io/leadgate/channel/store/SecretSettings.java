package io.leadgate.channel.store;

import io.leadgate.channel.Provider;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which channel settings are secrets: encrypted at rest for API channels and never shown by the API. Per provider the
 * keys of CONTRACT §2 that carry a token, password or signing secret, plus the credentials "connect" uses; and, as a
 * safety net, any key whose name says token, secret, password, salt or key.
 */
public final class SecretSettings {

    private static final Map<Provider, Set<String>> DECLARED = new EnumMap<>(Provider.class);

    static {
        DECLARED.put(Provider.WEBFORM, Set.of("token"));
        DECLARED.put(Provider.TILDA, Set.of("token"));
        DECLARED.put(Provider.TYPEFORM, Set.of("secret"));
        DECLARED.put(Provider.WEBFLOW, Set.of("secret"));
        DECLARED.put(Provider.BITRIX24_FORM, Set.of("token"));
        DECLARED.put(Provider.TELEGRAM, Set.of("secret-token", "bot-token"));
        DECLARED.put(Provider.WHATSAPP, Set.of("app-secret", "verify-token"));
        DECLARED.put(Provider.FACEBOOK, Set.of("app-secret", "verify-token"));
        DECLARED.put(Provider.INSTAGRAM, Set.of("app-secret", "verify-token"));
        DECLARED.put(Provider.VK, Set.of("secret", "access-token"));
        DECLARED.put(Provider.VIBER, Set.of("auth-token"));
        DECLARED.put(Provider.AVITO, Set.of("secret", "client-secret"));
        DECLARED.put(Provider.TWILIO, Set.of("auth-token"));
        DECLARED.put(Provider.SIPGATE, Set.of("token"));
        DECLARED.put(Provider.PLACETEL, Set.of("token"));
        DECLARED.put(Provider.MANGO, Set.of("api-key", "api-salt"));
        DECLARED.put(Provider.ZADARMA, Set.of("api-secret"));
        DECLARED.put(Provider.EMAIL, Set.of("token"));
        DECLARED.put(Provider.IMAP, Set.of("password"));
    }

    private SecretSettings() {
    }

    /** The secret keys a provider declares (shown as set / not set). */
    public static Set<String> declared(Provider provider) {
        return DECLARED.getOrDefault(provider, Set.of());
    }

    /** True when this setting of this provider is a secret. */
    public static boolean isSecret(Provider provider, String key) {
        if (declared(provider).contains(key)) {
            return true;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("token") || k.contains("secret") || k.contains("password") || k.contains("salt")
                || k.equals("key") || k.endsWith("-key") || k.endsWith("_key");
    }

    /** The settings that are no secrets. */
    public static Map<String, Object> open(Provider provider, Map<String, Object> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (!isSecret(provider, k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The secret settings. */
    public static Map<String, Object> secret(Provider provider, Map<String, Object> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (isSecret(provider, k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** For each declared and each present secret key: {@code set} or {@code not set}. */
    public static Map<String, String> presence(Provider provider, Map<String, Object> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        declared(provider).stream().sorted().forEach(k -> out.put(k, present(settings.get(k)) ? "set" : "not set"));
        settings.forEach((k, v) -> {
            if (isSecret(provider, k)) {
                out.put(k, present(v) ? "set" : "not set");
            }
        });
        return out;
    }

    private static boolean present(Object v) {
        return v != null && !v.toString().isBlank();
    }
}
