package io.leadgate.channel.store;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.ChannelOrigin;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.ChannelStatus;
import io.leadgate.channel.Provider;
import io.leadgate.channel.store.ChannelRefusedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, changes, switches and deletes channels through the API. A definition is checked by the rules of a channel
 * file and by its adapter before it is stored; the registry then takes it at once on this replica and at its next
 * poll on the others. Channels defined by files are read-only here. Secrets stay in the store: nothing returned from
 * here carries one.
 */
@ApplicationScoped
public class ChannelAdmin {

    private static final java.util.Set<String> FIELDS = java.util.Set.of("id", "provider", "enabled", "default-region",
            "source", "settings");

    private final ChannelStore store;
    private final ChannelRegistry registry;

    ChannelAdmin(ChannelStore store, ChannelRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Creates a channel from a body shaped like a channel file; returns its id. */
    public String create(Map<String, Object> body) {
        fields(body);
        if (!(body.get("id") instanceof String id) || id.isBlank()) {
            throw new ChannelRefusedException(Reason.INVALID, "key 'id': is required");
        }
        if (!id.matches("[a-z0-9-]{1,64}")) {
            throw new ChannelRefusedException(Reason.INVALID, "key 'id': must match [a-z0-9-]{1,64}");
        }
        Optional<ChannelStatus> file = fileDefined(id);
        if (file.isPresent()) {
            throw new ChannelRefusedException(Reason.CONFLICT, "channel id '" + id + "' is taken by the channel file "
                    + file.get().file());
        }
        ChannelStore.Definition d = definition(id, body, 0);
        secretsWritable(d);
        try {
            store.insert(d);
        } catch (ChannelStore.ConflictException e) {
            throw new ChannelRefusedException(Reason.CONFLICT, e.getMessage());
        }
        registry.reloadStored();
        return id;
    }

    /**
     * Changes a stored channel. {@code merge} (PATCH): the fields given replace, {@code settings} merge key by key
     * ({@code null} removes one). Otherwise (PUT) the body replaces the definition, except that secret settings it
     * leaves out keep their stored values (they can never be read back); {@code null} removes one.
     */
    public void update(String id, Map<String, Object> body, boolean merge) {
        fields(body);
        if (body.containsKey("id") && !id.equals(body.get("id"))) {
            throw new ChannelRefusedException(Reason.INVALID, "key 'id': cannot be changed (create a new channel)");
        }
        ChannelStore.Definition stored = stored(id);
        Map<String, Object> next = merge ? stored.asFile() : new LinkedHashMap<>(Map.of("id", id));
        Map<String, Object> settings = new LinkedHashMap<>(merge ? stored.settings() : Map.of());
        if (!merge) {
            Provider provider = Provider.byId(String.valueOf(body.getOrDefault("provider", stored.provider())))
                    .orElse(null);
            if (provider != null && provider.id().equals(stored.provider())) {
                settings.putAll(SecretSettings.secret(provider, stored.settings()));
            }
        }
        body.forEach((k, v) -> {
            if (!k.equals("settings")) {
                next.put(k, v);
            }
        });
        Object given = body.get("settings");
        if (given != null && !(given instanceof Map)) {
            throw new ChannelRefusedException(Reason.INVALID, "key 'settings': must be a mapping");
        }
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v == null) {
                    settings.remove(String.valueOf(k));
                } else {
                    settings.put(String.valueOf(k), v);
                }
            });
        }
        next.remove("settings");
        next.values().removeIf(java.util.Objects::isNull);
        next.put("settings", settings);
        ChannelStore.Definition d = definition(id, next, stored.version());
        secretsWritable(d);
        save(d);
    }

    /** Switches a stored channel on or off. */
    public void setEnabled(String id, boolean enabled) {
        update(id, Map.of("enabled", enabled), true);
    }

    /** Deletes a stored channel. */
    public void delete(String id) {
        if (!store.delete(id)) {
            throw missing(id);
        }
        registry.reloadStored();
    }

    /** Sets one stored setting as "connect" learnt it from the provider (VK's confirmation code). */
    public void putSetting(String id, String key, String value) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(key, value);
        update(id, Map.of("settings", settings), true);
    }

    /** The stored definition, settings opened, or why not (404; 409 for a file channel). */
    public ChannelStore.Definition stored(String id) {
        Optional<ChannelStore.Definition> stored;
        try {
            stored = store.find(id);
        } catch (ChannelKeys.UnreadableException e) {
            throw new ChannelRefusedException(Reason.CONFLICT, "channel " + id + " cannot be changed: " + e.getMessage());
        }
        if (stored.isPresent()) {
            return stored.get();
        }
        throw missing(id);
    }

    private ChannelRefusedException missing(String id) {
        return fileDefined(id).map(s -> new ChannelRefusedException(Reason.CONFLICT, "channel " + id
                        + " is defined by the channel file " + s.file() + " and is read-only here; change the file"))
                .orElseGet(() -> new ChannelRefusedException(Reason.NOT_FOUND, "no channel " + id));
    }

    private void save(ChannelStore.Definition d) {
        try {
            if (!store.update(d)) {
                throw missing(d.id());
            }
        } catch (ChannelStore.ConflictException e) {
            throw new ChannelRefusedException(Reason.CONFLICT, e.getMessage());
        }
        registry.reloadStored();
    }

    /** Checks the body by the file rules and the adapter's; the definition to store. */
    private ChannelStore.Definition definition(String id, Map<String, Object> body, long version) {
        Object settings = body.get("settings");
        if (settings != null && !(settings instanceof Map)) {
            throw new ChannelRefusedException(Reason.INVALID, "key 'settings': must be a mapping");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        if (settings instanceof Map<?, ?> map) {
            map.forEach((k, v) -> s.put(String.valueOf(k), v));
        }
        Map<String, Object> file = new LinkedHashMap<>(body);
        file.put("id", id);
        file.put("settings", s);
        ChannelDefinition checked;
        try {
            checked = store.check(id, file);
            registry.validate(checked);
        } catch (ChannelFileException e) {
            throw new ChannelRefusedException(Reason.INVALID, e.getMessage());
        }
        return new ChannelStore.Definition(checked.id(), checked.provider().id(), checked.enabled(),
                checked.defaultRegion(), body.get("source") == null ? null : checked.source(), s, version);
    }

    private void secretsWritable(ChannelStore.Definition d) {
        Provider provider = Provider.byId(d.provider()).orElseThrow();
        if (!SecretSettings.secret(provider, d.settings()).isEmpty() && store.keys().currentId().isEmpty()) {
            throw new ChannelRefusedException(Reason.CONFLICT, "this channel has secret settings and no channel key "
                    + "is configured to encrypt them: set LEADGATE_CHANNEL_KEY (base64 of 32 random bytes)"
                    + store.keys().problem().map(p -> " (" + p + ")").orElse(""));
        }
    }

    private Optional<ChannelStatus> fileDefined(String id) {
        return registry.statuses().stream()
                .filter(s -> id.equals(s.id()) && ChannelOrigin.of(s.file()) == ChannelOrigin.FILE).findFirst();
    }

    private static void fields(Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new ChannelRefusedException(Reason.INVALID, "key '" + key + "': unknown key; expected one of "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
    }
}
