package io.leadgate.api;

import io.leadgate.channel.HookReply;
import io.leadgate.channel.connect.ConnectService;
import io.leadgate.intake.HookService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET} and {@code OPTIONS} on {@code /hooks/{id}} and any sub-path under it: subscription handshakes and CORS
 * preflight. Deliveries ({@code POST}) are taken by {@link HookBodies}, which reads the body without a worker
 * thread. Hooks never take the API key.
 */
@Path("/hooks")
@Tag(name = "hooks", description = "Where providers deliver")
public class HookResource {

    private final HookService hooks;
    private final ConnectService connect;

    HookResource(HookService hooks, ConnectService connect) {
        this.hooks = hooks;
        this.connect = connect;
    }

    @GET
    @Path("{id}{sub: (/.*)?}")
    @Operation(summary = "Subscription handshakes (Meta hub.challenge, Zadarma zd_echo)")
    public Response get(@PathParam("id") String id, @PathParam("sub") String sub, @Context HttpServerRequest http) {
        HookReply reply = hooks.handle(id, HookReplies.request(http, sub, http.absoluteURI(), null));
        if (reply.status() == 200) {
            connect.handshakeSeen(id); // shown by connect (Meta's verification GET)
        }
        return HookReplies.response(reply);
    }

    @OPTIONS
    @Path("{id}{sub: (/.*)?}")
    @Operation(summary = "CORS preflight for channels with allowed-origins")
    public Response options(@PathParam("id") String id, @PathParam("sub") String sub, @Context HttpServerRequest http) {
        return HookReplies.response(hooks.handle(id, HookReplies.request(http, sub, http.absoluteURI(), null)));
    }
}
