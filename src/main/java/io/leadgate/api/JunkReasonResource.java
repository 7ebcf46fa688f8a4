package io.leadgate.api;

import io.leadgate.lead.JunkReason;
import io.leadgate.pipeline.LeadLifecycle;
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

/** Configurable junk reasons. */
@Path("/api/junk-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class JunkReasonResource {

    public record ReasonView(String code, String name) {
    }

    public record ReasonBody(String code, String name) {
    }

    /** {@code {name}}: the new name. */
    public record NameBody(String name) {
    }

    private final LeadLifecycle leads;
    private final CatalogEdits edits;

    JunkReasonResource(LeadLifecycle leads, CatalogEdits edits) {
        this.leads = leads;
        this.edits = edits;
    }

    @GET
    public List<ReasonView> reasons() {
        return leads.reasons().stream().map(r -> new ReasonView(r.code, r.name)).toList();
    }

    /** {@code {code, name?}} → 201. */
    @POST
    public Response addReason(@HeaderParam("X-Actor") String actor, ReasonBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {code, name} is required");
        }
        JunkReason r = leads.addReason(body.code(), body.name(), PipelineErrors.actor(actor, null));
        return Response.status(201).entity(new ReasonView(r.code, r.name)).build();
    }

    /** {@code {name}} → the renamed reason (the code stays); unknown → 404. */
    @PUT
    @Path("{code}")
    public ReasonView rename(@PathParam("code") String code, @HeaderParam("X-Actor") String actor, NameBody body) {
        JunkReason r = edits.renameJunkReason(code, body == null ? null : body.name(), PipelineErrors.actor(actor, null));
        return new ReasonView(r.code, r.name);
    }

    /**
     * → 204; still given to leads → 409 with their count, unless {@code moveTo} names the reason they get instead.
     */
    @DELETE
    @Path("{code}")
    public Response delete(@PathParam("code") String code, @QueryParam("moveTo") String moveTo,
                           @HeaderParam("X-Actor") String actor) {
        edits.deleteJunkReason(code, moveTo, PipelineErrors.actor(actor, null));
        return Response.noContent().build();
    }
}
