package io.leadgate.api;

import io.leadgate.lead.LeadStatusDef;
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

/** Configurable lead statuses, each with its semantics (new, in-progress, converted, junk). */
@Path("/api/lead-statuses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class LeadStatusResource {

    public record StatusView(String code, String name, String semantics, boolean builtin) {
    }

    public record StatusBody(String code, String name, String semantics) {
    }

    /** {@code {name}}: the new name. */
    public record NameBody(String name) {
    }

    private final LeadLifecycle leads;
    private final CatalogEdits edits;

    LeadStatusResource(LeadLifecycle leads, CatalogEdits edits) {
        this.leads = leads;
        this.edits = edits;
    }

    @GET
    public List<StatusView> statuses() {
        return leads.statuses().stream().map(LeadStatusResource::view).toList();
    }

    /** {@code {code, name, semantics: in-progress|converted|junk}} → 201. */
    @POST
    public Response addStatus(@HeaderParam("X-Actor") String actor, StatusBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {code, name, semantics} is required");
        }
        return Response.status(201).entity(view(leads.addStatus(body.code(), body.name(), body.semantics(), PipelineErrors.actor(actor, null)))).build();
    }

    /** {@code {name}} → the renamed status (built-in ones too; the code stays); unknown → 404. */
    @PUT
    @Path("{code}")
    public StatusView rename(@PathParam("code") String code, @HeaderParam("X-Actor") String actor, NameBody body) {
        return view(edits.renameStatus(code, body == null ? null : body.name(), PipelineErrors.actor(actor, null)));
    }

    /**
     * → 204; a built-in status or one an automation rule waits for → 409; still given to leads → 409 with their
     * count, unless {@code moveTo} names a status of the same meaning they get instead.
     */
    @DELETE
    @Path("{code}")
    public Response delete(@PathParam("code") String code, @QueryParam("moveTo") String moveTo,
                           @HeaderParam("X-Actor") String actor) {
        edits.deleteStatus(code, moveTo, PipelineErrors.actor(actor, null));
        return Response.noContent().build();
    }

    private static StatusView view(LeadStatusDef s) {
        return new StatusView(s.code, s.name, s.semantics, s.builtin);
    }
}
