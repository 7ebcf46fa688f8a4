package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.pipeline.TunnelService;
import io.leadgate.pipeline.TunnelView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Tunnels between pipelines (CONTRACT §7): a rule that would close a loop answers 409. */
@Path("/api/tunnels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class TunnelResource {

    public record TunnelBody(String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                             String mode, String titlePrefix, String titleSuffix, List<String> carry) {
    }

    private final TunnelService tunnels;

    TunnelResource(TunnelService tunnels) {
        this.tunnels = tunnels;
    }

    @GET
    public List<TunnelView> list(@QueryParam("pipelineId") String pipelineId) {
        return tunnels.list(pipelineId);
    }

    @POST
    @Operation(summary = "Add a tunnel: {fromPipelineId, fromStageId, toPipelineId, toStageId, mode, titlePrefix?, "
            + "titleSuffix?, carry?}",
            description = "mode copy creates a linked copy, move takes the deal along. titlePrefix / titleSuffix rename "
                    + "the carried deal (added once). carry (copy only) lists the fields that travel: title, amount, "
                    + "items, responsible, expectedCloseDate, fields, fields.<name>; absent = all. A rule that would "
                    + "close a loop answers 409; a lost stage cannot be a target (400).")
    public Response create(@HeaderParam("X-Actor") String actor, TunnelBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {fromPipelineId, fromStageId, toPipelineId, toStageId, mode} is required");
        }
        TunnelView view = tunnels.create(body.fromPipelineId(), body.fromStageId(), body.toPipelineId(),
                body.toStageId(), body.mode(), new TunnelService.Carriage(body.titlePrefix(), body.titleSuffix(),
                        body.carry()), PipelineErrors.actor(actor, null));
        return Response.status(201).entity(view).build();
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Edit a tunnel: {toPipelineId?, toStageId?, mode?, titlePrefix?, titleSuffix?, carry?}",
            description = "A key given as null clears it. A new target goes through the loop check (409).")
    public TunnelView update(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("a JSON object is required");
        }
        return tunnels.update(Params.pathId("tunnel", id), (ObjectNode) body, PipelineErrors.actor(actor, null));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        tunnels.delete(Params.pathId("tunnel", id), PipelineErrors.actor(actor, null));
        return Response.noContent().build();
    }
}
