package io.leadgate.api;

import io.leadgate.channel.connect.ConnectResult;
import io.leadgate.channel.connect.ConnectService;
import io.leadgate.channel.connect.ConnectionLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/channels/{id}/connect}: registers the channel's hook with its provider and checks it, or says what to
 * paste where; {@code GET} shows the last result and when the provider's verification handshake was seen.
 */
@Path("/api/channels/{id}/connect")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelConnectResource {

    /** A connect's answer: {@code state} is {@code connected}, {@code failed} or {@code manual}. */
    public record ConnectView(String channelId, String provider, String state, String url,
                              List<ConnectResult.Step> steps, Map<String, Object> facts) {
    }

    private final ConnectService connect;

    ChannelConnectResource(ConnectService connect) {
        this.connect = connect;
    }

    @POST
    @Operation(summary = "Register the hook with the provider and check it; body {publicUrl?}")
    public ConnectView connect(@PathParam("id") String id, String body) {
        Optional<String> base = Optional.empty();
        if (body != null && !body.isBlank()) {
            Object given = ChannelResource.body(body).get("publicUrl");
            if (given != null && !(given instanceof String)) {
                throw ApiError.badRequest("publicUrl must be a string");
            }
            base = Optional.ofNullable((String) given);
        }
        Optional<String> url = base;
        ConnectResult r = ChannelResource.refused(() -> connect.connect(id, url));
        return new ConnectView(r.channelId(), r.provider(), r.state().code(), r.url(), r.steps(), r.facts());
    }

    @GET
    @Operation(summary = "The last connect result and when the verification handshake was last seen")
    public ConnectionLog.Entry status(@PathParam("id") String id) {
        return connect.status(id).orElse(new ConnectionLog.Entry(null, null, null, null));
    }
}
