package io.leadgate.api;

import io.leadgate.channel.ChannelRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** {@code GET /api/channels}: the configured channels, without their settings (they hold secrets). */
@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelResource {

    public record ChannelView(String id, String provider, String channel, boolean enabled, String defaultRegion,
                              String source, String hookPath) {
    }

    private final ChannelRegistry registry;

    ChannelResource(ChannelRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<ChannelView> list() {
        return registry.all().stream().map(c -> new ChannelView(c.id(), c.provider().id(),
                c.provider().family().code(), c.enabled(), c.defaultRegion(), c.source(), "/hooks/" + c.id())).toList();
    }
}
