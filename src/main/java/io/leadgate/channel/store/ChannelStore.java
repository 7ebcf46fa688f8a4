package io.leadgate.channel.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelFile;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.ChannelFileLoader;
import io.leadgate.channel.ChannelOrigin;
import io.leadgate.channel.ChannelSource;
import io.leadgate.channel.Provider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channels created through the API, in table {@code api_channel}: the {@link ChannelSource} the registry merges
 * with the files, and the rows the API writes. Secret settings ({@link SecretSettings}) are sealed apart with
 * {@link ChannelKeys}; a row is read back through the channel file loader, so a stored channel is checked by exactly
 * the rules of a file (without {@code ${NAME}} lookups: an API value is taken as written). Rows sealed under an old
 * key are sealed again under the current one at start-up. Thread-safe.
 */
@ApplicationScoped
public class ChannelStore implements ChannelSource {

    private static final Logger LOG = Logger.getLogger(ChannelStore.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** A stored channel with all its settings (secrets opened), as the API reads and writes it. */
    public record Definition(String id, String provider, boolean enabled, String defaultRegion, String source,
                             Map<String, Object> settings, long version) {

        /** The channel file shape: {@code id, provider, enabled, default-region, source, settings}. */
        public Map<String, Object> asFile() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("provider", provider);
            out.put("enabled", enabled);
            out.put("default-region", defaultRegion);
            if (source != null) {
                out.put("source", source);
            }
            out.put("settings", settings);
            return out;
        }

        @Override
        public String toString() { // settings hold secrets
            return "Definition[id=" + id + ", provider=" + provider + ", version=" + version + "]";
        }
    }

