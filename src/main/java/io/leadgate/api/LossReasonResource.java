package io.leadgate.api;

import io.leadgate.pipeline.LossReason;
import io.leadgate.pipeline.LossReasons;
import io.leadgate.pipeline.CatalogEdits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The managed list of reasons a deal can be lost for. */
@Path("/api/loss-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class LossReasonResource {

    public record ReasonView(String code, String name) {
    }

    public record ReasonBody(String code, String name) {
    }

    /** {@code {name}}: the new name. */
    public record NameBody(String name) {
    }

    private final LossReasons reasons;
    private final CatalogEdits edits;

    LossReasonResource(LossReasons reasons, CatalogEdits edits) {
        this.reasons = reasons;
        this.edits = edits;
    }

    @GET
    public List<ReasonView> reasons() {
        return reasons.list().stream().map(r -> new ReasonView(r.code, r.name)).toList();
    }

    /** {@code {code, name?}} → 201; an existing code → 409. */
    @POST
    public Response addReason(@HeaderParam("X-Actor") String actor, ReasonBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {code, name} is required");
        }
        LossReason r = reasons.add(body.code(), body.name(), PipelineErrors.actor(actor, null));
        return Response.status(201).entity(new ReasonView(r.code, r.name)).build();
    }

    /** {@code {name}} → the renamed reason (the code stays); unknown → 404. */
    @PUT
    @Path("{code}")
    public ReasonView rename(@PathParam("code") String code, @HeaderParam("X-Actor") String actor, NameBody body) {
        LossReason r = edits.renameLossReason(code, body == null ? null : body.name(), PipelineErrors.actor(actor, null));
        return new ReasonView(r.code, r.name);
    }

    /**
     * → 204; still given to deals → 409 with their count, unless {@code moveTo} names the reason they (and their
     * stage history) get instead.
     */
    @DELETE
    @Path("{code}")
    public Response delete(@PathParam("code") String code, @QueryParam("moveTo") String moveTo,
                           @HeaderParam("X-Actor") String actor) {
        edits.deleteLossReason(code, moveTo, PipelineErrors.actor(actor, null));
        return Response.noContent().build();
    }
}
