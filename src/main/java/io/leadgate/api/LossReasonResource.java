package io.leadgate.api;

import io.leadgate.pipeline.LossReason;
import io.leadgate.pipeline.LossReasons;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

    private final LossReasons reasons;

    LossReasonResource(LossReasons reasons) {
        this.reasons = reasons;
    }

    @GET
    public List<ReasonView> reasons() {
        return reasons.list().stream().map(r -> new ReasonView(r.code, r.name)).toList();
    }

    /** {@code {code, name?}} → 201; an existing code → 409. */
    @POST
    public Response addReason(ReasonBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {code, name} is required");
        }
        LossReason r = reasons.add(body.code(), body.name());
        return Response.status(201).entity(new ReasonView(r.code, r.name)).build();
    }
}
