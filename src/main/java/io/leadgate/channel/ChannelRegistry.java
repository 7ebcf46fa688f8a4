package io.leadgate.channel;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channels of this gateway, read from the channel files directory at start-up and polled every
 * {@code leadgate.channels.reload-interval}: files added, changed or removed take effect without a restart (a new
 * content once it is the same on two polls in a row, so half-written files are never used). Each
 * file stands alone — one that cannot be used makes that channel {@link ChannelState#INVALID} (its hook answers 404)
 * and the others keep working. A reload builds a new immutable snapshot and swaps it in one step, so a request sees
 * either the old or the new definition of a channel, never a mix. Channels stored through the API come from a
 * {@link ChannelSource}, read at the same polls and merged into the same snapshot (a file's id wins over a stored
 * one). Thread-safe.
 */
@Startup
@ApplicationScoped
public class ChannelRegistry {

    private static final Logger LOG = Logger.getLogger(ChannelRegistry.class);

    /** One consistent view of the directory. */
    private record Snapshot(Map<String, ChannelDefinition> definitions, List<ChannelStatus> statuses) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());
    }

    /** A file's content digest with what it gave, so unchanged files are not read into new definitions. */
    private record Cached(byte[] digest, ChannelFile result) {
    }

    private final Path dir;
    private final ChannelFileLoader loader;
    private final Map<Provider, InboundAdapter> adapters = new EnumMap<>(Provider.class);
    private final Map<Path, Cached> cache = new LinkedHashMap<>(); // guarded by this; in file name order
    private final Map<Path, byte[]> unsettled = new HashMap<>(); // guarded by this: digests seen once by poll()
    private final ChannelSource source;
    private List<ChannelFile> stored = List.of(); // guarded by this: the source's channels, checked
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private final java.util.Set<String> warnedOpen = new java.util.HashSet<>(); // guarded by this: ids warned about

    @Inject
    ChannelRegistry(LeadgateConfig config, Instance<InboundAdapter> adapters, Instance<ChannelSource> sources) {
        this(Path.of(config.channels().dir()), new ChannelFileLoader(System::getenv), adapters,
                sources.isResolvable() ? sources.get() : ChannelSource.NONE);
    }

    ChannelRegistry(Path dir, ChannelFileLoader loader, Iterable<? extends InboundAdapter> adapters) {
        this(dir, loader, adapters, ChannelSource.NONE);
    }

    ChannelRegistry(Path dir, ChannelFileLoader loader, Iterable<? extends InboundAdapter> adapters,
                    ChannelSource source) {
        this.dir = dir;
        this.loader = loader;
        this.source = source;
        for (InboundAdapter adapter : adapters) {
            InboundAdapter previous = this.adapters.put(adapter.provider(), adapter);
            if (previous != null) {
                throw new IllegalStateException("two adapters for provider " + adapter.provider().id());
            }
        }
    }

    @PostConstruct
    void start() {
        reload();
        Snapshot now = snapshot;
        LOG.infof("Loaded %d channel file(s) from %s: %d active, %d invalid", now.statuses().size(),
                dir.toAbsolutePath(), count(now, ChannelState.ACTIVE), count(now, ChannelState.INVALID));
    }

    @Scheduled(identity = "channel-files", every = "${leadgate.channels.reload-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledReload() {
        poll();
    }

    /**
     * Reads the directory again and swaps in the new channels when a file was added, changed or removed.
     *
     * @return true when something changed
     */
    public synchronized boolean reload() {
        return reload(false);
    }

    /**
     * As {@link #reload()}, but an added or changed file is taken only once two polls in a row found the same
     * content, so a file still being written is never read half-way (a cut-off file could be a valid channel
     * without its token). Removed files go at once.
     *
     * @return true when something changed
     */
    public synchronized boolean poll() {
        return reload(true);
    }

    private boolean reload(boolean settle) {
        List<Path> files;
        try {
            files = ChannelFileLoader.files(dir);
        } catch (ChannelFileException e) {
            LOG.warnf("channel files not reloaded, the previous channels stay: %s", e.getMessage());
            return false;
        }
        Map<Path, Cached> next = new LinkedHashMap<>();
        Map<Path, byte[]> seen = new HashMap<>();
        boolean changed = false;
        for (Path file : files) {
            byte[] content = content(file);
            byte[] digest = content == null ? null : Secrets.sha256(content);
            Cached previous = cache.get(file);
            if (previous != null && digest != null && Arrays.equals(previous.digest(), digest)) {
                next.put(file, previous);
            } else if (settle && digest != null && !Arrays.equals(unsettled.get(file), digest)) {
                seen.put(file, digest); // new content: taken at the next poll if it stays the same
                if (previous != null) {
                    next.put(file, previous);
                }
            } else {
                next.put(file, new Cached(digest, checked(content == null ? loader.read(file)
                        : loader.read(file, content))));
                changed = true;
            }
        }
        unsettled.clear();
        unsettled.putAll(seen);
        boolean storedChanged = refreshStored();
        if (!changed && !storedChanged && next.keySet().equals(cache.keySet())) {
            return false;
        }
        cache.clear();
        cache.putAll(next);
        swap();
        return true;
    }

    /**
     * Reads the stored (API) channels again without touching the files, so a change made through the API takes
     * effect on this replica at once (the others take it at their next poll).
     *
     * @return true when something changed
     */
    public synchronized boolean reloadStored() {
        if (!refreshStored()) {
            return false;
        }
        swap();
        return true;
    }

    /**
     * Checks a definition as a loading channel is checked: its provider is served by this version and its adapter
     * accepts the settings.
     *
     * @throws ChannelFileException naming the key
     */
    public void validate(ChannelDefinition definition) {
        if (checked(new ChannelFile.Valid(definition.file(), definition)) instanceof ChannelFile.Invalid invalid) {
            throw invalid.error();
        }
    }

    private boolean refreshStored() { // caller holds this
        List<ChannelFile> now;
        try {
            now = source.load().stream().map(this::checked).toList();
        } catch (RuntimeException e) {
            LOG.warnf("stored channels not reloaded, the previous ones stay (%s)", e.getClass().getSimpleName());
            return false;
        }
        if (same(now, stored)) {
            return false;
        }
        stored = now;
        return true;
    }

    /** Equal lists, counting two invalid channels with the same message as equal (errors have no equals). */
    private static boolean same(List<ChannelFile> a, List<ChannelFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            ChannelFile x = a.get(i);
            ChannelFile y = b.get(i);
            boolean equal = x.equals(y) || (x instanceof ChannelFile.Invalid u && y instanceof ChannelFile.Invalid v
                    && u.file().equals(v.file()) && u.id().equals(v.id()) && Objects.equals(u.provider(), v.provider())
                    && u.enabled() == v.enabled() && u.error().getMessage().equals(v.error().getMessage()));
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    private void swap() { // caller holds this
        Snapshot previous = snapshot;
        List<Cached> all = new ArrayList<>(cache.values());
        stored.forEach(s -> all.add(new Cached(null, s)));
        snapshot = build(all);
        logChanges(previous, snapshot);
        warnOpen(snapshot);
    }

    /** The enabled, valid channel with this id that takes hooks (a polled channel has none). */
    public Optional<Channel> find(String id) {
        ChannelDefinition definition = snapshot.definitions().get(id);
        if (definition == null || !definition.enabled()) {
            return Optional.empty();
        }
        return adapter(definition.provider()).map(a -> new Channel(definition, a));
    }

    /** Every valid channel definition, enabled or not. */
    public List<ChannelDefinition> all() {
        return List.copyOf(snapshot.definitions().values());
    }

    /** Every channel file with its state, invalid ones included, ordered by file name. */
    public List<ChannelStatus> statuses() {
        return snapshot.statuses();
    }

    /** The hook adapter for a provider, when this version has one and the provider posts to hooks. */
    public Optional<ChannelAdapter> adapter(Provider provider) {
        return inbound(provider).filter(ChannelAdapter.class::isInstance).map(ChannelAdapter.class::cast);
    }

    /** The adapter for a provider, hook or polled, when this version has one. */
    public Optional<InboundAdapter> inbound(Provider provider) {
        return Optional.ofNullable(adapters.get(provider));
    }

    /** A valid file whose provider this version cannot serve, or whose adapter refuses a setting, is invalid. */
    private ChannelFile checked(ChannelFile file) {
        if (!(file instanceof ChannelFile.Valid valid)) {
            return file;
        }
        ChannelDefinition d = valid.definition();
        InboundAdapter adapter = adapters.get(d.provider());
        try {
            if (adapter == null) {
                if (d.enabled()) {
                    throw new ChannelFileException(d.file(), "provider",
                            "provider '" + d.provider().id() + "' is not available in this version");
                }
            } else {
                adapter.validate(d);
            }
            return file;
        } catch (ChannelFileException e) {
            return new ChannelFile.Invalid(d.file(), d.id(), d.provider().id(), d.enabled(), e);
        } catch (RuntimeException e) { // an adapter's own failure: its message might quote a value, so leave it out
            return new ChannelFile.Invalid(d.file(), d.id(), d.provider().id(), d.enabled(), new ChannelFileException(
                    d.file(), "settings", "refused by the " + d.provider().id() + " adapter (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** Files in name order, then stored channels; of two valid definitions of one id the first wins, the second is invalid. */
    private static Snapshot build(Iterable<Cached> files) {
        Map<String, ChannelDefinition> definitions = new LinkedHashMap<>();
        List<ChannelStatus> statuses = new ArrayList<>();
        for (Cached cached : files) {
            ChannelFile result = cached.result();
            if (result instanceof ChannelFile.Valid valid) {
                ChannelDefinition d = valid.definition();
                ChannelDefinition other = definitions.putIfAbsent(d.id(), d);
                if (other == null) {
                    statuses.add(new ChannelStatus(d.id(), d.provider().id(), d.enabled(),
                            d.enabled() ? ChannelState.ACTIVE : ChannelState.DISABLED, null, d.file()));
                    continue;
                }
                result = new ChannelFile.Invalid(d.file(), d.id(), d.provider().id(), d.enabled(),
                        new ChannelFileException(d.file(), "id", "'" + d.id() + "' is already defined in " + other.file()));
            }
            ChannelFile.Invalid invalid = (ChannelFile.Invalid) result;
            statuses.add(new ChannelStatus(invalid.id(), invalid.provider(), invalid.enabled(), ChannelState.INVALID,
                    invalid.error().getMessage(), invalid.file()));
        }
        return new Snapshot(Map.copyOf(definitions), List.copyOf(statuses));
    }

    private static void logChanges(Snapshot before, Snapshot after) {
        Map<Path, ChannelStatus> old = new HashMap<>();
        before.statuses().forEach(s -> old.put(s.file(), s));
        for (ChannelStatus now : after.statuses()) {
            ChannelStatus was = old.remove(now.file());
            if (was != null && was.equals(now) && sameDefinition(before, after, now.id())) {
                continue;
            }
            if (now.state() == ChannelState.INVALID) {
                LOG.warnf("channel %s cannot be used: %s", now.id(), now.error());
            } else {
                LOG.infof("channel %s (%s) %s, %s", now.id(), now.provider(), was == null ? "loaded" : "reloaded",
                        now.state().code());
            }
        }
        old.values().forEach(gone -> LOG.infof("channel %s removed (%s is gone)", gone.id(), gone.file()));
    }

    /** Once per channel: an enabled channel without its optional secret takes unauthenticated posts. */
    private void warnOpen(Snapshot now) {
        for (ChannelDefinition d : now.definitions().values()) {
            if (d.enabled() && d.open() && warnedOpen.add(d.id())) {
                LOG.warnf("channel %s (%s) has no %s: it accepts unauthenticated posts from anyone who knows its "
                        + "hook URL (verification: open)", d.id(), d.provider().id(),
                        d.provider().optionalSecret().orElseThrow());
            }
        }
    }

    private static boolean sameDefinition(Snapshot before, Snapshot after, String id) {
        return Objects.equals(before.definitions().get(id), after.definitions().get(id));
    }

    private static long count(Snapshot snapshot, ChannelState state) {
        return snapshot.statuses().stream().filter(s -> s.state() == state).count();
    }

    private static byte[] content(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null; // unreadable now: the file is invalid and read again next time
        }
    }
}
