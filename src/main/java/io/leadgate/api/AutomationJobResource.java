package io.leadgate.api;

import io.leadgate.pipeline.AutomationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Robot runs, scheduled and finished (a sales boost due in eleven months is one): per deal or lead, cancellable. */
@Path("/api/automation-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class AutomationJobResource {

    public record CancelBody(String actor) {
    }

    private final AutomationService automations;

    AutomationJobResource(AutomationService automations) {
        this.automations = automations;
    }

    @GET
    @Operation(summary = "Robot runs of a deal or a lead, by due time; status pending, done, skipped, failed, cancelled or all")
    public List<AutomationService.JobView> list(@QueryParam("dealId") String dealId, @QueryParam("leadId") String leadId,
                                                @QueryParam("status") String status, @QueryParam("limit") String limit,
                                                @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return automations.jobs(Params.id("dealId", dealId), Params.id("leadId", leadId), status, page.offset(),
                page.limit());
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancels a pending run (a repeating rule's series on that deal ends with it); 409 when it already ran")
    public AutomationService.JobView cancel(@PathParam("id") String id, @HeaderParam("X-Actor") String actor,
                                            CancelBody body) {
        return automations.cancel(Params.pathId("automation job", id),
                PipelineErrors.actor(actor, body == null ? null : body.actor()));
    }
}
