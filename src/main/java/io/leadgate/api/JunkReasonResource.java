package io.leadgate.api;

import io.leadgate.lead.JunkReason;
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

    private final LeadLifecycle leads;

    JunkReasonResource(LeadLifecycle leads) {
        this.leads = leads;
    }

    @GET
    public List<ReasonView> reasons() {
        return leads.reasons().stream().map(r -> new ReasonView(r.code, r.name)).toList();
    }

    /** {@code {code, name?}} → 201. */
    @POST
    public Response addReason(ReasonBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {code, name} is required");
        }
        JunkReason r = leads.addReason(body.code(), body.name());
        return Response.status(201).entity(new ReasonView(r.code, r.name)).build();
    }
}
