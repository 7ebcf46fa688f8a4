package io.leadgate.api;

import io.leadgate.intake.HookService;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /hooks/{id}} and any sub-path under it: where providers deliver. The body is read raw (by
 * {@link HookBodies}, on the event loop, within the channel's limit and the body timeout), so signatures can be
 * checked over the exact bytes. Hooks never take the API key.
 */
@Path("/hooks")
@Tag(name = "hooks", description = "Where providers deliver")
public class HookResource {

    private final HookService hooks;

    HookResource(HookService hooks) {
        this.hooks = hooks;
    }

    @POST
    @Path("{id}{sub: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A provider's delivery: verified, normalised and stored before the answer")
    @RequestBody(description = "The provider's delivery, read before this runs (HookBodies)",
            content = @Content(mediaType = MediaType.WILDCARD))
    public Response post(@PathParam("id") String id, @PathParam("sub") String sub, @Context HttpServerRequest http,
                         @Context RoutingContext routing) {
        byte[] body = HookBodies.body(routing);
        if (body == null) { // the body route refused it already, or did not run: never read the body on a worker
            throw new IllegalStateException("hook body was not read by HookBodies");
        }
        return HookReplies.response(hooks.handle(id, HookReplies.request(http, sub, http.absoluteURI(), body)));
    }

    @GET
    @Path("{id}{sub: (/.*)?}")
    @Operation(summary = "Subscription handshakes (Meta hub.challenge, Zadarma zd_echo)")
    public Response get(@PathParam("id") String id, @PathParam("sub") String sub, @Context HttpServerRequest http) {
        return HookReplies.response(hooks.handle(id, HookReplies.request(http, sub, http.absoluteURI(), null)));
    }

    @OPTIONS
    @Path("{id}{sub: (/.*)?}")
    @Operation(summary = "CORS preflight for channels with allowed-origins")
    public Response options(@PathParam("id") String id, @PathParam("sub") String sub, @Context HttpServerRequest http) {
        return HookReplies.response(hooks.handle(id, HookReplies.request(http, sub, http.absoluteURI(), null)));
    }
}
