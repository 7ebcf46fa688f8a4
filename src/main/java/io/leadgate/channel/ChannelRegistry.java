package io.leadgate.channel;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channels of this gateway, loaded from the channel files at start-up. A file that cannot be used stops
 * start-up with a message naming the file and the key.
 */
@Startup
@ApplicationScoped
public class ChannelRegistry {

    private static final Logger LOG = Logger.getLogger(ChannelRegistry.class);

    private final LeadgateConfig config;
    private final Map<Provider, InboundAdapter> adapters = new EnumMap<>(Provider.class);
    private volatile Map<String, ChannelDefinition> definitions = Map.of();

    ChannelRegistry(LeadgateConfig config, Instance<InboundAdapter> adapters) {
        this.config = config;
        for (InboundAdapter adapter : adapters) {
            InboundAdapter previous = this.adapters.put(adapter.provider(), adapter);
            if (previous != null) {
                throw new IllegalStateException("two adapters for provider " + adapter.provider().id());
            }
        }
    }

    @PostConstruct
    void load() {
        Path dir = Path.of(config.channels().dir());
        List<ChannelDefinition> loaded = new ChannelFileLoader(System::getenv).loadDirectory(dir);
        Map<String, ChannelDefinition> byId = new LinkedHashMap<>();
        for (ChannelDefinition definition : loaded) {
            InboundAdapter adapter = adapters.get(definition.provider());
            if (adapter == null && definition.enabled()) {
                throw new ChannelFileException(definition.file(), "provider",
                        "provider '" + definition.provider().id() + "' is not available in this version");
            }
            if (adapter != null) {
                adapter.validate(definition);
            }
            byId.put(definition.id(), definition);
        }
        definitions = Map.copyOf(byId);
        LOG.infof("Loaded %d channel(s) from %s, %d enabled", byId.size(), dir.toAbsolutePath(),
                byId.values().stream().filter(ChannelDefinition::enabled).count());
    }

    /** The enabled channel with this id that takes hooks (a polled channel has none). */
    public Optional<Channel> find(String id) {
        ChannelDefinition definition = definitions.get(id);
        if (definition == null || !definition.enabled()) {
            return Optional.empty();
        }
        return adapter(definition.provider()).map(a -> new Channel(definition, a));
    }

    /** Every channel definition, enabled or not. */
    public List<ChannelDefinition> all() {
        return List.copyOf(definitions.values());
    }

    /** The hook adapter for a provider, when this version has one and the provider posts to hooks. */
    public Optional<ChannelAdapter> adapter(Provider provider) {
        return inbound(provider).filter(ChannelAdapter.class::isInstance).map(ChannelAdapter.class::cast);
    }

    /** The adapter for a provider, hook or polled, when this version has one. */
    public Optional<InboundAdapter> inbound(Provider provider) {
        return Optional.ofNullable(adapters.get(provider));
    }
}
