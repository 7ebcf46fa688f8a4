package io.leadgate.api;

import io.leadgate.intake.HookService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** {@code POST /api/channels/{id}/preview[/sub-path]}: normalisation without side effects (CONTRACT §4). */
@Path("/api/channels")
@Tag(name = "channels")
public class PreviewResource {

    private final HookService hooks;

    PreviewResource(HookService hooks) {
        this.hooks = hooks;
    }

    @POST
    @Path("{id}/preview{sub: (/.*)?}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Shows what the hook would store for exactly this request; stores nothing")
    public Response preview(@PathParam("id") String id, @PathParam("sub") String sub, @Context HttpServerRequest http,
                            byte[] body) {
        // The request as the hook would have seen it, so URL-based signatures (Twilio) verify the same way.
        URI uri = URI.create(http.absoluteURI());
        String hookUrl = uri.getScheme() + "://" + uri.getRawAuthority() + "/hooks/" + id + sub
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return HookReplies.response(hooks.preview(id, HookReplies.request(http, sub, hookUrl, body)));
    }
}
