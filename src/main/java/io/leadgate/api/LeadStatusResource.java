package io.leadgate.api;

import io.leadgate.lead.LeadStatusDef;
import io.leadgate.pipeline.LeadLifecycle;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

    private final LeadLifecycle leads;

    LeadStatusResource(LeadLifecycle leads) {
        this.leads = leads;
    }

    @GET
    public List<StatusView> statuses() {
        return leads.statuses().stream().map(LeadStatusResource::view).toList();
    }

    /** {@code {code, name, semantics: in-progress|converted|junk}} → 201. */
    @POST
    public Response addStatus(StatusBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {code, name, semantics} is required");
        }
        return Response.status(201).entity(view(leads.addStatus(body.code(), body.name(), body.semantics()))).build();
    }

    private static StatusView view(LeadStatusDef s) {
        return new StatusView(s.code, s.name, s.semantics, s.builtin);
    }
}
