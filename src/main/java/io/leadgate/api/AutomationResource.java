package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.pipeline.AutomationRuleView;
import io.leadgate.pipeline.AutomationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Robots: {@code {trigger?, stageId | leadStatus, inquiryKinds?, action, params, delay?, repeat?}} with action
 * emit-event, webhook, set-responsible, add-task, set-field, move, create-deal, notify or reopen; delay as ISO-8601
 * ({@code PT1H}, {@code P11M}) or seconds.
 */
@Path("/api/automations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class AutomationResource {

    /**
     * {@code trigger}: stage-entered (default), inquiry or lead-status; {@code stageId} or {@code leadStatus};
     * {@code inquiryKinds}: call, message, form, email (inquiry rules; empty = any); {@code delay}: ISO-8601 duration,
     * seconds or a calendar period (P11M); {@code repeat}: a period (P1Y) to run again after each run.
     */
    public record RuleBody(String trigger, String stageId, String leadStatus, List<String> inquiryKinds, String action,
                           JsonNode params, JsonNode delay, String repeat) {
    }

    private final AutomationService automations;

    AutomationResource(AutomationService automations) {
        this.automations = automations;
    }

    @GET
    public List<AutomationRuleView> list(@QueryParam("pipelineId") String pipelineId, @QueryParam("stageId") String stageId) {
        return automations.list(pipelineId, stageId);
    }

    @POST
    public Response create(@HeaderParam("X-Actor") String actor, RuleBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {stageId, action, params} is required");
        }
        return Response.status(201).entity(automations.create(new AutomationService.RuleSpec(body.trigger(), body.stageId(),
                body.leadStatus(), body.inquiryKinds(), body.action(), body.params(), body.delay(), body.repeat()),
                PipelineErrors.actor(actor, null))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        automations.delete(Params.pathId("automation", id), PipelineErrors.actor(actor, null));
        return Response.noContent().build();
    }
}
