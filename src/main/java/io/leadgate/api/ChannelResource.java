package io.leadgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelOrigin;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.ChannelState;
import io.leadgate.channel.ChannelStatus;
import io.leadgate.channel.store.ChannelAdmin;
import io.leadgate.channel.store.ChannelRefusedException;
import io.leadgate.channel.store.SecretSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/channels}: every channel, from a file or the API, with its state ({@code active}, {@code disabled} or
 * {@code invalid} with the reason) and its settings without the secrets (listed as set / not set). Channels are
 * created, changed, switched and deleted here in the channel file shape; file channels are read-only.
 */
@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code channel}, {@code defaultRegion}, {@code source}, {@code hookPath}, {@code settings}, {@code secrets}
     * and {@code verification} are null for an invalid channel.
     *
     * @param origin   {@code file} or {@code api}; file channels are read-only through the API
     * @param settings the settings that are no secrets
     * @param secrets  for each secret setting: {@code set} or {@code not set}
     * @param verification {@code secret} when posts are checked against the channel's secret or signature,
     *                 {@code open} when its optional secret is not set (anyone who knows the URL can post)
     */
    public record ChannelView(String id, String provider, boolean enabled, String state, String error, String origin,
                              String channel, String defaultRegion, String source, String hookPath,
                              Map<String, Object> settings, Map<String, String> secrets, String verification) {
    }

    private final ChannelRegistry registry;
    private final ChannelAdmin admin;

    ChannelResource(ChannelRegistry registry, ChannelAdmin admin) {
        this.registry = registry;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "Every channel (files and API) with its state; secrets only as set / not set")
    public List<ChannelView> list() {
        Map<String, ChannelDefinition> valid = new HashMap<>();
        registry.all().forEach(d -> valid.put(d.id(), d));
        return registry.statuses().stream().map(s -> view(s, valid)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One channel")
    public ChannelView get(@PathParam("id") String id) {
        Map<String, ChannelDefinition> valid = new HashMap<>();
        registry.all().forEach(d -> valid.put(d.id(), d));
        List<ChannelStatus> statuses = registry.statuses();
        return statuses.stream().filter(s -> s.id().equals(id) && s.state() != ChannelState.INVALID).findFirst()
                .or(() -> statuses.stream().filter(s -> s.id().equals(id)).findFirst())
                .map(s -> view(s, valid)).orElseThrow(() -> ApiError.notFound("no channel " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a channel: {id, provider, enabled?, default-region?, source?, settings}")
    public Response create(String body) {
        String id = refused(() -> admin.create(body(body)));
        return Response.created(URI.create("/api/channels/" + id)).entity(get(id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an API channel's definition (secret settings left out keep their values)")
    public ChannelView replace(@PathParam("id") String id, String body) {
        return update(id, body, false);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields of an API channel; settings merge key by key, null removes one")
    public ChannelView patch(@PathParam("id") String id, String body) {
        return update(id, body, true);
    }

    private ChannelView update(String id, String body, boolean merge) {
        Map<String, Object> map = body(body);
        refused(() -> {
            admin.update(id, map, merge);
            return id;
        });
        return get(id);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Switch an API channel on")
    public ChannelView enable(@PathParam("id") String id) {
        return switched(id, true);
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Switch an API channel off (its hook answers 404)")
    public ChannelView disable(@PathParam("id") String id) {
        return switched(id, false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an API channel")
    public Response delete(@PathParam("id") String id) {
        refused(() -> {
            admin.delete(id);
            return id;
        });
        return Response.noContent().build();
    }

    private ChannelView switched(String id, boolean enabled) {
        refused(() -> {
            admin.setEnabled(id, enabled);
            return id;
        });
        return get(id);
    }

    private static ChannelView view(ChannelStatus s, Map<String, ChannelDefinition> valid) {
        String origin = ChannelOrigin.of(s.file()).code();
        ChannelDefinition d = s.state() == ChannelState.INVALID ? null : valid.get(s.id());
        if (d == null) {
            return new ChannelView(s.id(), s.provider(), s.enabled(), s.state().code(), s.error(), origin, null, null,
                    null, null, null, null, null);
        }
        return new ChannelView(s.id(), s.provider(), s.enabled(), s.state().code(), null, origin,
                d.provider().family().code(), d.defaultRegion(), d.source(), "/hooks/" + d.id(),
                SecretSettings.open(d.provider(), d.settings()), SecretSettings.presence(d.provider(), d.settings()),
                d.open() ? "open" : "secret");
    }

    static Map<String, Object> body(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("a JSON object is required");
        }
        try {
            Map<String, Object> map = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            if (map == null) {
                throw ApiError.badRequest("a JSON object is required");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not a JSON object");
        }
    }

    static <T> T refused(Supplier<T> call) {
        try {
            return call.get();
        } catch (ChannelRefusedException e) {
            throw new ApiError(e.reason().status(), e.getMessage());
        }
    }
}
