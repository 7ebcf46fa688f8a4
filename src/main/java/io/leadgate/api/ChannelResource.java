package io.leadgate.api;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.ChannelState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/channels}: every channel file with its state ({@code active}, {@code disabled} or {@code invalid}
 * with the reason), without settings (they hold secrets).
 */
@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelResource {

    /**
     * {@code channel}, {@code defaultRegion}, {@code source}, {@code hookPath} and {@code verification} are null for an
     * invalid file. {@code verification}: {@code secret} when posts are checked against the channel's secret or
     * signature, {@code open} when its optional secret is not set (anyone who knows the URL can post).
     */
    public record ChannelView(String id, String provider, boolean enabled, String state, String error, String channel,
                              String defaultRegion, String source, String hookPath, String verification) {
    }

    private final ChannelRegistry registry;

    ChannelResource(ChannelRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<ChannelView> list() {
        Map<String, ChannelDefinition> valid = new HashMap<>();
        registry.all().forEach(d -> valid.put(d.id(), d));
        return registry.statuses().stream().map(s -> {
            ChannelDefinition d = s.state() == ChannelState.INVALID ? null : valid.get(s.id());
            return d == null
                    ? new ChannelView(s.id(), s.provider(), s.enabled(), s.state().code(), s.error(), null, null, null, null,
                    null)
                    : new ChannelView(s.id(), s.provider(), s.enabled(), s.state().code(), null,
                    d.provider().family().code(), d.defaultRegion(), d.source(), "/hooks/" + d.id(),
                    d.open() ? "open" : "secret");
        }).toList();
    }
}
