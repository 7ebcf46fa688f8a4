package io.leadgate.channel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One channel instance, read from its channel file and validated when it loads. Immutable: a changed file gives a
 * new instance.
 *
 * @param settings provider settings with {@code ${NAME}} already resolved; values are strings, lists or maps
 * @param policy   the provider-independent settings, typed and validated
 */
public record ChannelDefinition(String id, Provider provider, boolean enabled, String defaultRegion, String source,
                                Map<String, Object> settings, Path file, ChannelPolicy policy) {

    public ChannelDefinition {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Reads the policy from the settings; a wrong policy value is a {@link ChannelFileException}. */
    public ChannelDefinition(String id, Provider provider, boolean enabled, String defaultRegion, String source,
                             Map<String, Object> settings, Path file) {
        this(id, provider, enabled, defaultRegion, source, settings, file,
                ChannelPolicyReader.read(file, provider, defaultRegion, settings));
    }

    /** The same channel under another source label; the policy read when it loaded is kept, never read again. */
    public ChannelDefinition withSource(String source) {
        return new ChannelDefinition(id, provider, enabled, defaultRegion, source, settings, file, policy);
    }

    /**
     * True when the provider's secret is optional and this channel has none ({@link Provider#optionalSecret()}):
     * anyone who knows the hook's URL can post to it.
     */
    public boolean open() {
        return provider.optionalSecret().map(key -> setting(key).filter(v -> !v.isBlank()).isEmpty()).orElse(false);
    }

    /** A scalar setting as text. */
    public Optional<String> setting(String key) {
        Object v = settings.get(key);
        return v == null || v instanceof Map || v instanceof List ? Optional.empty() : Optional.of(v.toString());
    }

    /** A setting that may be written as a list or as one comma-separated string. */
    public List<String> settingList(String key) {
        Object v = settings.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item).strip()));
        } else if (v != null && !(v instanceof Map)) {
            for (String part : v.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** A setting written as a map of strings. */
    public Map<String, String> settingMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (settings.get(key) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return out;
    }

    @Override
    public String toString() { // settings hold secrets: never print them
        return "ChannelDefinition[id=" + id + ", provider=" + provider.id() + ", enabled=" + enabled + "]";
    }
}
