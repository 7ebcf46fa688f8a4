package io.leadgate.api;

import io.leadgate.pipeline.TunnelService;
import io.leadgate.pipeline.TunnelView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Tunnels between pipelines (CONTRACT §7): a rule that would close a loop answers 409. */
@Path("/api/tunnels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class TunnelResource {

    public record TunnelBody(String fromPipelineId, String fromStageId, String toPipelineId, String toStageId,
                             String mode) {
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
    public Response create(TunnelBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {fromPipelineId, fromStageId, toPipelineId, toStageId, mode} is required");
        }
        TunnelView view = tunnels.create(body.fromPipelineId(), body.fromStageId(), body.toPipelineId(),
                body.toStageId(), body.mode());
        return Response.status(201).entity(view).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        tunnels.delete(Params.pathId("tunnel", id));
        return Response.noContent().build();
    }
}