    /** A write that could not be made: another writer was first, or the id is taken. */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }

    private record Cached(long version, ChannelFile file) {
    }

    private final ChannelKeys keys;
    private final Clock clock;
    private final ChannelFileLoader loader = new ChannelFileLoader(name -> "${" + name + "}");
    private final Map<String, Cached> cache = new HashMap<>(); // guarded by this

    @Inject
    ChannelStore(ChannelKeyConfig config) {
        this(ChannelKeys.of(config.key(), config.oldKeys().orElse(List.of())), Clock.systemUTC());
        keys.problem().ifPresent(p -> LOG.errorf("channel keys unusable, API channels with secrets cannot be "
                + "written or read: %s", p));
    }

    ChannelStore(ChannelKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public ChannelKeys keys() {
        return keys;
    }

    /** Every stored channel, decoded and checked by the file rules; unchanged rows come back as the same values. */
    @Override
    public synchronized List<ChannelFile> load() {
        List<StoredChannel> rows = QuarkusTransaction.requiringNew().call(() -> StoredChannel.<StoredChannel>listAll());
        Map<String, Cached> next = new HashMap<>();
        List<ChannelFile> out = rows.stream().sorted(java.util.Comparator.comparing(r -> r.id)).map(row -> {
            Cached hit = cache.get(row.id);
            if (hit == null || hit.version() != row.version) {
                hit = new Cached(row.version, decode(row));
            }
            next.put(row.id, hit);
            return hit.file();
        }).toList();
        cache.clear();
        cache.putAll(next);
        return out;
    }

    /** A stored channel with its settings opened. */
    public Optional<Definition> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(StoredChannel.<StoredChannel>findById(id)))
                .map(row -> new Definition(row.id, row.provider, row.enabled, row.defaultRegion, row.source,
                        settings(row), row.version));
    }

    /**
     * Stores a new channel.
     *
     * @throws ConflictException when the id exists
     */
    public void insert(Definition d) {
        Instant now = clock.instant();
        StoredChannel row = new StoredChannel();
        row.id = d.id();
        row.createdAt = now;
        write(row, d, now);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (StoredChannel.findById(d.id()) != null) {
                    throw new ConflictException("channel id '" + d.id() + "' already exists");
                }
                row.persist();
                StoredChannel.flush();
            });
        } catch (PersistenceException e) { // the primary key: another replica inserted it first
            throw new ConflictException("channel id '" + d.id() + "' already exists");
        }
    }

    /**
     * Replaces a stored channel, if it still is at {@code d.version()}.
     *
     * @return false when there is no such channel
     * @throws ConflictException when another write came first
     */
    public boolean update(Definition d) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                StoredChannel row = StoredChannel.findById(d.id());
                if (row == null) {
                    return false;
                }
                if (row.version != d.version()) {
                    throw new ConflictException("channel " + d.id() + " was changed meanwhile; read it again");
                }
                write(row, d, clock.instant());
                StoredChannel.flush();
                return true;
            });
        } catch (OptimisticLockException e) {
            throw new ConflictException("channel " + d.id() + " was changed meanwhile; read it again");
        }
    }

    /** Deletes a stored channel; false when there is none. */
    public boolean delete(String id) {
        return QuarkusTransaction.requiringNew().call(() -> StoredChannel.deleteById(id));
    }

    /** Seals again, under the current key, every row sealed under an old one (start-up; safe on several replicas). */
    void rotateAtStart(@Observes StartupEvent start) {
        try {
            int n = rotate();
            if (n > 0) {
                LOG.infof("sealed the secrets of %d stored channel(s) again under key %s", n, keys.currentId().orElse("?"));
            }
        } catch (RuntimeException e) {
            LOG.warnf("stored channels not re-sealed at start-up (%s); they are at their next write",
                    e.getClass().getSimpleName());
        }
    }

    /** Re-seals rows sealed under another key than the current one; returns how many. Rows it cannot open stay. */
    public int rotate() {
        Optional<String> current = keys.currentId();
        if (current.isEmpty()) {
            return 0;
        }
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> StoredChannel.<StoredChannel>list(
                "secrets is not null and (keyId is null or keyId <> ?1)", current.get()).stream().map(r -> r.id).toList());
        int done = 0;
        for (String id : ids) {
            try {
                Optional<Definition> d = find(id);
                if (d.isPresent() && update(d.get())) {
                    done++;
                }
            } catch (ChannelKeys.UnreadableException | ConflictException e) {
                LOG.warnf("stored channel %s not re-sealed: %s", id, e.getMessage());
            }
        }
        return done;
    }

    private void write(StoredChannel row, Definition d, Instant now) {
        Provider provider = Provider.byId(d.provider()).orElseThrow();
        Map<String, Object> secret = SecretSettings.secret(provider, d.settings());
        row.provider = d.provider();
        row.enabled = d.enabled();
        row.defaultRegion = d.defaultRegion();
        row.source = d.source();
        row.settings = json(SecretSettings.open(provider, d.settings()));
        if (secret.isEmpty()) {
            row.secrets = null;
            row.keyId = null;
        } else {
            ChannelKeys.Sealed sealed = keys.seal(d.id(), json(secret));
            row.secrets = sealed.value();
            row.keyId = sealed.keyId();
        }
        row.updatedAt = now;
    }

    private Map<String, Object> settings(StoredChannel row) {
        Map<String, Object> all = read(row.settings);
        if (row.secrets != null) {
            all.putAll(read(keys.open(row.id, new ChannelKeys.Sealed(row.keyId, row.secrets))));
        }
        return all;
    }

    private ChannelFile decode(StoredChannel row) {
        java.nio.file.Path path = ChannelOrigin.apiPath(row.id);
        Map<String, Object> settings;
        try {
            settings = settings(row);
        } catch (ChannelKeys.UnreadableException e) {
            return new ChannelFile.Invalid(path, row.id, row.provider, row.enabled,
                    new ChannelFileException(path, "settings", "cannot be used: " + e.getMessage()));
        }
        Definition d = new Definition(row.id, row.provider, row.enabled, row.defaultRegion, row.source, settings,
                row.version);
        return loader.read(path, json(d.asFile()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a channel given in the file shape the way a channel file is read (JSON is YAML), values as written.
     *
     * @throws ChannelFileException naming the key
     */
    public io.leadgate.channel.ChannelDefinition check(String id, Map<String, Object> file) {
        return loader.load(ChannelOrigin.apiPath(id), json(file).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new ChannelKeys.UnreadableException("its stored settings are not JSON");
        }
    }
}
